package com.rabaislocal.sdk.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.UserAgent;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who is calling: keys, user JWTs, the service role, and that none of them leaks. */
class SupabaseClientTest {

    private final MockSupabase mock = new MockSupabase();

    @AfterEach
    void close() {
        mock.close();
    }

    private RecordedRequest call(SupabaseClient c) {
        mock.json(200, "[]");
        c.from("offers").select().execute();
        return mock.take();
    }

    @Test
    void aLegacyJwtKeyIsAlsoTheBearer() {
        RecordedRequest r = call(mock.client());
        assertEquals(MockSupabase.ANON_JWT, r.getHeader("apikey"));
        assertEquals("Bearer " + MockSupabase.ANON_JWT, r.getHeader("Authorization"));
        assertEquals("rabaislocal-sdk-java/" + UserAgent.sdkVersion(), r.getHeader("X-Client-Info"));
        assertTrue(r.getHeader("User-Agent").startsWith("rabaislocal-sdk-java/"));
    }

    @Test
    void aPublishableKeyIsNeverSentAsBearer() {
        RecordedRequest r = call(mock.builder(MockSupabase.PUBLISHABLE).build());
        assertEquals(MockSupabase.PUBLISHABLE, r.getHeader("apikey"));
        assertNull(r.getHeader("Authorization"));
    }

    @Test
    void withAccessTokenActsAsTheUserAndLeavesTheOriginalUnchanged() {
        SupabaseClient anon = mock.builder(MockSupabase.PUBLISHABLE).build();
        SupabaseClient user = anon.withAccessToken(MockSupabase.USER_JWT);
        RecordedRequest r = call(user);
        assertEquals(MockSupabase.PUBLISHABLE, r.getHeader("apikey"));
        assertEquals("Bearer " + MockSupabase.USER_JWT, r.getHeader("Authorization"));
        assertTrue(user.hasAccessToken());
        assertFalse(anon.hasAccessToken());
        assertNull(call(anon).getHeader("Authorization"));
        assertThrows(ValidationException.class, () -> anon.withAccessToken("not-a-jwt"));
        assertThrows(ValidationException.class, () -> anon.withAccessToken((String) null));
        RecordedRequest viaSecret = call(mock.client().withAccessToken(Secret.of(MockSupabase.USER_JWT)));
        assertEquals("Bearer " + MockSupabase.USER_JWT, viaSecret.getHeader("Authorization"));
    }

    @Test
    void theServiceRoleClientIsBuiltSeparatelyAndSaysSo() {
        SupabaseClient admin = SupabaseClient.serviceRoleBuilder().url(mock.url())
                .apiKey(CredentialProvider.of(MockSupabase.SECRET)).retryPolicy(mock.retryPolicy().build()).build();
        assertTrue(admin.isServiceRole());
        assertTrue(admin.toString().contains("service_role"));
        RecordedRequest r = call(admin);
        assertEquals(MockSupabase.SECRET, r.getHeader("apikey"));
        assertNull(r.getHeader("Authorization"));
        SupabaseClient legacy = SupabaseClient.createServiceRole(mock.url(),
                CredentialProvider.of(MockSupabase.SERVICE_JWT));
        assertEquals("Bearer " + MockSupabase.SERVICE_JWT, call(legacy).getHeader("Authorization"));
        assertFalse(mock.client().isServiceRole());
    }

