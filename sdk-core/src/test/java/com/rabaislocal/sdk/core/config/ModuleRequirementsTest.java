package com.rabaislocal.sdk.core.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleRequirementsTest {

    @Test
    void aMailerSendOnlyApplicationNeedsNoSupabaseKeys() {
        SdkConfig config = SdkConfig.builder()
                .environmentVariables(Map.of("MAILERSEND_API_KEY", Fixtures.MAILERSEND_TOKEN,
                        "MAILERSEND_DOMAIN", "rabaislocal.com"))
                .require(Service.MAILERSEND)
                .build();
        MailerSendSettings ms = config.mailerSend();
        assertEquals(URI.create("https://api.mailersend.com/v1"), ms.baseUrl());
        assertEquals(Fixtures.MAILERSEND_TOKEN, ms.apiKey().current().reveal());
        assertEquals(Optional.of("rabaislocal.com"), ms.domain());

        ConfigException e = assertThrows(ConfigException.class, config::supabase);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("SUPABASE_URL: missing; Supabase needs it"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("SUPABASE_ANON_KEY: missing; Supabase needs it"), e.getMessage());
        assertTrue(e.problems().get(1).contains("rabaislocal.supabase.anon.key"), e.getMessage());
    }

    @Test
    void requiredServicesAreCheckedAtBuildAllAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> SdkConfig.builder()
                .set(ConfigKey.MAKE_TEAM_ID, "42")
                .require(Service.SUPABASE, Service.OPENAI, Service.MAKE).build());
        List<String> names = e.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertEquals(List.of("SUPABASE_URL", "SUPABASE_ANON_KEY", "OPENAI_API_KEY", "MAKE_API_TOKEN"), names);
    }

    @Test
    void requireByServiceOrKeyListsEveryMissingKey() {
        SdkConfig config = SdkConfig.builder().set(ConfigKey.OPENAI_API_KEY, Fixtures.OPENAI_KEY).build();
        assertSame(config, config.require(Service.OPENAI));
        ConfigException e = assertThrows(ConfigException.class,
                () -> config.require(Service.OPENAI, Service.GOAFFPRO, Service.MAKE));
        assertEquals(3, e.problems().size(), e.getMessage());
        ConfigException byKey = assertThrows(ConfigException.class,
                () -> config.require(ConfigKey.OPENAI_API_KEY, ConfigKey.OPENAI_ORG_ID, ConfigKey.MAILERSEND_DOMAIN));
        assertEquals(2, byKey.problems().size(), byKey.getMessage());
        assertTrue(byKey.problems().get(0).startsWith("MAILERSEND_DOMAIN: missing"), byKey.getMessage());
        assertTrue(byKey.problems().get(1).startsWith("OPENAI_ORG_ID: missing"), byKey.getMessage());
        assertDoesNotThrow(() -> config.require(ConfigKey.OPENAI_BASE_URL), "a default counts as set");
    }

    @Test
    void supabaseSettings() {
        SdkConfig config = SdkConfig.builder().clock(FakeClock.at(Fixtures.NOW))
                .set(ConfigKey.SUPABASE_URL, "HTTPS://" + Fixtures.REF + ".Supabase.co/")
                .set(ConfigKey.SUPABASE_ANON_KEY, Fixtures.anon())
                .build();
        SupabaseSettings s = config.supabase();
        assertEquals(URI.create(Fixtures.SUPABASE_URL), s.url());
        assertEquals(Optional.of(Fixtures.REF), s.projectRef());
        assertEquals(Fixtures.anon(), s.anonKey().current().reveal());
        assertEquals(Optional.empty(), s.serviceRoleKey());
        ConfigException e = assertThrows(ConfigException.class, s::requireServiceRoleKey);
        assertTrue(e.getMessage().contains("SUPABASE_SERVICE_ROLE_KEY: missing"), e.getMessage());
        assertTrue(e.getMessage().contains("Auth admin API"), e.getMessage());

        SupabaseSettings withService = config.toBuilder()
                .set(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, Fixtures.serviceRole()).build().supabase();
        assertEquals(Fixtures.serviceRole(), withService.requireServiceRoleKey().current().reveal());
        assertEquals(Optional.empty(), SdkConfig.builder().set(ConfigKey.SUPABASE_URL, "http://127.0.0.1:54321")
                .set(ConfigKey.SUPABASE_ANON_KEY, "sb_publishable_abc").build().supabase().projectRef());
    }

    @Test
    void baseUrlOverridesPointClientsAtLoopbackServers() {
        SdkConfig config = Fixtures.complete()
                .set(ConfigKey.OPENAI_BASE_URL, "http://127.0.0.1:40001/v1/")
                .set(ConfigKey.MAILERSEND_BASE_URL, "http://localhost:40002/v1")
                .set(ConfigKey.GOAFFPRO_BASE_URL, "http://[::1]:40003/v1")
                .build();
        assertEquals(URI.create("http://127.0.0.1:40001/v1"), config.openAi().baseUrl());
        assertEquals(URI.create("http://localhost:40002/v1"), config.mailerSend().baseUrl());
        assertEquals(URI.create("http://[::1]:40003/v1"), config.goAffPro().baseUrl());
        assertEquals(Optional.of("org-RabaisLocal123"), config.openAi().organizationId());
        assertEquals(Optional.empty(), config.openAi().projectId());
        assertEquals(Optional.of("proj_ModuleF"), Fixtures.complete().set(ConfigKey.OPENAI_PROJECT_ID, "proj_ModuleF")
                .build().openAi().projectId());
        assertEquals(Optional.of("4242"), config.goAffPro().programId());
        assertEquals(123456L, config.make().teamId());
        assertEquals(Fixtures.MAKE_TOKEN, config.make().apiToken().current().reveal());
    }

    @Test
    void accessorsKeepSecretsAndPlainValuesApart() {
        SdkConfig config = Fixtures.complete().build();
        assertThrows(IllegalArgumentException.class, () -> config.value(ConfigKey.OPENAI_API_KEY));
        assertThrows(IllegalArgumentException.class, () -> config.secret(ConfigKey.OPENAI_ORG_ID));
        assertThrows(IllegalArgumentException.class, () -> config.credential(ConfigKey.SUPABASE_URL));
        assertThrows(IllegalArgumentException.class,
                () -> SdkConfig.builder().secret(ConfigKey.SUPABASE_URL, Secret.of("https://x.supabase.co")));
        assertEquals(Optional.of(Secret.of(Fixtures.OPENAI_KEY)), config.secret(ConfigKey.OPENAI_API_KEY));
        assertSame(config.credential(ConfigKey.OPENAI_API_KEY), config.openAi().apiKey(),
                "one provider per key, shared by every caller");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SdkConfig.builder().build().credential(ConfigKey.GOAFFPRO_API_KEY));
        assertTrue(e.getMessage().contains("GOAFFPRO_API_KEY: missing"), e.getMessage());
    }

    @Test
    void builderRejectsNonPositiveDurations() {
        assertThrows(IllegalArgumentException.class,
                () -> SdkConfig.builder().refreshInterval(java.time.Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> SdkConfig.builder().maxKeyAge(java.time.Duration.ofDays(-1)));
    }

    @Test
    void toBuilderDerivesWithoutChangingTheOriginal() {
        SdkConfig original = Fixtures.complete().build();
        SdkConfig derived = original.toBuilder().environment(RabaisEnvironment.STAGING)
                .set(ConfigKey.MAILERSEND_DOMAIN, "mail.rabaislocal.com").build();
        assertEquals(RabaisEnvironment.DEVELOPMENT, original.environment());
        assertEquals(Optional.of("rabaislocal.com"), original.value(ConfigKey.MAILERSEND_DOMAIN));
        assertEquals(RabaisEnvironment.STAGING, derived.environment());
        assertEquals(RabaisEnvironment.STAGING, derived.supabase().environment());
        assertEquals(Optional.of("mail.rabaislocal.com"), derived.value(ConfigKey.MAILERSEND_DOMAIN));
        assertFalse(derived.toString().contains(Fixtures.OPENAI_KEY));
    }
}
