package com.rabaislocal.sdk.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-only keys and a settable clock. Keys are built here from JSON; none is a real credential. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-11-20T12:00:00Z");
    static final String REF = "abcdefghijklmnopqrst";
    static final String OTHER_REF = "zyxwvutsrqponmlkjihg";
    static final String SUPABASE_URL = "https://" + REF + ".supabase.co";
    static final String MAILERSEND_TOKEN = "mlsn.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String OPENAI_KEY = "sk-test-0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    static final String GOAFFPRO_TOKEN = "gap0123456789abcdef0123456789abcdef01234567";
    static final String MAKE_TOKEN = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private Fixtures() {
    }

    /** A JWT-shaped key with the given claims; null claims are left out. The signature is not a real one. */
    static String jwt(String role, String ref, Instant iat, Instant exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "supabase");
        if (ref != null) {
            claims.put("ref", ref);
        }
        if (role != null) {
            claims.put("role", role);
        }
        if (iat != null) {
            claims.put("iat", iat.getEpochSecond());
        }
        if (exp != null) {
            claims.put("exp", exp.getEpochSecond());
        }
        return jwt(claims);
    }

    static String jwt(Map<String, Object> claims) {
        try {
            String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            String payload = b64(SdkJson.mapper().writeValueAsString(claims));
            String signature = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("signature-of-" + claims.hashCode()).getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + "." + signature;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The anon key of project {@link #REF}, issued 10 days before {@link #NOW}. */
    static String anon() {
        return jwt("anon", REF, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
    }

    /** The service-role key of project {@link #REF}, issued 10 days before {@link #NOW}. */
    static String serviceRole() {
        return jwt("service_role", REF, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A builder with every service configured validly, from injected (empty) process sources. */
    static SdkConfig.Builder complete() {
        return SdkConfig.builder()
                .clock(FakeClock.at(NOW))
                .set(ConfigKey.SUPABASE_URL, SUPABASE_URL)
                .set(ConfigKey.SUPABASE_ANON_KEY, anon())
                .set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, serviceRole())
                .set(ConfigKey.MAILERSEND_API_KEY, MAILERSEND_TOKEN)
                .set(ConfigKey.MAILERSEND_DOMAIN, "rabaislocal.com")
                .set(ConfigKey.OPENAI_API_KEY, OPENAI_KEY)
                .set(ConfigKey.OPENAI_ORG_ID, "org-RabaisLocal123")
                .set(ConfigKey.GOAFFPRO_API_KEY, GOAFFPRO_TOKEN)
                .set(ConfigKey.GOAFFPRO_PROGRAM_ID, "4242")
                .set(ConfigKey.MAKE_TEAM_ID, "123456")
                .set(ConfigKey.MAKE_API_TOKEN, MAKE_TOKEN);
    }
}