    @Test
    void eachKindRefusesTheOtherKindsKeyWithoutPrintingIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SupabaseClient.create(mock.url(), CredentialProvider.of(MockSupabase.SECRET)));
        assertTrue(e.getMessage().contains("secret key"), e.getMessage());
        assertFalse(e.getMessage().contains(MockSupabase.SECRET));
        e = assertThrows(ValidationException.class,
                () -> SupabaseClient.create(mock.url(), CredentialProvider.of(MockSupabase.SERVICE_JWT)));
        assertTrue(e.getMessage().contains("service_role"), e.getMessage());
        assertFalse(e.getMessage().contains(MockSupabase.SERVICE_JWT));
        assertThrows(ValidationException.class,
                () -> SupabaseClient.createServiceRole(mock.url(), CredentialProvider.of(MockSupabase.PUBLISHABLE)));
        assertThrows(ValidationException.class,
                () -> SupabaseClient.createServiceRole(mock.url(), CredentialProvider.of(MockSupabase.ANON_JWT)));
    }

    @Test
    void buildListsEveryProblem() {
        ValidationException e = assertThrows(ValidationException.class, () -> SupabaseClient.builder()
                .url("ftp://x").maxUrlLength(10).schema(" ").build());
        assertEquals(java.util.Set.of("url", "apiKey", "schema", "maxUrlLength"), e.fieldErrors().keySet());
    }

    @Test
    void theKeyIsReadOnEveryRequestSoRotationApplies() {
        AtomicReference<String> key = new AtomicReference<>(MockSupabase.PUBLISHABLE);
        SupabaseClient c = SupabaseClient.builder().url(mock.url()).apiKey(() -> Secret.of(key.get()))
                .retryPolicy(mock.retryPolicy().build()).build();
        assertEquals(MockSupabase.PUBLISHABLE, call(c).getHeader("apikey"));
        key.set("sb_publishable_rotated");
        assertEquals("sb_publishable_rotated", call(c).getHeader("apikey"));
    }

    @Test
    void toBuilderKeepsSettingsButNotTheUser() {
        SupabaseClient user = mock.builder(MockSupabase.ANON_JWT).schema("app").build()
                .withAccessToken(MockSupabase.USER_JWT);
        SupabaseClient copy = user.toBuilder().build();
        RecordedRequest r = call(copy);
        assertEquals("app", r.getHeader("Accept-Profile"));
        assertEquals("Bearer " + MockSupabase.ANON_JWT, r.getHeader("Authorization"));
    }

    @Test
    void noSecretReachesLogsMessagesOrToString() {
        SupabaseClient user = mock.builder(MockSupabase.SECRET.replace("sb_secret_", "sb_publishable_")).build()
                .withAccessToken(MockSupabase.USER_JWT);
        try (LogCapture logs = LogCapture.sdk()) {
            mock.json(401, "{\"code\":\"PGRST301\",\"message\":\"JWT expired\"}");
            Exception e = assertThrows(Exception.class, () -> user.from("offers").select().execute());
            mock.json(200, "[]");
            user.from("offers").select().eq("token", "tok-very-secret").execute();
            mock.json(200, "[]");
            user.rpc("f", Map.of("a", 1)).execute();
            String all = logs.text() + e.getMessage() + user + user.from("offers").select();
            assertFalse(all.contains(MockSupabase.USER_JWT), all);
            assertFalse(all.contains("verysecret"), all);
            assertFalse(all.contains("tok-very-secret"), all);
            assertTrue(logs.text().contains("apikey: ██"), logs.text());
        }
    }

    @Test
    void closedClientRefusesCalls() {
        SupabaseClient c = mock.client();
        c.close();
        assertThrows(com.rabaislocal.sdk.core.error.RabaisSdkException.class,
                () -> c.from("offers").select().execute());
    }

    @Test
    void fromSettingsSendsTheConfiguredKeyAndFollowsItsRotation(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        String first = "sb_publishable_" + "a".repeat(31);
        String rotated = "sb_publishable_" + "b".repeat(40);
        Files.writeString(env, "SUPABASE_URL=" + mock.url() + "\nSUPABASE_ANON_KEY=" + first + "\n");
        FakeClock clock = FakeClock.create();
        SdkConfig config = SdkConfig.builder().environmentVariables(Map.of()).systemProperties(new Properties())
                .dotEnvFile(env).clock(clock).refreshInterval(Duration.ofSeconds(1)).build();

        SupabaseClient client = SupabaseClient.fromSettings(config.supabase());
        assertEquals(first, call(client).getHeader("apikey"));

        Files.writeString(env, "SUPABASE_URL=" + mock.url() + "\nSUPABASE_ANON_KEY=" + rotated + "\n");
        Files.setLastModifiedTime(env, FileTime.fromMillis(Files.getLastModifiedTime(env).toMillis() + 5_000));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(rotated, call(client).getHeader("apikey"), "the rotated key is used without a rebuild");
        assertFalse(client.isServiceRole());
    }

    @Test
    void serviceRoleFromSettingsNamesTheMissingVariable() {
        SdkConfig config = SdkConfig.builder().environmentVariables(Map.of("SUPABASE_URL", mock.url(),
                "SUPABASE_ANON_KEY", "sb_publishable_" + "a".repeat(31))).systemProperties(new Properties())
                .noDotEnvFile().build();

        ConfigException e = assertThrows(ConfigException.class,
                () -> SupabaseClient.serviceRoleFromSettings(config.supabase()));
        assertTrue(e.getMessage().contains("SUPABASE_SERVICE_ROLE_KEY"), e.getMessage());
        assertEquals(0, mock.requestCount());
    }
}
