package com.rabaislocal.sdk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

    @Test
    void namesAreThoseOfTheSharedEnvironment() {
        for (String name : List.of("RABAISLOCAL_ENV", "SUPABASE_URL", "SUPABASE_ANON_KEY", "SUPABASE_SERVICE_ROLE_KEY",
                "SUPABASE_JWT_SECRET", "MAILERSEND_API_KEY", "MAILERSEND_DOMAIN", "OPENAI_API_KEY", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID",
                "GOAFFPRO_API_KEY",
                "GOAFFPRO_PROGRAM_ID", "MAKE_TEAM_ID", "MAKE_API_TOKEN", "OPENAI_BASE_URL", "MAILERSEND_BASE_URL",
                "GOAFFPRO_BASE_URL")) {
            assertTrue(ConfigKey.byName(name).isPresent(), name);
        }
        assertEquals(Optional.empty(), ConfigKey.byName("supabase_url"));
    }

    @Test
    void dottedPropertyAlias() {
        assertEquals("rabaislocal.supabase.url", ConfigKey.SUPABASE_URL.propertyName());
        assertEquals("rabaislocal.supabase.anon.key", ConfigKey.SUPABASE_ANON_KEY.propertyName());
        assertEquals("rabaislocal.env", ConfigKey.RABAISLOCAL_ENV.propertyName());
        assertEquals("rabaislocal.openai.org.id", ConfigKey.OPENAI_ORG_ID.propertyName());
    }

    @Test
    void secretsAreExactlyTheCredentials() {
        for (ConfigKey k : ConfigKey.values()) {
            boolean credential = k.kind() == ConfigKey.Kind.TOKEN || k.kind() == ConfigKey.Kind.SUPABASE_KEY;
            assertEquals(credential, k.secret(), k.name());
        }
    }

    @Test
    void servicesOwnTheirKeys() {
        assertEquals(List.of(ConfigKey.SUPABASE_URL, ConfigKey.SUPABASE_ANON_KEY, ConfigKey.SUPABASE_SERVICE_ROLE_KEY,
                ConfigKey.SUPABASE_JWT_SECRET), Service.SUPABASE.keys());
        assertEquals(List.of(ConfigKey.SUPABASE_URL, ConfigKey.SUPABASE_ANON_KEY), Service.SUPABASE.requiredKeys());
        assertEquals(List.of(ConfigKey.MAILERSEND_API_KEY), Service.MAILERSEND.requiredKeys());
        assertEquals(List.of(ConfigKey.OPENAI_API_KEY), Service.OPENAI.requiredKeys());
        assertEquals(List.of(ConfigKey.GOAFFPRO_API_KEY), Service.GOAFFPRO.requiredKeys());
        assertEquals(List.of(ConfigKey.MAKE_TEAM_ID, ConfigKey.MAKE_API_TOKEN), Service.MAKE.requiredKeys());
        assertFalse(ConfigKey.RABAISLOCAL_ENV.service().isPresent());
        assertEquals(Optional.of("https://api.openai.com/v1"), ConfigKey.OPENAI_BASE_URL.defaultValue());
        assertEquals(Optional.of("https://api.mailersend.com/v1"), ConfigKey.MAILERSEND_BASE_URL.defaultValue());
        assertEquals(Optional.of("https://api.goaffpro.com/v1"), ConfigKey.GOAFFPRO_BASE_URL.defaultValue());
    }
}
