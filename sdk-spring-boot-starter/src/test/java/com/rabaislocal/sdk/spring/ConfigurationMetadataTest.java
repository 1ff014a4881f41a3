package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.spring.internal.SpringSources;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationMetadataTest {

    private static Map<String, JsonNode> properties() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json is generated").isNotNull();
            Map<String, JsonNode> out = new HashMap<>();
            for (JsonNode p : SdkJson.mapper().readTree(in).get("properties")) {
                out.put(p.get("name").asText(), p);
            }
            return out;
        }
    }

    @Test
    void everySdkVariableIsDocumentedUnderTheNameTheStarterReads() throws Exception {
        Map<String, JsonNode> props = properties();
        for (ConfigKey k : ConfigKey.values()) {
            String name = SpringSources.propertyName(k);
            assertThat(props).as(k + " as " + name).containsKey(name);
            assertThat(props.get(name).path("description").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void defaultsAreListed() throws Exception {
        Map<String, JsonNode> props = properties();
        assertThat(props.get("rabaislocal.rate-limit.per-minute").path("defaultValue").asInt()).isEqualTo(100);
        assertThat(props.get("rabaislocal.webhooks.per-minute").path("defaultValue").asInt()).isEqualTo(10);
        assertThat(props.get("rabaislocal.supabase.audit.spool-directory").path("defaultValue").asText())
                .isEqualTo("audit-spool");
    }

    @Test
    void propertiesNeverPrintSecrets() {
        RabaisLocalProperties.Supabase s = new RabaisLocalProperties.Supabase(true, "https://x.supabase.co",
                Keys.PUBLISHABLE, Keys.SECRET, Keys.JWT_SECRET, null, null);
        assertThat(s.toString()).doesNotContain(Keys.PUBLISHABLE).doesNotContain(Keys.SECRET)
                .doesNotContain(Keys.JWT_SECRET).contains("https://x.supabase.co");
        assertThat(new RabaisLocalProperties.Endpoint("/w", "whsec-xyz").toString()).doesNotContain("whsec-xyz");
    }
}
