package com.rabaislocal.sdk.core.config;

import static com.rabaislocal.sdk.core.config.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.testing.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiagnosisTest {

    @TempDir
    Path dir;

    @Test
    void aHealthyConfigurationReportsEveryServiceConfigured() {
        SdkConfig config = Fixtures.complete().build();
        ConfigDiagnosis d = config.diagnose();
        assertEquals(List.of(), d.problems());
        for (ConfigDiagnosis.ServiceReport r : d.services()) {
            assertTrue(r.configured(), r.toString());
        }
        ConfigDiagnosis.Entry anon = d.service(Service.SUPABASE).entries().get(1);
        Secret s = Secret.of(Fixtures.anon());
        assertEquals(ConfigDiagnosis.Status.SET, anon.status());
        assertEquals("set (fingerprint " + s.fingerprint() + ", " + s.length() + " chars), JWT role anon, project "
                + Fixtures.REF + ", issued 10 days ago", anon.display());
        ConfigDiagnosis.Entry base = d.service(Service.OPENAI).entries().get(2);
        assertEquals(ConfigDiagnosis.Status.DEFAULT, base.status());
        assertEquals("https://api.openai.com/v1", base.display());
        assertEquals(Optional.of(RabaisEnvironment.DEVELOPMENT), d.environment());
        assertTrue(d.render().endsWith("  Result: no problems\n"), d.render());
    }

    @Test
    void aBrokenConfigurationIsDiagnosedWithoutThrowing() throws IOException {
        Path env = dir.resolve(".env");
        String anon = Fixtures.anon();
        String oldService = Fixtures.jwt("anon", Fixtures.REF, NOW.minus(Duration.ofDays(219)), null);
        Files.writeString(env, "SUPABASE_SERVICE_ROLE_KEY=" + oldService + "\nthis line is broken\n");
        SdkConfig.Builder b = SdkConfig.builder().clock(FakeClock.at(NOW)).dotEnvFile(env)
                .environmentVariables(Map.of("RABAISLOCAL_ENV", "prod", "SUPABASE_URL", "http://localhost:54321",
                        "SUPABASE_ANON_KEY", anon, "MAILERSEND_DOMAIN", Fixtures.OPENAI_KEY))
                .require(Service.MAILERSEND);
        ConfigDiagnosis d = b.diagnose();

        ConfigDiagnosis.ServiceReport supabase = d.service(Service.SUPABASE);
        assertFalse(supabase.configured());
        assertEquals(List.of(), supabase.missing());
        assertEquals(2, supabase.problems().size(), supabase.problems().toString());
        assertEquals(ConfigDiagnosis.Status.INVALID, supabase.entries().get(0).status());
        assertEquals("invalid value (22 chars)", supabase.entries().get(0).display());
        assertEquals(1, supabase.warnings().size());
        assertTrue(supabase.warnings().get(0).contains("was issued 219 days ago"), supabase.warnings().toString());

        ConfigDiagnosis.ServiceReport mail = d.service(Service.MAILERSEND);
        assertEquals(List.of(ConfigKey.MAILERSEND_API_KEY), mail.missing());
        assertEquals("invalid value (" + Fixtures.OPENAI_KEY.length() + " chars)", mail.entries().get(1).display());
        assertEquals(ConfigDiagnosis.Status.MISSING, d.service(Service.OPENAI).entries().get(0).status());
        assertEquals(1, d.sourceProblems().size());
        // source problem + 2 Supabase + 1 MailerSend domain + missing MailerSend key (required by the application)
        assertEquals(5, d.problems().size(), d.problems().toString());

        String report = d.render();
        assertEquals(report, d.toString());
        assertTrue(report.startsWith("RabaisLocal SDK configuration\n  Environment: PRODUCTION (RABAISLOCAL_ENV"
                + " environment variable)\n"), report);
        assertTrue(report.contains("  Supabase (sdk-supabase): NOT CONFIGURED (2 problems)\n"), report);
        assertTrue(report.contains("  MailerSend (sdk-mailersend): NOT CONFIGURED (missing MAILERSEND_API_KEY; 1"
                + " problem), required by this application\n"), report);
        assertTrue(report.contains("    SUPABASE_ANON_KEY          set (fingerprint "
                + Secret.of(anon).fingerprint()), report);
        assertTrue(report.contains("      ! SUPABASE_SERVICE_ROLE_KEY (.env file " + env.toAbsolutePath()
                + ", line 1): expected a JWT with role 'service_role', found role 'anon'"), report);
        assertTrue(report.contains("      ~ SUPABASE_SERVICE_ROLE_KEY (.env file"), report);
        assertTrue(report.contains("    OPENAI_API_KEY             missing (required)\n"), report);
        assertTrue(report.contains("    OPENAI_BASE_URL            https://api.openai.com/v1  [default]\n"), report);
        assertTrue(report.contains("  Source problems:\n    ! .env file " + env.toAbsolutePath() + ", line 2"), report);
        assertTrue(report.contains("Sources, highest precedence first: programmatic (0 values) > system properties >"
                + " environment variables > .env file " + env.toAbsolutePath() + " (1 entry)"), report);
        assertTrue(report.endsWith("  Result: 5 problems, 1 warning\n"), report);
        for (String secret : List.of(anon, oldService, Fixtures.OPENAI_KEY)) {
            assertFalse(report.contains(secret), "secret in report:\n" + report);
        }
    }

    @Test
    void anUnknownEnvironmentIsShownAsSuch() {
        ConfigDiagnosis d = SdkConfig.builder().environmentVariables(Map.of("RABAISLOCAL_ENV", "qa")).diagnose();
        assertEquals(Optional.empty(), d.environment());
        assertEquals(ConfigDiagnosis.Status.INVALID, d.environmentEntry().status());
        assertTrue(d.render().contains("  Environment: UNKNOWN (RABAISLOCAL_ENV environment variable)\n    !"
                + " RABAISLOCAL_ENV (environment variable): unknown environment 'qa'"), d.render());
        assertEquals(1, d.problems().size());
    }

    @Test
    void diagnoseReflectsRotatedValues() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "MAKE_TEAM_ID=1\n");
        SdkConfig config = SdkConfig.builder().dotEnvFile(env).build();
        Files.writeString(env, "MAKE_TEAM_ID=1\nMAKE_API_TOKEN=" + Fixtures.MAKE_TOKEN + "\n");
        assertTrue(config.diagnose().service(Service.MAKE).configured(), "diagnose() reads the sources again");
        assertEquals(Optional.empty(), config.secret(ConfigKey.MAKE_API_TOKEN), "the configuration itself is a"
                + " build-time snapshot");
        assertEquals(Optional.of("1"), config.value(ConfigKey.MAKE_TEAM_ID));
    }
}
