package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiClientTest extends WireTestBase {

    @Test
    void builderListsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> OpenAiClient.builder()
                .baseUrl("ftp://example.com").timeout(Duration.ZERO).organization("org bad")
                .streamSilenceLimit(Duration.ofSeconds(-1)).build());
        for (String f : new String[] {"baseUrl", "credential", "timeout", "organization", "streamSilenceLimit"}) {
            assertTrue(e.fieldErrors().containsKey(f), f + " in " + e.fieldErrors());
        }
    }

    @Test
    void defaultsFitGeneration() {
        OpenAiClient c = OpenAiClient.builder().credential(com.rabaislocal.sdk.core.config.CredentialProvider
                .of(KEY)).build();
        assertEquals(OpenAiClient.DEFAULT_BASE_URL, c.options().baseUrl());
        assertEquals(Duration.ofMinutes(10), c.options().timeout());
        assertEquals(Duration.ofMinutes(10), c.options().deadline());
        assertEquals(Duration.ofMinutes(10), c.options().transport().readTimeout());
        assertEquals(Duration.ofMinutes(2), c.streamSilenceLimit());
        assertEquals(2, c.options().retryPolicy().maxRetries());
        assertTrue(c.options().retryPolicy().isRetryableStatus(409));
        assertTrue(c.options().retryPolicy().isRetryableStatus(529));
        assertFalse(c.options().retryPolicy().isRetryableStatus(400));
        assertFalse(c.toString().contains(KEY));
    }

    @Test
    void fromSettingsReadsKeyOrganizationProjectAndBaseUrl() throws Exception {
        SdkConfig config = SdkConfig.builder().systemProperties(new java.util.Properties()).environmentVariables(Map.of(
                "OPENAI_API_KEY", KEY, "OPENAI_ORG_ID", "org-RabaisLocal", "OPENAI_PROJECT_ID", "proj_F",
                "OPENAI_BASE_URL", server.url("/v1").toString())).build();
        enqueue(completion("ok"));
        try (OpenAiClient c = OpenAiClient.fromSettings(config)) {
            assertEquals(Optional.of("org-RabaisLocal"), c.organization());
            assertEquals(Optional.of("proj_F"), c.project());
            c.chat().create(ChatCompletionCreateParams.builder().model("m").user("hi").build());
        }
        var r = take("POST", "/chat/completions");
        assertEquals("org-RabaisLocal", r.getHeaders().get("OpenAI-Organization"));
        assertEquals("proj_F", r.getHeaders().get("OpenAI-Project"));
    }

    @Test
    void withOptionsDerivesAndKeepsTheRest() throws Exception {
        OpenAiClient derived = client.withOptions(b -> b.organization("org-other").timeout(Duration.ofSeconds(20)));
        assertEquals(Optional.of("org-other"), derived.organization());
        assertEquals(Duration.ofSeconds(20), derived.options().timeout());
        assertEquals(client.options().baseUrl(), derived.options().baseUrl());
        assertEquals(Optional.empty(), client.organization());
        enqueue(completion("ok"));
        derived.chat().create(ChatCompletionCreateParams.builder().model("m").user("hi").build());
        assertEquals("org-other", take("POST", "/chat/completions").getHeaders().get("OpenAI-Organization"));
    }

    @Test
    void aClosedClientRefusesCalls() {
        client.close();
        assertThrows(RabaisSdkException.class, () -> client.chat().create(ChatCompletionCreateParams.builder()
                .model("m").user("hi").build()));
        assertEquals(0, server.getRequestCount());
        client.close();
    }
}
