package com.rabaislocal.sdk.core.config;

import static com.rabaislocal.sdk.core.config.Fixtures.NOW;
import static com.rabaislocal.sdk.core.config.Fixtures.REF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyAgeWarningTest {

    private final FakeClock clock = FakeClock.at(NOW);

    private static String issuedDaysAgo(String role, long days) {
        return Fixtures.jwt(role, REF, NOW.minus(Duration.ofDays(days)), null);
    }

    @Test
    void anOldKeyIsWarnedAboutExactlyOnce() {
        String old = issuedDaysAgo("service_role", 120);
        try (LogCapture logs = LogCapture.sdk()) {
            SdkConfig config = SdkConfig.builder().clock(clock)
                    .environmentVariables(Map.of("SUPABASE_URL", Fixtures.SUPABASE_URL,
                            "SUPABASE_ANON_KEY", Fixtures.anon(), "SUPABASE_SERVICE_ROLE_KEY", old))
                    .build();
            CredentialProvider key = config.supabase().requireServiceRoleKey();
            for (int i = 0; i < 100; i++) {
                key.current();
                clock.advance(Duration.ofMinutes(1));
            }
            config.diagnose();
            config.toBuilder().build().supabase().requireServiceRoleKey().current();

            List<String> warnings = logs.at("WARN");
            assertEquals(1, warnings.size(), logs.text());
            String w = warnings.get(0);
            assertTrue(w.startsWith("WARN com.rabaislocal.sdk.core.config SUPABASE_SERVICE_ROLE_KEY (environment"
                    + " variable): was issued 120 days ago"), w);
            assertTrue(w.contains("more than the 90-day rotation period"), w);
            assertFalse(logs.text().contains(old), "the key itself must never be logged");
            assertFalse(logs.text().contains(Fixtures.anon()), "the key itself must never be logged");
        }
    }

    @Test
    void aKeyReachingNinetyDaysWhileInUseIsWarnedAboutOnce() {
        String young = issuedDaysAgo("anon", 80);
        try (LogCapture logs = LogCapture.sdk()) {
            CredentialProvider key = SdkConfig.builder().clock(clock)
                    .set(ConfigKey.SUPABASE_URL, Fixtures.SUPABASE_URL)
                    .environmentVariables(Map.of("SUPABASE_ANON_KEY", young)).build().supabase().anonKey();
            key.current();
            clock.advance(Duration.ofDays(9));
            key.current();
            assertEquals(List.of(), logs.at("WARN"), "89 days old: no warning yet");
            clock.advance(Duration.ofDays(2));
            for (int i = 0; i < 10; i++) {
                assertEquals(young, key.current().reveal());
            }
            assertEquals(1, logs.at("WARN").size(), logs.text());
            assertTrue(logs.at("WARN").get(0).contains("SUPABASE_ANON_KEY (environment variable): was issued 91 days"
                    + " ago"), logs.text());
            assertFalse(logs.text().contains(young));
        }
    }

    @Test
    void eachOldValueIsWarnedAboutOnce() {
        Map<String, String> env = new HashMap<>(Map.of("SUPABASE_ANON_KEY", issuedDaysAgo("anon", 100)));
        try (LogCapture logs = LogCapture.sdk()) {
            CredentialProvider key = SdkConfig.builder().clock(clock).environmentVariables(env).build()
                    .credential(ConfigKey.SUPABASE_ANON_KEY);
            env.put("SUPABASE_ANON_KEY", issuedDaysAgo("anon", 200));
            clock.advance(Duration.ofMinutes(1));
            key.current();
            key.current();
            List<String> w = logs.at("WARN");
            assertEquals(2, w.size(), logs.text());
            assertTrue(w.get(0).contains("was issued 100 days ago"), w.get(0));
            assertTrue(w.get(1).contains("was issued 200 days ago"), w.get(1));
        }
    }

    @Test
    void theThresholdIsConfigurableAndNewKeysAreQuiet() {
        try (LogCapture logs = LogCapture.sdk()) {
            SdkConfig.builder().clock(clock).set(ConfigKey.SUPABASE_ANON_KEY, issuedDaysAgo("anon", 20)).build();
            assertEquals(List.of(), logs.at("WARN"));
            SdkConfig.builder().clock(clock).maxKeyAge(Duration.ofDays(14))
                    .set(ConfigKey.SUPABASE_ANON_KEY, issuedDaysAgo("anon", 20)).build();
            assertEquals(1, logs.at("WARN").size(), logs.text());
            assertTrue(logs.at("WARN").get(0).contains("more than the 14-day rotation period"), logs.text());
        }
    }

    @Test
    void aKeyExpiringWhileInUseStopsBeingServed() {
        Instant exp = NOW.plus(Duration.ofHours(2));
        String key = Fixtures.jwt("anon", REF, NOW.minus(Duration.ofDays(1)), exp);
        CredentialProvider p = SdkConfig.builder().clock(clock).environmentVariables(Map.of("SUPABASE_ANON_KEY", key))
                .build().credential(ConfigKey.SUPABASE_ANON_KEY);
        assertEquals(key, p.current().reveal());
        clock.advance(Duration.ofHours(2));
        ConfigException e = assertThrows(ConfigException.class, p::current);
        assertEquals(List.of("SUPABASE_ANON_KEY (environment variable): expired on " + exp + " (JWT exp claim)"),
                e.problems());
    }
}
