package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Supabase Auth for end users, with the project's publishable (anon) key: sign-up, password sign-in, token
 * refresh, the current user and sign-out. Immutable and thread-safe; close it when done (the shared transport stays
 * open).
 *
 * <p>Every request goes to {@code <url>/auth/v1} with {@code apikey: <key>}, {@code X-Supabase-Api-Version:
 * 2024-01-01} and {@code X-Client-Info}; {@code Authorization} is {@code Bearer <user access token>} on the calls
 * made for a user, else {@code Bearer <key>} as supabase-js sends it. Only {@link #getUser} (a GET) is retried on
 * 500-504 and 520-530; sign-up, sign-in, refresh and sign-out are sent once (a refresh token is single-use), except
 * after a connection that failed before anything was sent.
 *
 * <p>Errors are mapped onto the SDK's exceptions by GoTrue's code (see the module docs): a weak password is an
 * {@link com.rabaislocal.sdk.core.error.InvalidRequestException} whose field errors list the reasons on
 * {@code password}; bad credentials an {@link AuthenticationException} with code {@code invalid_credentials}; an
 * existing user a {@link com.rabaislocal.sdk.core.error.ConflictException}; a rate limit a
 * {@link com.rabaislocal.sdk.core.error.RateLimitException} carrying Retry-After.
 */
public final class AuthClient extends AuthService {

    private static final Set<String> GONE_SESSION = Set.of("session_not_found", "session_expired", "bad_jwt");

    private final Clock clock;
    private AuthClient(Builder b, ClientOptions options) {
        super(options);
        this.clock = b.clock;
    }

    /** @return a builder; {@code url} and {@code apiKey} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        return settingsInto(new Builder()).clock(clock);
    }

    /**
     * The retry policy the Auth clients use unless given another: the SDK defaults with 500-504 and 520-530 as the
     * retryable statuses. Derive from it (e.g. to inject a sleeper) with {@code toBuilder()}.
     *
     * @return the default Auth retry policy
     */
    public static RetryPolicy defaultRetryPolicy() {
        return AuthHttp.defaultRetryPolicy();
    }

    /**
     * Creates a user with a password ({@code POST /signup}, {@code ?redirect_to=} when set).
     *
     * @param params e-mail or phone, password, metadata
     * @return the user, with a session when the project confirms sign-ups at once
     * @throws com.rabaislocal.sdk.core.error.InvalidRequestException on a weak password (code
     *     {@code weak_password}, reasons in {@code fieldErrors().get("password")}) or other invalid input
     * @throws com.rabaislocal.sdk.core.error.ConflictException when the user exists
     *     ({@code user_already_exists}, {@code email_exists}, {@code phone_exists})
     * @throws com.rabaislocal.sdk.core.error.RateLimitException when GoTrue rate limits sign-ups
     */
    public SignUpResult signUp(SignUpParams params) {
        Objects.requireNonNull(params, "params");
        SdkRequest.Builder rb = SdkRequest.builder("POST", "/signup").operation("auth.signUp")
                .jsonBody(params.body()).repeatable(false);
        params.redirectTo().ifPresent(r -> rb.query("redirect_to", r));
        SdkRequest request = rb.build();
        JsonNode node = AuthHttp.executeObject(http, request);
        if (node.hasNonNull("access_token")) {
            Session session = Session.read(node, clock, request);
            return new SignUpResult(session.user(), session);
        }
        JsonNode user = node.hasNonNull("user") ? node.get("user") : node;
        return new SignUpResult(AuthHttp.bind(user, User.class, request), null);
    }

    /**
     * Signs in with a password ({@code POST /token?grant_type=password}). Never retried after the request left.
     *
     * @param credentials e-mail or phone, and password
     * @return the session
     * @throws AuthenticationException with code {@code invalid_credentials} when the e-mail/phone or password is
     *     wrong (GoTrue answers 400)
     * @throws com.rabaislocal.sdk.core.error.InvalidRequestException e.g. {@code email_not_confirmed}
     * @throws com.rabaislocal.sdk.core.error.RateLimitException when GoTrue rate limits sign-ins
     */
    public Session signInWithPassword(PasswordCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return token("password", credentials.body());
    }

    /**
     * Exchanges a refresh token for a new session ({@code POST /token?grant_type=refresh_token}). Refresh tokens
     * are single-use, so this call is never repeated once sent: keep the returned session's refresh token.
     *
     * @param refreshToken the refresh token of the current session
     * @return the new session
     * @throws AuthenticationException with code {@code refresh_token_already_used} or
     *     {@code refresh_token_not_found} when the token can no longer be used (sign in again)
     */
    public Session refresh(Secret refreshToken) {
        requireToken("refreshToken", refreshToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refresh_token", refreshToken.reveal());
        return token("refresh_token", body);
    }

    private Session token(String grantType, Map<String, Object> body) {
        SdkRequest request = SdkRequest.builder("POST", "/token").operation("auth.token")
                .query("grant_type", grantType).jsonBody(body)
                .repeatable(false).build();
        return Session.read(AuthHttp.executeObject(http, request), clock, request);
    }

    /**
     * Returns the user an access token belongs to, as GoTrue sees it now ({@code GET /user} with the token as
     * Bearer): unlike local JWT verification, this notices a signed-out session or a deleted user. Retried on
     * 500-504 and 520-530.
     *
     * @param accessToken the user's access token
     * @return the user
     * @throws AuthenticationException when the token is invalid or expired, or its session ended ({@code bad_jwt},
     *     {@code session_not_found})
     * @throws NotFoundException when the user no longer exists ({@code user_not_found})
     */
    public User getUser(Secret accessToken) {
        requireToken("accessToken", accessToken);
        SdkRequest request = SdkRequest.builder("GET", "/user").operation("auth.user.get")
                .header("Authorization", AuthHttp.bearer(accessToken))
                .build();
        return AuthHttp.bind(AuthHttp.executeObject(http, request), User.class, request);
    }

    /**
     * Ends the user's sessions ({@code POST /logout?scope=}). A session that is already gone (expired token,
     * {@code session_not_found}, {@code bad_jwt}, 404) counts as signed out, as in supabase-js; any other error
     * (a wrong API key, an outage) is thrown.
     *
     * @param accessToken the user's access token
     * @param scope which sessions to end
     */
    public void signOut(Secret accessToken, SignOutScope scope) {
        requireToken("accessToken", accessToken);
        Objects.requireNonNull(scope, "scope");
        SdkRequest request = SdkRequest.builder("POST", "/logout").operation("auth.signOut")
                .query("scope", scope.wireValue())
                .header("Authorization", AuthHttp.bearer(accessToken)).repeatable(false).build();
        try {
            http.execute(request);
        } catch (NotFoundException gone) {
            // The session or user no longer exists: the caller's goal is reached.
        } catch (ApiException e) {
            if (e.code().filter(GONE_SESSION::contains).isEmpty()) {
                throw e;
            }
        }
    }

    /**
     * Ends every session of the user ({@link SignOutScope#GLOBAL}).
     *
     * @param accessToken the user's access token
     */
    public void signOut(Secret accessToken) {
        signOut(accessToken, SignOutScope.GLOBAL);
    }

    private static void requireToken(String name, Secret token) {
        if (token == null) {
            throw new ValidationException(name, "is required");
        }
    }

    /** Builds an {@link AuthClient}; {@link #build()} validates. */
    public static final class Builder extends AuthServiceBuilder<Builder> {
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the publishable (anon) key, read on every request so rotations apply.
         *
         * @param apiKey the key's provider
         * @return this builder
         */
        public Builder apiKey(CredentialProvider apiKey) {
            return key(apiKey);
        }

        /**
         * Sets apiKey.
         *
         * @param apiKey the publishable (anon) key
         * @return this builder
         */
        public Builder apiKey(Secret apiKey) {
            return apiKey(apiKey == null ? null : CredentialProvider.of(apiKey));
        }

        /**
         * Sets the clock used to compute a session's expiry when GoTrue sends only {@code expires_in}.
         *
         * @param clock default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        protected String credentialField() {
            return "apiKey";
        }

        @Override
        protected String credentialDescription() {
            return "the project's publishable or anon key";
        }

        @Override
        void checkMore(Map<String, List<String>> errors) {
            if (clock == null) {
                errors.put("clock", List.of("must not be null"));
            }
        }

        /**
         * Validates and builds.
         *
         * @return the client
         * @throws ValidationException naming every missing or invalid setting
         */
        public AuthClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            ClientOptions options = checkSettings(errors);
            AuthValues.check("AuthClient settings", errors);
            return new AuthClient(this, options);
        }
    }
}
