package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.config.SupabaseSettings;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.supabase.auth.InvalidTokenException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Verifies Supabase access tokens in a backend, without a call to Supabase per request, with the Nimbus JOSE+JWT
 * library doing the cryptography.
 *
 * <ul>
 *   <li><b>HS256</b> (the legacy shared secret): verified with the project's JWT secret, when configured.</li>
 *   <li><b>RS256 / ES256</b> (asymmetric signing keys): verified with the public key whose {@code kid} the token
 *       names, from the project's JWKS ({@code <url>/auth/v1/.well-known/jwks.json} by default), fetched through
 *       the SDK transport, cached for {@link Builder#cacheTtl(Duration)} (default 10 min) and refetched when a
 *       token names an unknown {@code kid}, at most once per {@link Builder#minRefetchInterval(Duration)}
 *       (default 30 s).</li>
 * </ul>
 *
 * <p>Then {@code exp} (required) and {@code nbf} are checked against the injected clock with a skew allowance
 * (default 30 s), {@code aud} must include the expected audience (default {@code authenticated}), and optionally
 * {@code iss} and {@code role}. {@code alg: none}, encrypted tokens and any other algorithm are refused, and each
 * algorithm only ever meets its own key type: an HS256 token is never checked against a public key (the classic
 * algorithm-confusion attack), an RS256 token never against an EC key.
 *
 * <p>Local verification cannot see a signed-out session or a deleted user before the token expires; use
 * {@link AuthClient#getUser(Secret)} where that matters. Immutable and thread-safe; close it when done.
 */
public final class JwtVerifier implements AutoCloseable {

    /** The default JWKS cache lifetime. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(10);
    /** The default shortest time between two JWKS fetches triggered by unknown key ids. */
    public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** The default clock skew allowed on {@code exp} and {@code nbf}. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** The audience of Supabase user tokens. */
    public static final String DEFAULT_AUDIENCE = "authenticated";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Builder settings;
    private final JWSVerifier hmac;
    private final JwksCache jwks;
    private final Clock clock;
    private final Duration clockSkew;
    private final String expectedAudience;
    private final String expectedIssuer;
    private final Set<String> allowedRoles;

    private JwtVerifier(Builder b, JWSVerifier hmac, HttpUrl jwksUrl) {
        this.settings = b.copy();
        this.hmac = hmac;
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.expectedAudience = b.anyAudience ? null : b.expectedAudience;
        this.expectedIssuer = b.expectedIssuer;
        this.allowedRoles = Set.copyOf(b.allowedRoles);
        this.jwks = jwksUrl == null ? null : new JwksCache(
                AuthHttp.serviceClient(jwksUrl, b.transport, b.retryPolicy, b.apiKey), b.clock, b.cacheTtl,
                b.minRefetchInterval);
    }

    /** @return a builder; an HS256 secret, a project URL or a JWKS URL (or several) is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the verifier of a project from its configuration: HS256 tokens with SUPABASE_JWT_SECRET when it is
     * set, and RS256/ES256 tokens with the project's JWKS ({@code SUPABASE_URL/auth/v1/.well-known/jwks.json},
     * fetched with SUPABASE_ANON_KEY) in every case, with the defaults of {@link #builder()}.
     *
     * @param settings the Supabase settings
     * @return the verifier
     */
    public static JwtVerifier fromSettings(SupabaseSettings settings) {
        Builder b = builder().url(settings.url().toString()).apiKey(settings.anonKey());
        settings.jwtSecret().ifPresent(secret -> b.hs256Secret(secret.current()));
        return b.build();
    }

    /**
     * As {@link #fromSettings(SupabaseSettings)}, from the whole configuration.
     *
     * @param config the configuration; its Supabase part must be set
     * @return the verifier
     */
    public static JwtVerifier fromSettings(SdkConfig config) {
        return fromSettings(config.supabase());
    }

    /** @return a builder holding this verifier's settings */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * Verifies a token and returns its claims.
     *
     * @param token the compact JWT, without a {@code Bearer } prefix
     * @return the verified claims
     * @throws InvalidTokenException when the token is refused; {@link InvalidTokenException#reason()} tells why
     * @throws com.rabaislocal.sdk.core.error.RabaisSdkException (an {@code ApiException} or
     *     {@code TransportException}) when the JWKS is needed, none is cached and it cannot be fetched: a failure
     *     of the verifier, not of the token (answer 503, not 401)
     */
    public JwtClaims verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException(Reason.MALFORMED, "no token given");
        }
        String compact = token.strip();
        JWT parsed;
        try {
            parsed = JWTParser.parse(compact);
        } catch (ParseException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "not a compact JWT: " + safe(e, compact));
        }
        if (!(parsed instanceof SignedJWT)) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM, "unsigned (alg "
                    + parsed.getHeader().getAlgorithm() + ") or encrypted tokens are never accepted");
        }
        SignedJWT jwt = (SignedJWT) parsed;
        JWSHeader header = jwt.getHeader();
        checkSignature(jwt, verifierFor(header));
        return checkClaims(jwt, compact);
    }

    /**
     * Verifies the token of an {@code Authorization} header value.
     *
     * @param authorizationHeader e.g. {@code Bearer eyJ...}; the scheme is matched case-insensitively
     * @return the verified claims
     * @throws InvalidTokenException when the header is not a Bearer token or the token is refused
     */
    public JwtClaims verifyAuthorizationHeader(String authorizationHeader) {
        String h = authorizationHeader == null ? "" : authorizationHeader.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw new InvalidTokenException(Reason.MALFORMED, "the Authorization header is not 'Bearer <token>'");
        }
        return verify(h.substring(7));
    }

    /**
     * Verifies a user's access token and returns the user: the token (to act as them), the claims, the id and
     * the application role.
     *
     * @param token the compact JWT, without a {@code Bearer } prefix
     * @return the verified user
     * @throws InvalidTokenException when the token is refused, or names no user ({@code sub} not a UUID)
     */
    public VerifiedUser verifyUser(String token) {
        JwtClaims claims = verify(token);
        return new VerifiedUser(Secret.of(token.strip()), claims);
    }

    /**
     * Verifies the user of an {@code Authorization: Bearer} header value.
     *
     * @param authorizationHeader e.g. {@code Bearer eyJ...}
     * @return the verified user
     * @throws InvalidTokenException when the header is not a Bearer token or the token is refused
     */
    public VerifiedUser verifyUserFromHeader(String authorizationHeader) {
        String h = authorizationHeader == null ? "" : authorizationHeader.strip();
        JwtClaims claims = verifyAuthorizationHeader(h);
        return new VerifiedUser(Secret.of(h.substring(7).strip()), claims);
    }

    /** Picks the verifier for the token's algorithm, refusing any key that does not fit it. */
    private JWSVerifier verifierFor(JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        if (JWSAlgorithm.HS256.equals(alg)) {
            if (hmac == null) {
                throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM,
                        "HS256 token but no JWT secret is configured (hs256Secret)");
            }
            return hmac;
        }
        if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.ES256.equals(alg)) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM, "alg " + alg
                    + " is not accepted (HS256, RS256, ES256)");
        }
        if (jwks == null) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM, alg
                    + " token but no JWKS is configured (url or jwksUrl)");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, alg + " token without a kid");
        }
        JWK key = jwks.find(kid);
        if (key == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, "no key with kid " + kid + " in the JWKS at "
                    + jwks.url());
        }
        if (key.getAlgorithm() != null && !alg.equals(key.getAlgorithm())) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "key " + kid + " is for "
                    + key.getAlgorithm() + ", the token says " + alg);
        }
        try {
            if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAKey) {
                return new RSASSAVerifier((RSAKey) key);
            }
            if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey && Curve.P_256.equals(((ECKey) key).getCurve())) {
                return new ECDSAVerifier((ECKey) key);
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "key " + kid + " cannot verify " + alg + ": "
                    + e.getMessage());
        }
        throw new InvalidTokenException(Reason.BAD_SIGNATURE, "key " + kid + " is a " + key.getKeyType()
                + " key, which cannot verify " + alg);
    }

    private static void checkSignature(SignedJWT jwt, JWSVerifier verifier) {
        boolean valid;
        try {
            valid = jwt.verify(verifier);
        } catch (JOSEException e) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature could not be checked ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!valid) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature does not match ("
                    + jwt.getHeader().getAlgorithm() + (jwt.getHeader().getKeyID() == null ? ""
                    : ", kid " + jwt.getHeader().getKeyID()) + ")");
        }
    }

    private JwtClaims checkClaims(SignedJWT jwt, String compact) {
        JWTClaimsSet claims;
        Map<String, Object> raw;
        try {
            claims = jwt.getJWTClaimsSet();
            raw = SdkJson.mapper().readValue(jwt.getPayload().toString(), MAP);
        } catch (ParseException | IOException | RuntimeException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "the claims are not a valid JSON object: "
                    + safe(e, compact));
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new InvalidTokenException(Reason.MALFORMED, "the token has no exp claim");
        }
        if (now.minus(clockSkew).isAfter(exp.toInstant())) {
            throw new InvalidTokenException(Reason.EXPIRED, "expired at " + exp.toInstant() + ", now " + now
                    + " (skew allowed " + clockSkew.toSeconds() + " s)");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(clockSkew).isBefore(nbf.toInstant())) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID, "not valid before " + nbf.toInstant() + ", now "
                    + now + " (skew allowed " + clockSkew.toSeconds() + " s)");
        }
        List<String> aud = claims.getAudience();
        if (expectedAudience != null && !aud.contains(expectedAudience)) {
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE, "aud " + aud + " does not include "
                    + expectedAudience);
        }
        if (expectedIssuer != null && !expectedIssuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException(Reason.WRONG_ISSUER, "iss " + claims.getIssuer() + " is not "
                    + expectedIssuer);
        }
        Object role = raw.get("role");
        if (!allowedRoles.isEmpty() && !allowedRoles.contains(role)) {
            throw new InvalidTokenException(Reason.WRONG_ROLE, "role " + role + " is not one of " + allowedRoles);
        }
        return new JwtClaims(raw, aud, exp.toInstant());
    }

    /** A parser's message, unless it quotes any part of the token. */
    private static String safe(Exception e, String token) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        for (String part : token.split("\\.")) {
            if (part.length() >= 8 && m.contains(part.substring(0, 8))) {
                return e.getClass().getSimpleName();
            }
        }
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    /** Closes the JWKS client; the shared transport stays open. */
    @Override
    public void close() {
        if (jwks != null) {
            jwks.close();
        }
    }

    @Override
    public String toString() {
        return "JwtVerifier{hs256=" + (hmac != null) + ", jwks=" + (jwks == null ? null : jwks.url()) + ", aud="
                + expectedAudience + ", iss=" + expectedIssuer + ", roles=" + allowedRoles + ", skew=" + clockSkew
                + '}';
    }

    /** Builds a {@link JwtVerifier}; {@link #build()} validates. */
    public static final class Builder {
        private Secret hs256Secret;
        private String url;
        private String jwksUrl;
        private CredentialProvider apiKey;
        private SdkHttpClient transport = SdkHttpClient.shared();
        private RetryPolicy retryPolicy = AuthHttp.defaultRetryPolicy();
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private Duration cacheTtl = DEFAULT_CACHE_TTL;
        private Duration minRefetchInterval = DEFAULT_MIN_REFETCH_INTERVAL;
        private String expectedAudience = DEFAULT_AUDIENCE;
        private boolean anyAudience;
        private String expectedIssuer;
        private Set<String> allowedRoles = new LinkedHashSet<>();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.hs256Secret = hs256Secret;
            b.url = url;
            b.jwksUrl = jwksUrl;
            b.apiKey = apiKey;
            b.transport = transport;
            b.retryPolicy = retryPolicy;
            b.clock = clock;
            b.clockSkew = clockSkew;
            b.cacheTtl = cacheTtl;
            b.minRefetchInterval = minRefetchInterval;
            b.expectedAudience = expectedAudience;
            b.anyAudience = anyAudience;
            b.expectedIssuer = expectedIssuer;
            b.allowedRoles = new LinkedHashSet<>(allowedRoles);
            return b;
        }

        /**
         * Enables HS256 with the project's JWT secret (Dashboard, Settings, JWT Keys, legacy secret), used as its
         * UTF-8 bytes.
         *
         * @param secret at least 32 bytes
         * @return this builder
         */
        public Builder hs256Secret(Secret secret) {
            this.hs256Secret = secret;
            return this;
        }

        /**
         * Enables RS256/ES256 through the project's JWKS at {@code <url>/auth/v1/.well-known/jwks.json}.
         *
         * @param url the project URL, e.g. {@code https://<ref>.supabase.co}
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Enables RS256/ES256 through a JWKS at another address, overriding the one derived from {@link #url}.
         *
         * @param jwksUrl the JWKS URL
         * @return this builder
         */
        public Builder jwksUrl(String jwksUrl) {
            this.jwksUrl = jwksUrl;
            return this;
        }

        /**
         * Sends a key as {@code apikey} (and Bearer) when fetching the JWKS, for gateways that require one; the
         * Supabase endpoint is public.
         *
         * @param apiKey the publishable key's provider, or null for none (default)
         * @return this builder
         */
        public Builder apiKey(CredentialProvider apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets transport.
         *
         * @param transport the shared transport for JWKS fetches; default {@link SdkHttpClient#shared()}
         * @return this builder
         */
        public Builder transport(SdkHttpClient transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Sets retryPolicy.
         *
         * @param retryPolicy for JWKS fetches; default {@link AuthClient#defaultRetryPolicy()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets clock.
         *
         * @param clock the clock for {@code exp}, {@code nbf} and the cache; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets clockSkew.
         *
         * @param clockSkew allowance on {@code exp} and {@code nbf}, 0 to 5 min; default 30 s
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        /**
         * Sets cacheTtl.
         *
         * @param cacheTtl how long fetched keys are used before a refetch, positive; default 10 min
         * @return this builder
         */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        /**
         * Sets the shortest time between two JWKS fetches caused by unknown key ids or by failed refreshes.
         *
         * @param interval zero or more; default 30 s
         * @return this builder
         */
        public Builder minRefetchInterval(Duration interval) {
            this.minRefetchInterval = interval;
            return this;
        }

        /**
         * Sets the audience {@code aud} must include.
         *
         * @param audience non-blank; default {@code authenticated}
         * @return this builder
         */
        public Builder expectedAudience(String audience) {
            this.expectedAudience = audience;
            this.anyAudience = false;
            return this;
        }

        /**
         * Turns the audience check off, e.g. to accept the project's API keys (which carry no {@code aud}).
         *
         * @return this builder
         */
        public Builder acceptAnyAudience() {
            this.anyAudience = true;
            return this;
        }

        /**
         * Requires {@code iss} to equal this value.
         *
         * @param issuer e.g. {@code https://<ref>.supabase.co/auth/v1}, or null not to check (default)
         * @return this builder
         */
        public Builder expectedIssuer(String issuer) {
            this.expectedIssuer = AuthValues.blankToNull(issuer);
            return this;
        }

        /**
         * Requires {@code role} to be one of these.
         *
         * @param roles e.g. {@code authenticated}; none (default) accepts any role
         * @return this builder
         */
        public Builder allowedRoles(String... roles) {
            this.allowedRoles = new LinkedHashSet<>(List.of(roles));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the verifier
         * @throws ValidationException naming every missing or invalid setting
         */
        public JwtVerifier build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            HttpUrl jwks = null;
            if (jwksUrl != null) {
                jwks = AuthHttp.parseHttpUrl("jwksUrl", jwksUrl, errors);
            } else if (url != null) {
                HttpUrl base = AuthHttp.authBase(url, errors);
                jwks = base == null ? null : base.newBuilder().addPathSegments(".well-known/jwks.json").build();
            }
            if (hs256Secret == null && url == null && jwksUrl == null) {
                AuthValues.problem(errors, "keys", "set hs256Secret, url or jwksUrl");
            }
            JWSVerifier hmac = null;
            if (hs256Secret != null) {
                try {
                    hmac = new MACVerifier(hs256Secret.reveal().getBytes(StandardCharsets.UTF_8));
                } catch (JOSEException e) {
                    AuthValues.problem(errors, "hs256Secret", "must be at least 32 bytes, was "
                            + hs256Secret.length() + " characters");
                }
            }
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
                AuthValues.problem(errors, "clockSkew", "must be between 0 and 5 minutes, was " + clockSkew);
            }
            if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.isZero()) {
                AuthValues.problem(errors, "cacheTtl", "must be positive, was " + cacheTtl);
            }
            if (minRefetchInterval == null || minRefetchInterval.isNegative()) {
                AuthValues.problem(errors, "minRefetchInterval", "must be zero or more, was " + minRefetchInterval);
            }
            if (!anyAudience && (expectedAudience == null || expectedAudience.isBlank())) {
                AuthValues.problem(errors, "expectedAudience", "must be non-blank (or call acceptAnyAudience())");
            }
            if (allowedRoles.stream().anyMatch(r -> r == null || r.isBlank())) {
                AuthValues.problem(errors, "allowedRoles", "must not contain blank roles");
            }
            if (transport == null || retryPolicy == null || clock == null) {
                AuthValues.problem(errors, "transport/retryPolicy/clock", "must not be null");
            }
            AuthValues.check("JwtVerifier settings", errors);
            return new JwtVerifier(this, hmac, jwks);
        }
    }
}
