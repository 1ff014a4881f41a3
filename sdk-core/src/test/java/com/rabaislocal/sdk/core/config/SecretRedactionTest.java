package com.rabaislocal.sdk.core.config;

import static com.rabaislocal.sdk.core.config.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every textual surface of the configuration, checked against every credential it handled. */
class SecretRedactionTest {

    @TempDir
    Path dir;

    private static final String OLD_SERVICE = Fixtures.jwt("service_role", Fixtures.REF,
            NOW.minus(Duration.ofDays(150)), null);
    /** A project's HS256 signing secret. */
    private static final String JWT_SECRET = "jwt-signing-secret-of-the-project-0123456789abcdef";

    private static final List<String> SECRETS = List.of(Fixtures.anon(), OLD_SERVICE, Fixtures.MAILERSEND_TOKEN,
            Fixtures.OPENAI_KEY, Fixtures.GOAFFPRO_TOKEN, Fixtures.MAKE_TOKEN, JWT_SECRET);

    private static void assertClean(String where, String text) {
        for (String s : SECRETS) {
            assertFalse(text.contains(s), where + " contains a secret:\n" + text);
            // A long fragment would be a leak too (e.g. a JWT payload without its header).
            String middle = s.substring(s.length() / 3, s.length() / 3 + 16);
            assertFalse(text.contains(middle), where + " contains part of a secret:\n" + text);
        }
    }

    @Test
    void noSecretInToStringExceptionsOrLogs() throws IOException {
        FakeClock clock = FakeClock.at(NOW);
        Path env = dir.resolve(".env");
        Files.writeString(env, "SUPABASE_SERVICE_ROLE_KEY=" + OLD_SERVICE + "\nMAKE_API_TOKEN=" + Fixtures.MAKE_TOKEN
                + "\n");
        List<String> surfaces = new ArrayList<>();
        try (LogCapture logs = LogCapture.sdk()) {
            SdkConfig config = SdkConfig.builder().clock(clock).dotEnvFile(env)
                    .environmentVariables(Map.of("SUPABASE_URL", Fixtures.SUPABASE_URL,
                            "SUPABASE_ANON_KEY", Fixtures.anon(), "MAILERSEND_API_KEY", Fixtures.MAILERSEND_TOKEN,
                            "OPENAI_API_KEY", Fixtures.OPENAI_KEY, "GOAFFPRO_API_KEY", Fixtures.GOAFFPRO_TOKEN,
                            "MAKE_TEAM_ID", "9", "SUPABASE_JWT_SECRET", JWT_SECRET))
                    .build();
            surfaces.add(config.toString());
            surfaces.add(config.toBuilder().toString());
            surfaces.add(config.supabase().toString());
            surfaces.add(config.supabase().anonKey().toString());
            surfaces.add(config.supabase().requireServiceRoleKey().toString());
            surfaces.add(config.mailerSend().toString());
            surfaces.add(config.openAi().toString());
            surfaces.add(config.goAffPro().toString());
            surfaces.add(config.make().toString());
            surfaces.add(config.make().apiToken().toString());
            surfaces.add(config.diagnose().render());
            surfaces.add(config.secret(ConfigKey.OPENAI_API_KEY).toString());
            for (ConfigKey k : ConfigKey.values()) {
                if (k.secret()) {
                    surfaces.add(config.credential(k).current().toString());
                }
            }

            // Rotate to swapped and malformed values, then use them.
            Files.writeString(env, "SUPABASE_SERVICE_ROLE_KEY=" + Fixtures.anon() + "\nMAKE_API_TOKEN=\""
                    + Fixtures.MAKE_TOKEN + "\n");
            Files.setLastModifiedTime(env, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            clock.advance(Duration.ofMinutes(5));
            config.make().apiToken().current();
            Files.writeString(env, "SUPABASE_SERVICE_ROLE_KEY=" + Fixtures.anon() + "\n");
            Files.setLastModifiedTime(env, FileTime.fromMillis(System.currentTimeMillis() + 120_000));
            clock.advance(Duration.ofMinutes(5));
            ConfigException rotated = assertThrows(ConfigException.class,
                    () -> config.supabase().requireServiceRoleKey().current());
            surfaces.add(rotated.getMessage());

            ConfigException build = assertThrows(ConfigException.class, () -> config.toBuilder()
                    .set(ConfigKey.SUPABASE_URL, Fixtures.OPENAI_KEY)
                    .set(ConfigKey.MAILERSEND_DOMAIN, Fixtures.MAILERSEND_TOKEN)
                    .set(ConfigKey.OPENAI_ORG_ID, Fixtures.GOAFFPRO_TOKEN + " ")
                    .set(ConfigKey.SUPABASE_ANON_KEY, Fixtures.MAKE_TOKEN)
                    .set(ConfigKey.RABAISLOCAL_ENV, OLD_SERVICE).build());
            surfaces.add(build.getMessage());
            surfaces.add(config.toBuilder().set(ConfigKey.SUPABASE_URL, Fixtures.OPENAI_KEY).diagnose().render());

            String logText = logs.text();
            assertTrue(logText.contains("was issued 150 days ago"), logText);
            assertTrue(logText.contains("SUPABASE_SERVICE_ROLE_KEY can no longer be used"), logText);
            assertTrue(logText.contains("The .env file changed but cannot be used"), logText);
            surfaces.add(logText);
        }
        for (int i = 0; i < surfaces.size(); i++) {
            assertClean("surface #" + i, surfaces.get(i));
        }
    }
}
