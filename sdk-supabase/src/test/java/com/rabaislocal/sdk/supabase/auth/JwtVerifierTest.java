package com.rabaislocal.sdk.supabase.auth;

import static com.rabaislocal.sdk.supabase.auth.AuthFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.supabase.auth.InvalidTokenException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final String HS_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SUB = "6b1f3c1e-2f7d-4c1a-9e47-0a9a7d2e5b11";

    private static RSAKey rsa;
    private static ECKey ec;
    private static ECKey ecRotated;

    private MockWebServer server;
    private SdkHttpClient transport;
    private FakeClock clock;
    private String projectUrl;

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .generate();
        ecRotated = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        clock = FakeClock.at(T0);
        projectUrl = server.url("/").toString();
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.shutdown();
    }

    private JwtVerifier.Builder verifier() {
        return JwtVerifier.builder().transport(transport).clock(clock).retryPolicy(AuthFixtures.noSleep());
    }

    private JwtVerifier jwksVerifier() {
        return verifier().url(projectUrl).build();
    }

    private static String jwks(JWK... keys) {
        List<JWK> pub = new ArrayList<>();
        for (JWK k : keys) {
            pub.add(k.toPublicJWK());
        }
        return new JWKSet(pub).toString();
    }

    private void serveJwks(JWK... keys) {
        server.enqueue(json(200, jwks(keys)));
    }

    /** Claims shaped like a Supabase access token issued at T0 for one hour. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://ref.supabase.co/auth/v1")
                .subject(SUB)
                .audience("authenticated")
                .expirationTime(Date.from(T0.plusSeconds(3600)))
                .issueTime(Date.from(T0))
                .claim("email", "marie@example.com")
                .claim("phone", "")
                .claim("app_metadata", Map.of("provider", "email", "providers", List.of("email"), "merchant_id", 42))
                .claim("user_metadata", Map.of("display_name", "Marie"))
                .claim("role", "authenticated")
                .claim("aal", "aal1")
                .claim("amr", List.of(Map.of("method", "password", "timestamp", T0.getEpochSecond())))
                .claim("session_id", "a3c9a0d2-5f5e-4a11-8d1b-6f0b8f7c2e90")
                .claim("is_anonymous", false);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(JWTClaimsSet claims) {
        try {
            return sign(new MACSigner(HS_SECRET.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, null, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String es256(ECKey key, JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(key), JWSAlgorithm.ES256, key.getKeyID(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(JWTClaimsSet claims) {
        try {
            return sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a refusal with the given reason and a message that quotes no part of the token. */
    private static InvalidTokenException refused(Reason reason, JwtVerifier v, String token) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> v.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                assertFalse(e.getMessage().contains(part), e.getMessage());
            }
        }
        return e;
    }

    @Test
    void aValidHs256TokenYieldsTypedClaims() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).build();

        JwtClaims c = v.verify(hs256(claims().build()));

        assertEquals(SUB, c.subject().orElseThrow());
        assertEquals(UUID.fromString(SUB), c.userId().orElseThrow());
        assertEquals("authenticated", c.role().orElseThrow());
        assertEquals("marie@example.com", c.email().orElseThrow());
        assertTrue(c.phone().isEmpty());
        assertEquals(List.of("authenticated"), c.audience());
        assertEquals(T0.plusSeconds(3600), c.expiresAt());
        assertEquals(T0, c.issuedAt().orElseThrow());
        assertTrue(c.notBefore().isEmpty());
        assertEquals("aal1", c.aal().orElseThrow());
        assertEquals("a3c9a0d2-5f5e-4a11-8d1b-6f0b8f7c2e90", c.sessionId().orElseThrow());
        assertEquals(List.of("password"), c.authenticationMethods());
        assertFalse(c.isAnonymous());
        assertEquals(42, c.appMetadata().get("merchant_id"));
        assertEquals("Marie", c.userMetadata().get("display_name"));
        assertEquals("https://ref.supabase.co/auth/v1", c.issuer().orElseThrow());
        assertEquals("aal1", c.raw().get("aal"));
        assertThrows(UnsupportedOperationException.class, () -> c.appMetadata().put("merchant_id", 1));
        @SuppressWarnings("unchecked")
        List<Object> providers = (List<Object>) c.appMetadata().get("providers");
        assertThrows(UnsupportedOperationException.class, () -> providers.add("google"));
        assertFalse(c.toString().contains("marie@example.com"));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aValidEs256TokenIsVerifiedThroughTheJwks() throws Exception {
        serveJwks(ec, rsa);
        try (JwtVerifier v = jwksVerifier()) {
            assertEquals(SUB, v.verify(es256(ec, claims().build())).subject().orElseThrow());
        }
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/auth/v1/.well-known/jwks.json", r.getPath());
        assertEquals("2024-01-01", r.getHeader("X-Supabase-Api-Version"));
        assertEquals(null, r.getHeader("apikey"));
    }

    @Test
    void aValidRs256TokenIsVerifiedThroughACustomJwksUrlWithAnApiKey() throws Exception {
        serveJwks(rsa);
        try (JwtVerifier v = verifier().jwksUrl(server.url("/keys/jwks.json").toString())
                .apiKey(() -> Secret.of("sb_publishable_k")).build()) {
            assertEquals("authenticated", v.verify(rs256(claims().build())).role().orElseThrow());
        }
        RecordedRequest r = server.takeRequest();
        assertEquals("/keys/jwks.json", r.getPath());
        assertEquals("sb_publishable_k", r.getHeader("apikey"));
    }

    @Test
    void theJwksIsFetchedOnceForManyVerificationsUntilItsTtlEnds() {
        serveJwks(ec, rsa);
        serveJwks(ec, rsa);
        JwtVerifier v = jwksVerifier();
        for (int i = 0; i < 10; i++) {
            v.verify(es256(ec, claims().claim("n", i).build()));
            v.verify(rs256(claims().claim("n", i).build()));
        }
        assertEquals(1, server.getRequestCount());

        clock.advance(Duration.ofMinutes(9));
        v.verify(es256(ec, claims().expirationTime(Date.from(T0.plusSeconds(7200))).build()));
        assertEquals(1, server.getRequestCount());

        clock.advance(Duration.ofMinutes(1));
        v.verify(es256(ec, claims().expirationTime(Date.from(T0.plusSeconds(7200))).build()));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anUnknownKidTriggersARefetchAtMostOncePerInterval() {
        serveJwks(ec);
        serveJwks(ec, ecRotated);
        JwtVerifier v = jwksVerifier();
        JWTClaimsSet c = claims().expirationTime(Date.from(T0.plusSeconds(7200))).build();
        v.verify(es256(ec, c));
        assertEquals(1, server.getRequestCount());

        clock.advance(Duration.ofSeconds(31));
        assertEquals(SUB, v.verify(es256(ecRotated, c)).subject().orElseThrow());
        assertEquals(2, server.getRequestCount());

        ECKey forged = null;
        try {
            forged = new ECKeyGenerator(Curve.P_256).keyID("ec-forged").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String forgedToken = es256(forged, c);
        for (int i = 0; i < 5; i++) {
            refused(Reason.UNKNOWN_KEY, v, forgedToken);
        }
        assertEquals(2, server.getRequestCount(), "a flood of unknown kids must not hammer the JWKS endpoint");

        serveJwks(ec, ecRotated);
        clock.advance(Duration.ofSeconds(31));
        refused(Reason.UNKNOWN_KEY, v, forgedToken);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void staleKeysKeepServingWhenARefreshFailsAndAFirstFetchFailureIsNotATokenError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
        }
        JwtVerifier v = jwksVerifier();
        String token = es256(ec, claims().expirationTime(Date.from(T0.plusSeconds(7200))).build());
        assertThrows(ServerException.class, () -> v.verify(token));
        assertEquals(3, server.getRequestCount());

        serveJwks(ec);
        v.verify(token);
        assertEquals(4, server.getRequestCount());

        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{\"message\":\"boom\"}"));
        }
        clock.advance(Duration.ofMinutes(11));
        try (LogCapture logs = LogCapture.sdk()) {
            assertEquals(SUB, v.verify(token).subject().orElseThrow());
            assertEquals(1, logs.at("WARN").stream().filter(l -> l.contains("JWKS refetch")).count());
            assertFalse(logs.text().contains(token.split("\\.")[2]));
        }
        assertEquals(7, server.getRequestCount());
        v.verify(token);
        assertEquals(7, server.getRequestCount(), "a failed refresh is not retried before the minimum interval");
    }

    @Test
    void expiredTokensAreRefusedBeyondTheSkew() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).build();
        String token = hs256(claims().expirationTime(Date.from(T0.minusSeconds(31))).build());
        InvalidTokenException e = refused(Reason.EXPIRED, v, token);
        assertTrue(e.getMessage().contains("2026-03-01T11:59:29Z"), e.getMessage());

        v.verify(hs256(claims().expirationTime(Date.from(T0.minusSeconds(20))).build()));
        JwtVerifier strict = v.toBuilder().clockSkew(Duration.ZERO).build();
        refused(Reason.EXPIRED, strict, hs256(claims().expirationTime(Date.from(T0.minusSeconds(1))).build()));
        refused(Reason.MALFORMED, v, hs256(claims().expirationTime(null).build()));
    }

    @Test
    void notYetValidTokensAreRefused() {
        serveJwks(ec);
        JwtVerifier v = jwksVerifier();
        refused(Reason.NOT_YET_VALID, v, es256(ec, claims().notBeforeTime(Date.from(T0.plusSeconds(120))).build()));
        assertEquals(T0.plusSeconds(10), v.verify(es256(ec, claims().notBeforeTime(Date.from(T0.plusSeconds(10)))
                .build())).notBefore().orElseThrow());
    }

    @Test
    void theAudienceMustMatch() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).build();
        refused(Reason.WRONG_AUDIENCE, v, hs256(claims().audience("anon").build()));
        refused(Reason.WRONG_AUDIENCE, v, hs256(claims().audience((String) null).build()));
        assertEquals(List.of("other", "authenticated"),
                v.verify(hs256(claims().audience(List.of("other", "authenticated")).build())).audience());

        JwtVerifier merchants = v.toBuilder().expectedAudience("merchant-api").build();
        refused(Reason.WRONG_AUDIENCE, merchants, hs256(claims().build()));
        JwtVerifier any = v.toBuilder().acceptAnyAudience().build();
        any.verify(hs256(claims().audience((String) null).claim("role", "service_role").build()));
    }

    @Test
    void issuerAndRoleAreCheckedWhenConfigured() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).expectedIssuer("https://ref.supabase.co/auth/v1")
                .allowedRoles("authenticated").build();
        v.verify(hs256(claims().build()));
        refused(Reason.WRONG_ISSUER, v, hs256(claims().issuer("https://evil.example/auth/v1").build()));
        refused(Reason.WRONG_ROLE, v, hs256(claims().claim("role", "service_role").build()));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        serveJwks(ec);
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).url(projectUrl).build();
        Consumer<String> check = token -> {
            String[] parts = token.split("\\.");
            String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                    .replace("\"role\":\"authenticated\"", "\"role\":\"service_role\"");
            assertTrue(payload.contains("service_role"));
            String forged = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
            refused(Reason.BAD_SIGNATURE, v, forged);
        };
        check.accept(hs256(claims().build()));
        check.accept(es256(ec, claims().build()));
    }

    @Test
    void aTamperedSignatureIsRefused() {
        serveJwks(ec, rsa);
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).url(projectUrl).build();
        for (String token : List.of(hs256(claims().build()), es256(ec, claims().build()), rs256(claims().build()))) {
            String[] parts = token.split("\\.");
            char[] sig = parts[2].toCharArray();
            sig[10] = sig[10] == 'A' ? 'B' : 'A';
            refused(Reason.BAD_SIGNATURE, v, parts[0] + "." + parts[1] + "." + new String(sig));
            v.verify(token);
        }
        String hs = hs256(claims().build());
        JwtVerifier otherSecret = verifier().hs256Secret(Secret.of(HS_SECRET.replace('s', 'z'))).build();
        refused(Reason.BAD_SIGNATURE, otherSecret, hs);
    }

    @Test
    void unsignedTokensAreRefused() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).build();
        String payload = Base64URL.encode(claims().build().toString()).toString();
        refused(Reason.UNSUPPORTED_ALGORITHM, v, Base64URL.encode("{\"alg\":\"none\"}") + "." + payload + ".");
        refused(Reason.UNSUPPORTED_ALGORITHM, v, new PlainJWT(claims().build()).serialize());
        // "none" with a signature part is not even a well-formed unsecured JWT.
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> v.verify(
                Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".c2ln"));
        assertTrue(e.reason() == Reason.MALFORMED || e.reason() == Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void algorithmConfusionIsRefused() throws JOSEException {
        serveJwks(ec, rsa);
        JwtVerifier jwksOnly = jwksVerifier();
        // An HS256 token keyed with the RSA public key, as an attacker who read the JWKS would forge it.
        byte[] publicKeyBytes = rsa.toRSAPublicKey().getEncoded();
        String confused = sign(new MACSigner(publicKeyBytes), JWSAlgorithm.HS256, rsa.getKeyID(), claims().build());
        refused(Reason.UNSUPPORTED_ALGORITHM, jwksOnly, confused);
        String confusedJwk = sign(new MACSigner(rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)),
                JWSAlgorithm.HS256, rsa.getKeyID(), claims().build());
        refused(Reason.UNSUPPORTED_ALGORITHM, jwksOnly, confusedJwk);

        JwtVerifier both = jwksOnly.toBuilder().hs256Secret(Secret.of(HS_SECRET)).build();
        refused(Reason.BAD_SIGNATURE, both, confused);

        // An RS256 token naming the EC key's id, and an ES256 token naming the RSA key's id.
        refused(Reason.BAD_SIGNATURE, jwksOnly, sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, ec.getKeyID(),
                claims().build()));
        refused(Reason.BAD_SIGNATURE, jwksOnly, sign(new ECDSASigner(ec), JWSAlgorithm.ES256, rsa.getKeyID(),
                claims().build()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void otherAlgorithmsAndMissingKidsAreRefused() throws JOSEException {
        serveJwks(ec, rsa);
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).url(projectUrl).build();
        byte[] long64 = (HS_SECRET + HS_SECRET).getBytes(StandardCharsets.UTF_8);
        refused(Reason.UNSUPPORTED_ALGORITHM, v, sign(new MACSigner(long64), JWSAlgorithm.HS512, null,
                claims().build()));
        refused(Reason.UNSUPPORTED_ALGORITHM, v, sign(new RSASSASigner(rsa), JWSAlgorithm.PS256, rsa.getKeyID(),
                claims().build()));
        refused(Reason.UNKNOWN_KEY, v, sign(new ECDSASigner(ec), JWSAlgorithm.ES256, null, claims().build()));

        JwtVerifier hsOnly = verifier().hs256Secret(Secret.of(HS_SECRET)).build();
        refused(Reason.UNSUPPORTED_ALGORITHM, hsOnly, es256(ec, claims().build()));
    }

    @Test
    void malformedTokensAreRefused() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).build();
        for (String bad : List.of("", "   ", "not-a-jwt", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2lnbmF0dXJl")) {
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> v.verify(bad), bad);
            assertTrue(e.reason() == Reason.MALFORMED || e.reason() == Reason.BAD_SIGNATURE, bad + " " + e);
        }
        assertEquals(Reason.MALFORMED, assertThrows(InvalidTokenException.class, () -> v.verify(null)).reason());
    }

    @Test
    void authorizationHeadersAreUnwrapped() {
        JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).build();
        String token = hs256(claims().build());
        assertEquals(SUB, v.verifyAuthorizationHeader("Bearer " + token).subject().orElseThrow());
        assertEquals(SUB, v.verifyAuthorizationHeader("bearer " + token).subject().orElseThrow());
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> v.verifyAuthorizationHeader("Basic " + token));
        assertEquals(Reason.MALFORMED, e.reason());
        assertFalse(e.getMessage().contains(token));
        assertEquals(Reason.MALFORMED, assertThrows(InvalidTokenException.class,
                () -> v.verifyAuthorizationHeader(null)).reason());
    }

    @Test
    void noTokenOrSecretReachesLogsOrToString() {
        serveJwks(ec);
        try (LogCapture logs = LogCapture.sdk();
                JwtVerifier v = verifier().hs256Secret(Secret.of(HS_SECRET)).url(projectUrl).build()) {
            String es = es256(ec, claims().build());
            String hs = hs256(claims().build());
            v.verify(es);
            v.verify(hs);
            assertThrows(InvalidTokenException.class, () -> v.verify(hs256(claims().audience("x").build())));
            String text = logs.text() + v + v.verify(hs);
            assertFalse(logs.lines().isEmpty());
            for (String s : List.of(HS_SECRET, es.split("\\.")[2], hs.split("\\.")[2])) {
                assertFalse(text.contains(s), text);
            }
        }
    }

    @Test
    void settingsAreValidated() {
        ValidationException e = assertThrows(ValidationException.class, () -> JwtVerifier.builder().build());
        assertTrue(e.fieldErrors().containsKey("keys"));
        e = assertThrows(ValidationException.class, () -> JwtVerifier.builder()
                .hs256Secret(Secret.of("too-short-secret")).clockSkew(Duration.ofHours(1)).build());
        assertTrue(e.fieldErrors().containsKey("hs256Secret"));
        assertTrue(e.fieldErrors().containsKey("clockSkew"));
        assertFalse(e.getMessage().contains("too-short-secret"));
        e = assertThrows(ValidationException.class, () -> JwtVerifier.builder().jwksUrl("not a url")
                .expectedAudience(" ").build());
        assertTrue(e.fieldErrors().containsKey("jwksUrl"));
        assertTrue(e.fieldErrors().containsKey("expectedAudience"));
    }
}
