package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The choice between a real project and the stand-in, from configuration sources that tests supply. */
class SupabaseTargetTest {

    private static final String URL = "https://abcdefghijklmnopqrst.supabase.co";
    private static final String ANON = ConfigDiagnosisExampleTest.jwt("{\"role\":\"anon\",\"ref\":\"abcdefghijklmnopqrst\",\"iss\":\"supabase\"}");

    private static SdkConfig.Builder sources(Map<String, String> env) {
        return SdkConfig.builder().environmentVariables(env).systemProperties(new Properties()).noDotEnvFile();
    }

    @Test
    void withoutSupabaseVariablesAStandInIsStartedAndStoppedWithTheTarget() throws Exception {
        SupabaseTarget target = SupabaseTarget.select(sources(Map.of()), name -> null);
        String url;
        try (target) {
            assertEquals(SupabaseTarget.Mode.STAND_IN, target.mode());
            url = target.settings().url().toString();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);
            assertTrue(target.serviceRoleKey().isPresent(), "the stand-in has a secret key for purchases");
            assertTrue(target.describe().contains("SUPABASE_URL and SUPABASE_ANON_KEY are not set"));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/rest/v1/offers")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), "the stand-in answers while the target is open");
        }
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/rest/v1/offers")).build(),
                HttpResponse.BodyHandlers.ofString()), "closed with the target");
    }

    @Test
    void halfASupabaseConfigurationFallsBackToTheStandInAndSaysWhy() {
        try (SupabaseTarget target = SupabaseTarget.select(sources(Map.of("SUPABASE_URL", URL)), name -> null)) {
            assertEquals(SupabaseTarget.Mode.STAND_IN, target.mode());
            assertTrue(target.describe().contains("SUPABASE_ANON_KEY is not set"), target.describe());
        }
    }

    @Test
    void aRealProjectNeedsTheDemoUser() {
        ConfigException e = assertThrows(ConfigException.class, () -> SupabaseTarget.select(
                sources(Map.of("SUPABASE_URL", URL, "SUPABASE_ANON_KEY", ANON)), name -> null));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(SupabaseTarget.DEMO_EMAIL), e.getMessage());
        assertTrue(e.problems().get(1).startsWith(SupabaseTarget.DEMO_PASSWORD), e.getMessage());
    }

    @Test
    void anInvalidConfigurationIsReportedWithTheMissingDemoUserAndNoSecret() {
        String swapped = ConfigDiagnosisExampleTest.jwt("{\"role\":\"service_role\",\"ref\":\"abcdefghijklmnopqrst\",\"iss\":\"supabase\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> SupabaseTarget.select(
                sources(Map.of("SUPABASE_URL", URL, "SUPABASE_ANON_KEY", swapped)),
                Map.of(SupabaseTarget.DEMO_EMAIL, "marie@example.com")::get));
        assertTrue(e.getMessage().contains("SUPABASE_ANON_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains(SupabaseTarget.DEMO_PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains(swapped), "the key is never quoted");
    }

    @Test
    void aCompleteConfigurationSelectsTheProjectWithoutStartingAnything() {
        Map<String, String> demo = Map.of(SupabaseTarget.DEMO_EMAIL, " marie@example.com ",
                SupabaseTarget.DEMO_PASSWORD, "mot-de-passe-secret");
        try (SupabaseTarget target = SupabaseTarget.select(
                sources(Map.of("SUPABASE_URL", URL, "SUPABASE_ANON_KEY", ANON)), demo::get)) {
            assertEquals(SupabaseTarget.Mode.SUPABASE, target.mode());
            assertEquals(URL, target.settings().url().toString());
            assertEquals("marie@example.com", target.email());
            assertTrue(target.serviceRoleKey().isEmpty());
            String described = target.describe() + target;
            assertTrue(described.contains(URL), described);
            assertFalse(described.contains("mot-de-passe-secret") || described.contains(ANON), described);
        }
    }
}
