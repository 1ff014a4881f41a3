package com.rabaislocal.sdk.core.config;

import static com.rabaislocal.sdk.core.config.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialRotationTest {

    private static final String KEY_A = "mlsn.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String KEY_B = "mlsn.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path dir;
    private Path file;
    private FakeClock clock;
    private long mtime = 1_700_000_000_000L;

    @BeforeEach
    void setUp() {
        file = dir.resolve(".env");
        clock = FakeClock.at(NOW);
    }

    /** Rewrites the .env file and moves its modification time forward, as a deployment tool would. */
    private void write(String content) throws IOException {
        Files.writeString(file, content);
        mtime += 10_000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }

    private SdkConfig.Builder builder() {
        return SdkConfig.builder().dotEnvFile(file).clock(clock).refreshInterval(Duration.ofSeconds(30));
    }

    private static void assertNoSecret(String text, String... secrets) {
        for (String s : secrets) {
            assertFalse(text.contains(s), "secret leaked into: " + text);
        }
    }

    @Test
    void aKeyRotatedInTheDotEnvFileIsPickedUpAfterTheRefreshInterval() throws IOException {
        write("MAILERSEND_API_KEY=" + KEY_A + "\n");
        CredentialProvider key = builder().build().mailerSend().apiKey();
        assertEquals(KEY_A, key.current().reveal());

        try (LogCapture logs = LogCapture.sdk()) {
            write("# rotated\nMAILERSEND_API_KEY=" + KEY_B + "\n");
            assertEquals(KEY_A, key.current().reveal(), "no file check before the interval has elapsed");
            clock.advance(Duration.ofSeconds(29));
            assertEquals(KEY_A, key.current().reveal());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(KEY_B, key.current().reveal());
            assertEquals(KEY_B, key.current().reveal());

            List<String> info = logs.at("INFO");
            assertEquals(1, info.size(), logs.text());
            assertTrue(info.get(0).startsWith("INFO com.rabaislocal.sdk.core.config Picked up a rotated"
                    + " MAILERSEND_API_KEY from .env file " + file.toAbsolutePath() + ", line 2"), info.get(0));
            assertNoSecret(logs.text(), KEY_A, KEY_B);
        }
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        write("MAILERSEND_API_KEY=" + KEY_A + "\n");
        CredentialProvider key = builder().build().mailerSend().apiKey();
        // Same size, same modification time: the cached parse must be reused, so the new text is not seen.
        Files.writeString(file, "MAILERSEND_API_KEY=" + KEY_B + "\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(KEY_A, key.current().reveal());
        mtime += 1;
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(KEY_B, key.current().reveal());
    }

    @Test
    void aKeyRotatedInSystemPropertiesIsPickedUp() {
        Properties props = new Properties();
        props.setProperty("OPENAI_API_KEY", Fixtures.OPENAI_KEY);
        CredentialProvider key = SdkConfig.builder().systemProperties(props).clock(clock).build().openAi().apiKey();
        props.setProperty("OPENAI_API_KEY", "sk-rotated-0123456789abcdefghijklmnop");
        assertEquals(Fixtures.OPENAI_KEY, key.current().reveal());
        clock.advance(SdkConfig.DEFAULT_REFRESH_INTERVAL);
        assertEquals("sk-rotated-0123456789abcdefghijklmnop", key.current().reveal());
    }

    @Test
    void precedenceHoldsDuringRotation() throws IOException {
        write("GOAFFPRO_API_KEY=" + KEY_A + "\n");
        Map<String, String> env = new HashMap<>(Map.of("GOAFFPRO_API_KEY", Fixtures.GOAFFPRO_TOKEN));
        CredentialProvider key = builder().environmentVariables(env).build().goAffPro().apiKey();
        write("GOAFFPRO_API_KEY=" + KEY_B + "\n");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Fixtures.GOAFFPRO_TOKEN, key.current().reveal(), "the environment still wins over .env");
        env.remove("GOAFFPRO_API_KEY");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(KEY_B, key.current().reveal());
    }

    @Test
    void aRotatedValueIsValidatedLikeTheFirstOne() throws IOException {
        String anon = Fixtures.anon();
        String service = Fixtures.serviceRole();
        write("SUPABASE_URL=" + Fixtures.SUPABASE_URL + "\nSUPABASE_ANON_KEY=" + anon + "\n");
        CredentialProvider key = builder().build().supabase().anonKey();
        try (LogCapture logs = LogCapture.sdk()) {
            write("SUPABASE_URL=" + Fixtures.SUPABASE_URL + "\nSUPABASE_ANON_KEY=" + service + "\n");
            clock.advance(Duration.ofMinutes(1));
            for (int i = 0; i < 5; i++) {
                ConfigException e = assertThrows(ConfigException.class, key::current);
                assertEquals(List.of("SUPABASE_ANON_KEY (.env file " + file.toAbsolutePath() + ", line 2): expected"
                        + " a JWT with role 'anon', found role 'service_role' (SUPABASE_ANON_KEY and"
                        + " SUPABASE_SERVICE_ROLE_KEY look swapped)"), e.problems());
                assertNoSecret(e.getMessage(), anon, service);
            }
            assertEquals(1, logs.at("WARN").size(), "one warning per bad value, not per call: " + logs.text());
            assertTrue(logs.at("WARN").get(0).contains("SUPABASE_ANON_KEY can no longer be used"), logs.text());

            write("SUPABASE_URL=" + Fixtures.SUPABASE_URL + "\nSUPABASE_ANON_KEY=" + anon + "\n");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(anon, key.current().reveal());
            assertNoSecret(logs.text(), anon, service);
        }
    }

    @Test
    void aMalformedFileKeepsTheLastGoodValuesAndWarnsOnce() throws IOException {
        write("MAILERSEND_API_KEY=" + KEY_A + "\n");
        CredentialProvider key = builder().build().mailerSend().apiKey();
        try (LogCapture logs = LogCapture.sdk()) {
            write("MAILERSEND_API_KEY=\"" + KEY_B + "\n");
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofMinutes(1));
                assertEquals(KEY_A, key.current().reveal());
            }
            assertEquals(1, logs.at("WARN").size(), logs.text());
            assertTrue(logs.at("WARN").get(0).contains("line 1 (MAILERSEND_API_KEY): unterminated double quote"),
                    logs.text());
            write("MAILERSEND_API_KEY=\"" + KEY_B + "\"\n");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(KEY_B, key.current().reveal());
            assertNoSecret(logs.text(), KEY_A, KEY_B);
        }
    }

    @Test
    void aKeyRemovedFromEverySourceFailsByName() throws IOException {
        write("MAILERSEND_API_KEY=" + KEY_A + "\n");
        CredentialProvider key = builder().build().mailerSend().apiKey();
        write("MAILERSEND_DOMAIN=rabaislocal.com\n");
        clock.advance(Duration.ofMinutes(1));
        ConfigException e = assertThrows(ConfigException.class, key::current);
        assertEquals("Invalid RabaisLocal SDK configuration: MAILERSEND_API_KEY: no configuration source sets it any"
                + " more", e.getMessage());
    }

    @Test
    void programmaticValuesAreFixed() {
        Map<String, String> env = new HashMap<>();
        CredentialProvider key = SdkConfig.builder().environmentVariables(env).clock(clock)
                .secret(ConfigKey.OPENAI_API_KEY, Secret.of(Fixtures.OPENAI_KEY)).build().openAi().apiKey();
        env.put("OPENAI_API_KEY", "sk-from-env-0123456789abcdefghij");
        clock.advance(Duration.ofHours(1));
        assertEquals(Fixtures.OPENAI_KEY, key.current().reveal());
        assertEquals(Secret.of("x-value"), CredentialProvider.fixed(Secret.of("x-value")).current());
        assertFalse(CredentialProvider.fixed(Secret.of("x-value")).toString().contains("x-value"));
    }

    @Test
    void aProgrammaticProviderIsAskedEveryTimeAndEachNewValueValidated() {
        AtomicReference<String> vault = new AtomicReference<>(Fixtures.serviceRole());
        SdkConfig config = SdkConfig.builder().clock(clock)
                .set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL)
                .set(ConfigKey.SUPABASE_ANON_KEY, Fixtures.anon())
                .credentialProvider(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, () -> Secret.of(vault.get()))
                .build();
        CredentialProvider key = config.supabase().requireServiceRoleKey();
        assertEquals(Fixtures.serviceRole(), key.current().reveal());
        String rotated = Fixtures.jwt("service_role", Fixtures.REF, NOW, null);
        vault.set(rotated);
        assertEquals(rotated, key.current().reveal(), "no refresh interval: the provider decides");
        String crossProject = Fixtures.jwt("service_role", Fixtures.OTHER_REF, NOW, null);
        vault.set(crossProject);
        ConfigException e = assertThrows(ConfigException.class, key::current);
        assertTrue(e.getMessage().contains("found a key of project '" + Fixtures.OTHER_REF + "'"), e.getMessage());
        assertFalse(e.getMessage().contains(crossProject));
    }

    @Test
    void aFailingProgrammaticProviderIsReportedWithoutItsMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> SdkConfig.builder()
                .credentialProvider(ConfigKey.OPENAI_API_KEY, () -> {
                    throw new IllegalStateException("vault said sk-leaky-0123456789");
                }).build());
        assertEquals(List.of("OPENAI_API_KEY (credential provider): the provider failed with"
                + " java.lang.IllegalStateException"), e.problems());
    }
}
