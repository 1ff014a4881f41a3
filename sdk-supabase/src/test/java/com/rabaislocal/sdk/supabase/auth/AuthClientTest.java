package com.rabaislocal.sdk.supabase.auth;

import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.body;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.json;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.sessionJson;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.tree;
import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.userJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthClientTest extends AuthWireTest {

    private static final String ANON = "sb_publishable_anon-key-7Hq2";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String ACCESS = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXJpZSJ9.access-sig-Zx81";
    private static final String REFRESH = "refresh-token-v2-q9Wm3";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private AuthClient auth;

    @BeforeEach
    void start() {
        auth = AuthClient.builder().url(projectUrl()).apiKey(Secret.of(ANON)).transport(transport)
                .retryPolicy(AuthFixtures.noSleep(waits)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest();
    }

    private static void assertCommonHeaders(RecordedRequest r) {
        assertGoTrueHeaders(r, ANON);
    }

    @Test
    void signUpSendsEmailPasswordDataAndRedirectAndReadsPendingUser() throws Exception {
        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "marie@example.com")));

        SignUpResult result = auth.signUp(SignUpParams.builder().email("marie@example.com").password(PASSWORD)
                .data(Map.of("display_name", "Marie")).redirectTo("https://app.rabaislocal.com/welcome?x=1&y=2")
                .build());

        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/signup", r.getRequestUrl().encodedPath());
        assertEquals("https://app.rabaislocal.com/welcome?x=1&y=2", r.getRequestUrl().queryParameter("redirect_to"));
        assertEquals(1, r.getRequestUrl().querySize());
        assertCommonHeaders(r);
        assertEquals("Bearer " + ANON, r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertEquals(tree("{\"email\":\"marie@example.com\",\"password\":\"" + PASSWORD
                + "\",\"data\":{\"display_name\":\"Marie\"}}"), body(r));

        assertEquals(UUID.fromString(AuthFixtures.USER_ID), result.user().id());
        assertEquals("Marie", result.user().userMetadata().get("display_name"));
        assertEquals(42, result.user().appMetadata("merchant_id"));
        assertEquals(Instant.parse("2025-03-01T10:15:30.123456Z"), result.user().emailConfirmedAt());
        assertEquals(1, result.user().identities().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> identityData = (Map<String, Object>) result.user().identities().get(0)
                .get("identity_data");
        assertThrows(UnsupportedOperationException.class, () -> identityData.put("sub", "x"));
        assertTrue(result.session().isEmpty());
    }

    @Test
    void signUpWithAutoconfirmReturnsTheSession() throws Exception {
        server.enqueue(json(200, sessionJson(ACCESS, REFRESH, true)));

        SignUpResult result = auth.signUp(SignUpParams.builder().phone("+15145550101").password(PASSWORD).build());

        RecordedRequest r = take();
        assertNull(r.getRequestUrl().queryParameter("redirect_to"));
        assertEquals(tree("{\"phone\":\"+15145550101\",\"password\":\"" + PASSWORD + "\"}"), body(r));
        Session s = result.session().orElseThrow();
        assertEquals(ACCESS, s.accessToken().reveal());
        assertEquals(result.user(), s.user());
        assertFalse(result.toString().contains(ACCESS));
        assertFalse(result.toString().contains(REFRESH));
    }

    @Test
    void signInWithPasswordPostsTheGrantAndBindsTheSession() throws Exception {
        server.enqueue(json(200, sessionJson(ACCESS, REFRESH, true)));

        Session s = auth.signInWithPassword(PasswordCredentials.email("marie@example.com", Secret.of(PASSWORD)));

        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/token", r.getRequestUrl().encodedPath());
        assertEquals("password", r.getRequestUrl().queryParameter("grant_type"));
        assertCommonHeaders(r);
        assertEquals(tree("{\"email\":\"marie@example.com\",\"password\":\"" + PASSWORD + "\"}"), body(r));

        assertEquals(ACCESS, s.accessToken().reveal());
        assertEquals(REFRESH, s.refreshToken().reveal());
        assertEquals("bearer", s.tokenType());
        assertEquals(3600, s.expiresIn());
        assertEquals(Instant.ofEpochSecond(1767225600), s.expiresAt());
        assertEquals("marie@example.com", s.user().email());
        assertTrue(s.isExpired(Instant.ofEpochSecond(1767225600 - 30), 60));
        assertFalse(s.isExpired(Instant.ofEpochSecond(1767225600 - 120), 60));
        String text = s.toString();
        assertFalse(text.contains(ACCESS), text);
        assertFalse(text.contains(REFRESH), text);
    }

    @Test
    void sessionWithoutExpiresAtExpiresFromTheClock() {
        server.enqueue(json(200, sessionJson(ACCESS, REFRESH, false)));

        Session s = auth.signInWithPassword(PasswordCredentials.builder().phone("+15145550101").password(PASSWORD)
                .build());

        assertEquals(NOW.plusSeconds(3600), s.expiresAt());
    }

    @Test
    void refreshPostsTheRefreshTokenAndIsNeverRepeated() throws Exception {
        server.enqueue(json(200, sessionJson("new-access", "new-refresh", true)));
        Session s = auth.refresh(Secret.of(REFRESH));
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/token", r.getRequestUrl().encodedPath());
        assertEquals("refresh_token", r.getRequestUrl().queryParameter("grant_type"));
        assertCommonHeaders(r);
        assertEquals(tree("{\"refresh_token\":\"" + REFRESH + "\"}"), body(r));
        assertEquals("new-refresh", s.refreshToken().reveal());

        // A 503 after the refresh token was sent may have consumed it: repeating would burn the session.
        server.enqueue(json(503, "{\"message\":\"upstream unavailable\"}"));
        server.enqueue(json(200, sessionJson("never", "never", true)));
        assertThrows(ServerException.class, () -> auth.refresh(Secret.of("other-refresh")));
        assertEquals(2, server.getRequestCount());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aUsedRefreshTokenIsAnAuthenticationFailure() {
        server.enqueue(json(400, "{\"code\":\"refresh_token_already_used\","
                + "\"message\":\"Invalid Refresh Token: Already Used\"}"));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> auth.refresh(Secret.of(REFRESH)));
        assertEquals("refresh_token_already_used", e.code().orElseThrow());
        assertEquals(400, e.httpStatus());

        server.enqueue(json(400, "{\"error\":\"invalid_grant\","
                + "\"error_description\":\"Invalid Refresh Token: Refresh Token Not Found\"}"));
        e = assertThrows(AuthenticationException.class, () -> auth.refresh(Secret.of(REFRESH)));
        assertEquals("refresh_token_not_found", e.code().orElseThrow());
        assertFalse(e.getMessage().contains(REFRESH));
    }

    @Test
    void getUserSendsTheUserTokenAndIsRetriedOnGatewayErrors() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(520).setBody("<html><title>520: Web server is returning"
                + " an unknown error</title></html>"));
        server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
        server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "marie@example.com")));

        User u = auth.getUser(Secret.of(ACCESS));

        assertEquals("marie@example.com", u.email());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, waits.size());
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = take();
            assertEquals("GET", r.getMethod());
            assertEquals("/auth/v1/user", r.getRequestUrl().encodedPath());
            assertEquals("Bearer " + ACCESS, r.getHeader("Authorization"));
            assertCommonHeaders(r);
        }
    }

    @Test
    void getUserWithARevokedSessionIsAnAuthenticationFailure() {
        server.enqueue(json(403, "{\"code\":\"session_not_found\",\"message\":\"Session from session_id claim in JWT"
                + " does not exist\"}"));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> auth.getUser(Secret.of(ACCESS)));
        assertEquals(403, e.httpStatus());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void signOutPostsTheScopeWithTheUserToken() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        auth.signOut(Secret.of(ACCESS), SignOutScope.LOCAL);
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/auth/v1/logout", r.getRequestUrl().encodedPath());
        assertEquals("local", r.getRequestUrl().queryParameter("scope"));
        assertEquals("Bearer " + ACCESS, r.getHeader("Authorization"));
        assertCommonHeaders(r);
        assertEquals(0, r.getBodySize());

        server.enqueue(new MockResponse().setResponseCode(204));
        auth.signOut(Secret.of(ACCESS));
        assertEquals("global", take().getRequestUrl().queryParameter("scope"));
    }

    @Test
    void signOutOfAGoneSessionSucceedsButAWrongKeyFails() {
        server.enqueue(json(404, "{\"code\":\"session_not_found\",\"message\":\"Session not found\"}"));
        auth.signOut(Secret.of(ACCESS));
        server.enqueue(json(403, "{\"code\":\"bad_jwt\",\"message\":\"invalid JWT: token is expired\"}"));
        auth.signOut(Secret.of(ACCESS));

        server.enqueue(json(401, "{\"message\":\"Invalid API key\",\"hint\":\"Double check your Supabase `anon`"
                + " or `service_role` API key.\"}"));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> auth.signOut(Secret.of(ACCESS)));
        assertEquals("Invalid API key", e.serviceMessage());
    }

    @Test
    void weakPasswordIsAnInvalidRequestWithTheReasons() {
        server.enqueue(json(422, "{\"code\":\"weak_password\",\"message\":\"Password should contain at least one"
                + " character of each: abcdefghijklmnopqrstuvwxyz, 0123456789.\","
                + "\"weak_password\":{\"reasons\":[\"characters\",\"length\"]}}"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> auth.signUp(
                SignUpParams.builder().email("marie@example.com").password("abc").build()));

        assertEquals(422, e.httpStatus());
        assertEquals("weak_password", e.code().orElseThrow());
        assertEquals(List.of("characters", "length"), e.fieldErrors().get("password"));
        assertTrue(e.serviceMessage().startsWith("Password should contain"));
        assertTrue(e.getMessage().contains("characters"), e.getMessage());
    }

    @Test
    void legacyWeakPasswordBodyWithoutCodeIsRecognised() {
        server.enqueue(json(422, "{\"code\":422,\"msg\":\"Password should be at least 6 characters\","
                + "\"weak_password\":{\"reasons\":[\"length\"]}}"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> auth.signUp(
                SignUpParams.builder().email("marie@example.com").password("abc").build()));
        assertEquals("weak_password", e.code().orElseThrow());
        assertEquals(List.of("length"), e.fieldErrors().get("password"));
        assertEquals("Password should be at least 6 characters", e.serviceMessage());
    }

    @Test
    void invalidCredentialsIsAnAuthenticationFailureWhateverTheBodyShape() {
        String[] bodies = {
            "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}",
            "{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}",
            "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid login credentials\"}",
        };
        for (String b : bodies) {
            server.enqueue(json(400, b));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> auth.signInWithPassword(
                    PasswordCredentials.email("marie@example.com", Secret.of(PASSWORD))), b);
            assertEquals("invalid_credentials", e.code().orElseThrow(), b);
            assertEquals(400, e.httpStatus());
            assertEquals("Invalid login credentials", e.serviceMessage());
            assertFalse(e.getMessage().contains(PASSWORD));
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void anExistingUserIsAConflict() {
        server.enqueue(json(422, "{\"code\":\"user_already_exists\",\"message\":\"User already registered\"}"));
        ConflictException e = assertThrows(ConflictException.class, () -> auth.signUp(
                SignUpParams.builder().email("marie@example.com").password(PASSWORD).build()));
        assertEquals("user_already_exists", e.code().orElseThrow());
        assertEquals(422, e.httpStatus());
        assertEquals("User already registered", e.serviceMessage());
    }

    @Test
    void aRateLimitCarriesRetryAfterAndSignInIsNotRepeated() {
        server.enqueue(json(429, "{\"code\":\"over_request_rate_limit\",\"message\":\"Request rate limit reached\"}")
                .setHeader("Retry-After", "30"));
        server.enqueue(json(200, sessionJson(ACCESS, REFRESH, true)));

        RateLimitException e = assertThrows(RateLimitException.class, () -> auth.signInWithPassword(
                PasswordCredentials.email("marie@example.com", Secret.of(PASSWORD))));

        assertEquals("over_request_rate_limit", e.code().orElseThrow());
        assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void signInRefusesAServerErrorWithoutRepeatingIt() {
        server.enqueue(json(502, "{\"message\":\"bad gateway\"}"));
        server.enqueue(json(200, sessionJson(ACCESS, REFRESH, true)));
        assertThrows(ServerException.class, () -> auth.signInWithPassword(
                PasswordCredentials.email("marie@example.com", Secret.of(PASSWORD))));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void noPasswordOrTokenReachesLogsMessagesOrToString() {
        try (LogCapture logs = LogCapture.sdk()) {
            server.enqueue(json(200, sessionJson(ACCESS, REFRESH, true)));
            Session s = auth.signInWithPassword(PasswordCredentials.email("marie@example.com", Secret.of(PASSWORD)));
            server.enqueue(json(200, sessionJson("access-2", "refresh-2", true)));
            auth.refresh(s.refreshToken());
            server.enqueue(json(200, userJson(AuthFixtures.USER_ID, "marie@example.com")));
            auth.getUser(s.accessToken());
            server.enqueue(json(400, "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}"));
            ApiException e = assertThrows(ApiException.class, () -> auth.signInWithPassword(
                    PasswordCredentials.email("marie@example.com", Secret.of(PASSWORD))));

            String everything = logs.text() + e.getMessage() + s + PasswordCredentials.email("m@x.io",
                    Secret.of(PASSWORD)) + SignUpParams.builder().email("m@x.io").password(PASSWORD).build() + auth;
            assertFalse(logs.lines().isEmpty(), "the transport logs at DEBUG");
            for (String secret : List.of(PASSWORD, ACCESS, REFRESH, "access-2", "refresh-2", ANON)) {
                assertFalse(everything.contains(secret), "leaked " + secret + " in:\n" + everything);
            }
        }
    }

    @Test
    void paramsAndSettingsAreValidatedBeforeAnyRequest() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SignUpParams.builder().email("a@b.c").phone("+1514").build());
        assertTrue(e.fieldErrors().containsKey("email/phone"));
        assertTrue(e.fieldErrors().containsKey("password"));
        assertThrows(ValidationException.class, () -> PasswordCredentials.builder().email(" ").password("x").build());
        assertThrows(ValidationException.class, () -> auth.refresh(null));

        ValidationException settings = assertThrows(ValidationException.class,
                () -> AuthClient.builder().url("ftp://nope").build());
        assertTrue(settings.fieldErrors().containsKey("url"));
        assertTrue(settings.fieldErrors().containsKey("apiKey"));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void baseUrlToleratesATrailingSlashAndToBuilderKeepsSettings() {
        AuthClient copy = auth.toBuilder().url(server.url("/").toString()).build();
        assertEquals(server.url("/auth/v1"), copy.baseUrl());
        assertEquals(auth.baseUrl(), copy.baseUrl());
    }
}
