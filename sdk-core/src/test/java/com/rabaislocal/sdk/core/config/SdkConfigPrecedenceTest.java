package com.rabaislocal.sdk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkConfigPrecedenceTest {

    @TempDir
    Path dir;

    private Path dotEnv(String content) throws IOException {
        Path p = dir.resolve(".env");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void programmaticBeatsSystemPropertiesBeatsEnvironmentBeatsDotEnv() throws IOException {
        Path file = dotEnv("""
                MAILERSEND_DOMAIN=dotenv.rabaislocal.com
                OPENAI_ORG_ID=org-dotenv
                GOAFFPRO_PROGRAM_ID=dotenv
                MAKE_TEAM_ID=4
                """);
        Map<String, String> env = Map.of(
                "MAILERSEND_DOMAIN", "env.rabaislocal.com",
                "OPENAI_ORG_ID", "org-env",
                "GOAFFPRO_PROGRAM_ID", "env");
        Properties props = new Properties();
        props.setProperty("MAILERSEND_DOMAIN", "props.rabaislocal.com");
        props.setProperty("OPENAI_ORG_ID", "org-props");

        SdkConfig config = SdkConfig.builder()
                .environmentVariables(env).systemProperties(props).dotEnvFile(file)
                .set(ConfigKey.MAILERSEND_DOMAIN, "code.rabaislocal.com")
                .build();

        assertEquals(Optional.of("code.rabaislocal.com"), config.value(ConfigKey.MAILERSEND_DOMAIN));
        assertEquals(Optional.of(ConfigSource.PROGRAMMATIC), config.source(ConfigKey.MAILERSEND_DOMAIN));
        assertEquals(Optional.of("org-props"), config.value(ConfigKey.OPENAI_ORG_ID));
        assertEquals(Optional.of(ConfigSource.SYSTEM_PROPERTY), config.source(ConfigKey.OPENAI_ORG_ID));
        assertEquals(Optional.of("env"), config.value(ConfigKey.GOAFFPRO_PROGRAM_ID));
        assertEquals(Optional.of(ConfigSource.ENVIRONMENT_VARIABLE), config.source(ConfigKey.GOAFFPRO_PROGRAM_ID));
        assertEquals(Optional.of("4"), config.value(ConfigKey.MAKE_TEAM_ID));
        assertEquals(Optional.of(ConfigSource.DOTENV_FILE), config.source(ConfigKey.MAKE_TEAM_ID));
        assertEquals(Optional.of("https://api.openai.com/v1"), config.value(ConfigKey.OPENAI_BASE_URL));
        assertEquals(Optional.of(ConfigSource.DEFAULT), config.source(ConfigKey.OPENAI_BASE_URL));
        assertEquals(Optional.empty(), config.source(ConfigKey.SUPABASE_URL));

        // Peeling the sources off one at a time exposes the next one down.
        SdkConfig noCode = config.toBuilder().set(ConfigKey.MAILERSEND_DOMAIN, null).build();
        assertEquals(Optional.of("props.rabaislocal.com"), noCode.value(ConfigKey.MAILERSEND_DOMAIN));
        SdkConfig noProps = noCode.toBuilder().systemProperties(new Properties()).build();
        assertEquals(Optional.of("env.rabaislocal.com"), noProps.value(ConfigKey.MAILERSEND_DOMAIN));
        assertEquals(Optional.of("org-env"), noProps.value(ConfigKey.OPENAI_ORG_ID));
        SdkConfig noEnv = noProps.toBuilder().environmentVariables(Map.of()).build();
        assertEquals(Optional.of("dotenv.rabaislocal.com"), noEnv.value(ConfigKey.MAILERSEND_DOMAIN));
        assertEquals(Optional.of(ConfigSource.DOTENV_FILE), noEnv.source(ConfigKey.MAILERSEND_DOMAIN));
        SdkConfig nothing = noEnv.toBuilder().noDotEnvFile().build();
        assertEquals(Optional.empty(), nothing.value(ConfigKey.MAILERSEND_DOMAIN));
    }

    @Test
    void precedenceAppliesToSecretsToo() throws IOException {
        Path file = dotEnv("MAILERSEND_API_KEY=mlsn.from-dotenv-0123456789\n");
        Map<String, String> env = new HashMap<>(Map.of("MAILERSEND_API_KEY", "mlsn.from-env-0123456789"));
        Properties props = new Properties();
        props.setProperty("rabaislocal.mailersend.api.key", "mlsn.from-props-0123456789");
        SdkConfig.Builder b = SdkConfig.builder().environmentVariables(env).systemProperties(props).dotEnvFile(file)
                .secret(ConfigKey.MAILERSEND_API_KEY, Secret.of("mlsn.from-code-0123456789"));

        assertEquals("mlsn.from-code-0123456789", b.build().mailerSend().apiKey().current().reveal());
        b.set(ConfigKey.MAILERSEND_API_KEY, null);
        assertEquals("mlsn.from-props-0123456789", b.build().mailerSend().apiKey().current().reveal());
        props.clear();
        assertEquals("mlsn.from-env-0123456789", b.build().mailerSend().apiKey().current().reveal());
        env.clear();
        SdkConfig last = b.build();
        assertEquals("mlsn.from-dotenv-0123456789", last.mailerSend().apiKey().current().reveal());
        assertEquals(Optional.of(ConfigSource.DOTENV_FILE), last.source(ConfigKey.MAILERSEND_API_KEY));
    }

    @Test
    void systemPropertiesAcceptTheNameOrTheDottedAlias() {
        Properties props = new Properties();
        props.setProperty("rabaislocal.supabase.url", Fixtures.SUPABASE_URL);
        props.setProperty("rabaislocal.env", "stage");
        props.setProperty("rabaislocal.supabase.anon.key", Fixtures.anon());
        SdkConfig config = SdkConfig.builder().systemProperties(props).clock(FakeClock.at(Fixtures.NOW))
                .build();
        assertEquals(RabaisEnvironment.STAGING, config.environment());
        assertEquals(Fixtures.SUPABASE_URL, config.supabase().url().toString());

        props.setProperty("SUPABASE_URL", Fixtures.SUPABASE_URL);
        assertEquals(Fixtures.SUPABASE_URL, SdkConfig.builder().systemProperties(props).build()
                .value(ConfigKey.SUPABASE_URL).orElseThrow(), "same value under both names is fine");
    }

    @Test
    void nameAndAliasDisagreeingIsAProblem() {
        Properties props = new Properties();
        props.setProperty("SUPABASE_URL", "https://one.supabase.co");
        props.setProperty("rabaislocal.supabase.url", "https://two.supabase.co");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SdkConfig.builder().systemProperties(props).build());
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("SUPABASE_URL"), e.getMessage());
        assertTrue(e.problems().get(0).contains("rabaislocal.supabase.url"), e.getMessage());
        assertFalse(e.getMessage().contains("one.supabase.co"), e.getMessage());
    }

    @Test
    void blankValuesDoNotHideLowerSourcesAndValuesAreTrimmed() throws IOException {
        Path file = dotEnv("OPENAI_ORG_ID=org-from-file\n");
        Properties props = new Properties();
        props.setProperty("OPENAI_ORG_ID", "   ");
        SdkConfig config = SdkConfig.builder().systemProperties(props)
                .environmentVariables(Map.of("OPENAI_ORG_ID", "", "MAILERSEND_DOMAIN", "  rabaislocal.com \n"))
                .dotEnvFile(file).build();
        assertEquals(Optional.of("org-from-file"), config.value(ConfigKey.OPENAI_ORG_ID));
        assertEquals(Optional.of("rabaislocal.com"), config.value(ConfigKey.MAILERSEND_DOMAIN));
    }

    @Test
    void anEmptyBuilderReadsNothingFromTheProcess() {
        SdkConfig config = SdkConfig.builder().build();
        for (ConfigKey k : ConfigKey.values()) {
            Optional<ConfigSource> s = config.source(k);
            assertTrue(s.isEmpty() || s.get() == ConfigSource.DEFAULT, k + " came from " + s);
        }
        assertEquals(RabaisEnvironment.DEVELOPMENT, config.environment());
    }

    @Test
    void processSourcesReadTheRealSystemProperties() {
        String name = ConfigKey.GOAFFPRO_PROGRAM_ID.propertyName();
        String previous = System.getProperty(name);
        System.setProperty(name, "process-sources-test");
        try {
            // diagnose() never throws, whatever the real environment of the build machine holds.
            ConfigDiagnosis.Entry e = SdkConfig.builder().processSources().diagnose()
                    .service(Service.GOAFFPRO).entries().get(1);
            assertEquals("process-sources-test", e.display());
            assertEquals(Optional.of("system property " + name), e.origin());
        } finally {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        }
    }

    @Test
    void originsNameTheExactPlace() throws IOException {
        Path file = dotEnv("# header\nMAKE_TEAM_ID=77\n");
        Properties props = new Properties();
        props.setProperty("rabaislocal.openai.org.id", "org-x");
        SdkConfig.Builder b = SdkConfig.builder().systemProperties(props).dotEnvFile(file);
        ConfigDiagnosis d = b.diagnose();
        ConfigDiagnosis.Entry team = d.service(Service.MAKE).entries().get(0);
        assertEquals(Optional.of(".env file " + file.toAbsolutePath() + ", line 2"), team.origin());
        ConfigDiagnosis.Entry org = d.service(Service.OPENAI).entries().get(1);
        assertEquals(Optional.of("system property rabaislocal.openai.org.id"), org.origin());
    }
}
