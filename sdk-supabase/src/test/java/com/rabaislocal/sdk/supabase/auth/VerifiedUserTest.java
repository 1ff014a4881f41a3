package com.rabaislocal.sdk.supabase.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.testing.RecordingAuditSink;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.supabase.tables.AppRole;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From SUPABASE_JWT_SECRET to a verified user, and the CRUD template run as that user in one call. */
class VerifiedUserTest {

    private static final String SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
    private static final UUID USER = UUID.fromString("2b7e1516-28ae-4d2a-a6d2-abf7158809cf");

    private final MockSupabase mock = new MockSupabase();

    @AfterEach
    void close() {
        mock.close();
    }

    private SdkConfig config(String jwtSecret) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("SUPABASE_URL", mock.url(),
                "SUPABASE_ANON_KEY", MockSupabase.ANON_JWT));
        if (jwtSecret != null) {
            env.put("SUPABASE_JWT_SECRET", jwtSecret);
        }
        return SdkConfig.builder().environmentVariables(env).systemProperties(new Properties()).noDotEnvFile().build();
    }

    private static String token(String secret, Map<String, Object> appMetadata) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(USER.toString()).audience("authenticated")
                .claim("role", "authenticated").claim("app_metadata", appMetadata)
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void theJwtSecretFromTheConfigurationVerifiesHs256TokensLocally() throws Exception {
        JwtVerifier verifier = JwtVerifier.fromSettings(config(SECRET));

        VerifiedUser user = verifier.verifyUserFromHeader("Bearer " + token(SECRET, Map.of("role", "merchant")));

        assertEquals(USER, user.id());
        assertEquals(AppRole.MERCHANT, user.appRole().orElseThrow());
        assertTrue(user.hasRole(AppRole.MERCHANT));
        assertEquals(0, mock.requestCount(), "an HS256 token needs no call to Supabase");
        assertFalse(user.toString().contains(user.accessToken().reveal()));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
        JwtVerifier verifier = JwtVerifier.fromSettings(config(SECRET));
        String forged = token("another-secret-that-is-also-at-least-32-characters", Map.of("role", "admin"));

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verifyUser(forged));
        assertEquals(InvalidTokenException.Reason.BAD_SIGNATURE, e.reason());
        assertEquals(401, e.httpStatus());
    }

    @Test
    void theSettingsSayWhetherTheSecretIsConfiguredWithoutShowingIt() {
        assertTrue(config(SECRET).supabase().jwtSecret().isPresent());
        assertFalse(config(null).supabase().jwtSecret().isPresent());
        assertFalse(config(SECRET).supabase().toString().contains(SECRET));
        assertTrue(config(SECRET).supabase().toString().contains("jwtSecret=configured"));
    }

    @Test
    void anUnknownRoleIsReadAsAnOpenValueAndNoRoleAsEmpty() throws Exception {
        JwtVerifier verifier = JwtVerifier.fromSettings(config(SECRET));

        VerifiedUser partner = verifier.verifyUser(token(SECRET, Map.of("role", "Partner")));
        VerifiedUser plain = verifier.verifyUser(token(SECRET, Map.of()));

        assertEquals("Partner", partner.appRole().orElseThrow().value());
        assertFalse(partner.appRole().orElseThrow().isKnown());
        assertTrue(plain.appRole().isEmpty());
    }

    @Test
    void theCrudTemplateRunsAsTheVerifiedUserInOneCall() throws Exception {
        String token = token(SECRET, Map.of("role", "merchant"));
        VerifiedUser user = JwtVerifier.fromSettings(config(SECRET)).verifyUser(token);
        SupabaseCrud crud = SupabaseCrud.builder().client(SupabaseClient.fromSettings(config(SECRET).supabase(),
                b -> b.retryPolicy(mock.retryPolicy().build()))).auditSink(new RecordingAuditSink()).build();
        mock.json(200, "[]");

        crud.as(user).offers().list(q -> q);

        RecordedRequest r = mock.take();
        assertEquals("Bearer " + token, r.getHeader("Authorization"));
        assertEquals(MockSupabase.ANON_JWT, r.getHeader("apikey"));
    }
}
