package com.rabaislocal.sdk.core.config;

import static com.rabaislocal.sdk.core.config.Fixtures.NOW;
import static com.rabaislocal.sdk.core.config.Fixtures.OTHER_REF;
import static com.rabaislocal.sdk.core.config.Fixtures.REF;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdkConfigValidationTest {

    private static SdkConfig.Builder builder() {
        return SdkConfig.builder().clock(FakeClock.at(NOW));
    }

    /** Builds, expecting failure, and checks that no secret of the builder leaks into the message. */
    private static ConfigException fails(SdkConfig.Builder b, String... secrets) {
        ConfigException e = assertThrows(ConfigException.class, b::build);
        for (String s : secrets) {
            assertFalse(e.getMessage().contains(s), "secret leaked into: " + e.getMessage());
        }
        return e;
    }

    private static String only(ConfigException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void aCompleteConfigurationBuilds() {
        SdkConfig c = assertDoesNotThrow(() -> Fixtures.complete().build());
        assertDoesNotThrow(() -> c.require(Service.values()));
    }

    @Test
    void badEnvironmentName() {
        ConfigException e = fails(builder().environmentVariables(Map.of("RABAISLOCAL_ENV", "preprod")));
        assertEquals("RABAISLOCAL_ENV (environment variable): unknown environment 'preprod'; expected one of"
                + " development, dev, staging, stage, production, prod (case-insensitive)", only(e));
    }

    @Test
    void nonHttpsUrl() {
        ConfigException e = fails(builder().set(ConfigKey.OPENAI_BASE_URL, "http://proxy.example.com/v1"));
        assertEquals("OPENAI_BASE_URL (set programmatically): must use https (plain http is accepted only for"
                + " localhost, 127.0.0.1 and [::1]): found http://proxy.example.com/v1", only(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:54321", "http://127.0.0.1:8080/v1", "http://[::1]:9000",
            "https://localhost:8443"})
    void loopbackIsAcceptedOutsideProductionAndRefusedInProduction(String url) {
        for (RabaisEnvironment env : List.of(RabaisEnvironment.DEVELOPMENT, RabaisEnvironment.STAGING)) {
            SdkConfig c = builder().environment(env).set(ConfigKey.GOAFFPRO_BASE_URL, url).build();
            assertEquals(url, c.value(ConfigKey.GOAFFPRO_BASE_URL).orElseThrow());
        }
        ConfigException e = fails(builder().environment(RabaisEnvironment.PRODUCTION)
                .set(ConfigKey.GOAFFPRO_BASE_URL, url));
        String p = only(e);
        assertTrue(p.startsWith("GOAFFPRO_BASE_URL (set programmatically): points at the loopback host "), p);
        assertTrue(p.contains("which PRODUCTION refuses"), p);
    }

    @Test
    void malformedUrlsAreNotEchoed() {
        String key = Fixtures.serviceRole();
        ConfigException e = fails(builder()
                .set(ConfigKey.SUPABASE_URL, key)
                .set(ConfigKey.OPENAI_BASE_URL, "https://user:hunter2-secret@api.example.com/v1")
                .set(ConfigKey.MAILERSEND_BASE_URL, "https://api.example.com/v1?token=abc123secret")
                .set(ConfigKey.GOAFFPRO_BASE_URL, "ht tp://bad"), key, "hunter2-secret", "abc123secret");
        assertEquals(List.of(
                "SUPABASE_URL (set programmatically): is not an absolute http(s) URL (expected e.g."
                        + " https://api.example.com)",
                "MAILERSEND_BASE_URL (set programmatically): must not have a query or fragment: found"
                        + " https://api.example.com/v1?...",
                "OPENAI_BASE_URL (set programmatically): must not contain credentials (user:password@); put keys in"
                        + " their own variables",
                "GOAFFPRO_BASE_URL (set programmatically): is not a valid URL (expected e.g. https://api.example.com)"),
                e.problems());
    }

    @Test
    void supabaseUrlMustBeTheProjectRoot() {
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL + "/rest/v1/"));
        assertEquals("SUPABASE_URL (set programmatically): must be the project URL without a service path: found "
                + Fixtures.SUPABASE_URL + "/rest/v1/ (the SDK adds /rest/v1, /auth/v1, /storage/v1 and"
                + " /functions/v1)", only(e));
    }

    @Test
    void swappedAnonAndServiceRoleJwts() {
        String anon = Fixtures.anon();
        String service = Fixtures.serviceRole();
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL)
                .set(ConfigKey.SUPABASE_ANON_KEY, service)
                .set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, anon), anon, service);
        assertEquals(List.of(
                "SUPABASE_ANON_KEY (set programmatically): expected a JWT with role 'anon', found role 'service_role'"
                        + " (SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY look swapped)",
                "SUPABASE_SERVICE_ROLE_KEY (set programmatically): expected a JWT with role 'service_role', found"
                        + " role 'anon' (SUPABASE_SERVICE_ROLE_KEY and SUPABASE_ANON_KEY look swapped)"),
                e.problems());
    }

    @Test
    void otherRolesAndMissingRole() {
        String user = Fixtures.jwt("authenticated", REF, NOW, null);
        String none = Fixtures.jwt(null, REF, NOW, null);
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_ANON_KEY, user)
                .set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, none), user, none);
        assertEquals(List.of(
                "SUPABASE_ANON_KEY (set programmatically): expected a JWT with role 'anon', found role"
                        + " 'authenticated'",
                "SUPABASE_SERVICE_ROLE_KEY (set programmatically): expected a JWT with role 'service_role', found a"
                        + " JWT without a role claim"), e.problems());
    }

    @Test
    void crossProjectKey() {
        String staging = Fixtures.jwt("anon", OTHER_REF, NOW.minus(Duration.ofDays(1)), null);
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL)
                .environmentVariables(Map.of("SUPABASE_ANON_KEY", staging)), staging);
        assertEquals("SUPABASE_ANON_KEY (environment variable): expected a key of Supabase project '" + REF
                + "' (from SUPABASE_URL), found a key of project '" + OTHER_REF + "'", only(e));

        String noRef = Fixtures.jwt("anon", null, NOW, null);
        ConfigException e2 = fails(builder().set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL)
                .set(ConfigKey.SUPABASE_ANON_KEY, noRef), noRef);
        assertEquals("SUPABASE_ANON_KEY (set programmatically): expected a key of Supabase project '" + REF
                + "' (from SUPABASE_URL), found a JWT without a ref claim", only(e2));
    }

    @Test
    void refIsNotCheckedForLoopbackOrCustomDomains() {
        String anyProject = Fixtures.jwt("anon", OTHER_REF, NOW, null);
        assertDoesNotThrow(() -> builder().set(ConfigKey.SUPABASE_URL, "http://127.0.0.1:54321")
                .set(ConfigKey.SUPABASE_ANON_KEY, anyProject).build().supabase());
        assertDoesNotThrow(() -> builder().set(ConfigKey.SUPABASE_URL, "https://db.rabaislocal.com")
                .set(ConfigKey.SUPABASE_ANON_KEY, anyProject).build().supabase());
    }

    @Test
    void newStyleKeysMustFitTheirSlot() {
        String secret = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";
        String publishable = "sb_publishable_ZaqV0Ae7Vm5Fm2yqnJbSzQ_JIt7dpFZ";
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_ANON_KEY, secret)
                .set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, publishable), secret, publishable);
        assertEquals(List.of(
                "SUPABASE_ANON_KEY (set programmatically): expected a publishable key (sb_publishable_...), found a"
                        + " secret key (sb_secret_...) (SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY look swapped)",
                "SUPABASE_SERVICE_ROLE_KEY (set programmatically): expected a secret key (sb_secret_...), found a"
                        + " publishable key (sb_publishable_...) (SUPABASE_SERVICE_ROLE_KEY and SUPABASE_ANON_KEY look"
                        + " swapped)"), e.problems());

        SdkConfig ok = builder().set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL)
                .set(ConfigKey.SUPABASE_ANON_KEY, publishable).set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, secret).build();
        assertEquals(secret, ok.supabase().requireServiceRoleKey().current().reveal());
    }

    @Test
    void somethingElseIsMalformed() {
        String openAiKey = Fixtures.OPENAI_KEY;
        String badPayload = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("not json") + ".c2ln";
        String badBody = "sb_publishable_has spaces";
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_ANON_KEY, openAiKey)
                .set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, badPayload), openAiKey, badPayload);
        assertEquals(List.of(
                "SUPABASE_ANON_KEY (set programmatically): is neither a JWT (three base64url parts separated by '.')"
                        + " nor a Supabase API key starting with sb_publishable_ or sb_secret_",
                "SUPABASE_SERVICE_ROLE_KEY (set programmatically): has the shape of a JWT but its header or payload"
                        + " is not base64url-encoded JSON"), e.problems());
        assertTrue(only(fails(builder().set(ConfigKey.SUPABASE_ANON_KEY, "sb_publishable_a/b"), "a/b"))
                .endsWith("starts with sb_publishable_ but the rest is not letters, digits, '_' or '-'"));
        assertEquals("SUPABASE_ANON_KEY (set programmatically): starts with sb_publishable_ but the rest is not"
                + " letters, digits, '_' or '-'", only(fails(builder().set(ConfigKey.SUPABASE_ANON_KEY, badBody))));
    }

    @Test
    void expiredJwtAndDemoKeyOutsideDevelopment() {
        String expired = Fixtures.jwt("anon", REF, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(1)));
        ConfigException e = fails(builder().set(ConfigKey.SUPABASE_ANON_KEY, expired), expired);
        assertEquals("SUPABASE_ANON_KEY (set programmatically): expired on " + NOW.minus(Duration.ofDays(1))
                + " (JWT exp claim)", only(e));

        String demo = Fixtures.jwt(Map.of("iss", "supabase-demo", "role", "anon", "exp", 1983812996));
        assertDoesNotThrow(() -> builder().set(ConfigKey.SUPABASE_URL, "http://127.0.0.1:54321")
                .set(ConfigKey.SUPABASE_ANON_KEY, demo).build());
        ConfigException e2 = fails(builder().environment(RabaisEnvironment.STAGING)
                .set(ConfigKey.SUPABASE_ANON_KEY, demo), demo);
        assertEquals("SUPABASE_ANON_KEY (set programmatically): is the Supabase CLI's local demo key (iss"
                + " 'supabase-demo'), which STAGING must not use; expected the staging project's key", only(e2));
    }

    @Test
    void formatsOfOtherValues() {
        ConfigException e = fails(builder()
                .set(ConfigKey.MAILERSEND_DOMAIN, "https://rabaislocal.com")
                .set(ConfigKey.OPENAI_ORG_ID, "acme")
                .set(ConfigKey.OPENAI_API_KEY, "Bearer sk-abcdef0123456789")
                .set(ConfigKey.GOAFFPRO_PROGRAM_ID, "has space")
                .set(ConfigKey.MAKE_TEAM_ID, "12a")
                .set(ConfigKey.MAKE_API_TOKEN, "xxx"), "sk-abcdef0123456789");
        assertEquals(List.of(
                "MAILERSEND_DOMAIN (set programmatically): must be a bare domain name such as rabaislocal.com, not a"
                        + " URL or an address",
                "OPENAI_API_KEY (set programmatically): contains whitespace (a 'Bearer ' prefix or two values run"
                        + " together?)",
                "OPENAI_ORG_ID (set programmatically): must start with 'org-'",
                "GOAFFPRO_PROGRAM_ID (set programmatically): must be 1 to 128 letters, digits or . _ : - characters",
                "MAKE_TEAM_ID (set programmatically): must be a positive decimal number",
                "MAKE_API_TOKEN (set programmatically): still holds a documentation placeholder, not a real value"),
                e.problems());
        assertTrue(only(fails(builder().set(ConfigKey.MAKE_TEAM_ID, "9223372036854775808")))
                .endsWith("must be a positive decimal number"), "beyond a long");
        assertTrue(only(fails(builder().set(ConfigKey.MAILERSEND_DOMAIN, "rabaislocal")))
                .endsWith("is not a valid domain name (expected e.g. rabaislocal.com)"));
        assertTrue(only(fails(builder().set(ConfigKey.OPENAI_API_KEY, "sk-...")))
                .endsWith("still holds a documentation placeholder, not a real value"));
        assertTrue(only(fails(builder().set(ConfigKey.SUPABASE_URL, "https://xxx.supabase.co")))
                .endsWith("still holds the documentation placeholder host xxx.supabase.co"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String anon = Fixtures.anon();
        String service = Fixtures.serviceRole();
        ConfigException e = fails(builder()
                .environmentVariables(Map.of(
                        "RABAISLOCAL_ENV", "production",
                        "SUPABASE_URL", "http://localhost:54321",
                        "SUPABASE_ANON_KEY", service,
                        "SUPABASE_SERVICE_ROLE_KEY", anon,
                        "OPENAI_BASE_URL", "http://api.example.com/v1",
                        "MAKE_TEAM_ID", "team"))
                .require(Service.MAILERSEND), anon, service);
        List<String> p = e.problems();
        assertEquals(6, p.size(), e.getMessage());
        assertTrue(p.get(0).startsWith("SUPABASE_URL (environment variable): points at the loopback host localhost"));
        assertTrue(p.get(1).startsWith("SUPABASE_ANON_KEY (environment variable): expected a JWT with role 'anon'"));
        assertTrue(p.get(2).startsWith("SUPABASE_SERVICE_ROLE_KEY (environment variable): expected a JWT with role"));
        assertTrue(p.get(3).startsWith("OPENAI_BASE_URL (environment variable): must use https"));
        assertTrue(p.get(4).startsWith("MAKE_TEAM_ID (environment variable): must be a positive decimal number"));
        assertTrue(p.get(5).startsWith("MAILERSEND_API_KEY: missing; MailerSend needs it"), p.get(5));
        assertTrue(e.getMessage().startsWith("Invalid RabaisLocal SDK configuration (6 problems):"), e.getMessage());
    }

    @Test
    void controlCharactersAreRejected() {
        String p = only(fails(builder().set(ConfigKey.GOAFFPRO_API_KEY, "abc\u0000def0123456789")));
        assertEquals("GOAFFPRO_API_KEY (set programmatically): contains control characters (a stray line break?)", p);
    }
}
