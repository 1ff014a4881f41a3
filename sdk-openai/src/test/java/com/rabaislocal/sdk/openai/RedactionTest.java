package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import com.rabaislocal.sdk.openai.chat.ChatMessage;
import org.junit.jupiter.api.Test;

/** The key never reaches a log line, a message or a toString. */
class RedactionTest extends WireTestBase {

    @Test
    void theKeyIsNeverLoggedNorPrinted() {
        enqueue(401, "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"invalid_api_key\"}}");
        enqueue(500, "{\"error\":{\"message\":\"oops\",\"type\":\"server_error\"}}");
        enqueue(completion("ok"));
        try (LogCapture logs = LogCapture.sdk()) {
            ApiException e = assertThrows(ApiException.class, () -> client.withOptions(b -> b.retryPolicy(
                    RetryPolicy.none())).chat().create(ChatCompletionCreateParams.builder().model("m").user("secret "
                    + "prompt").build()));
            client.chat().create(ChatCompletionCreateParams.builder().model("m").user("hi").build());
            String all = logs.text() + e.getMessage() + e.error() + client + client.options();
            assertFalse(all.contains(KEY), "the key leaked");
            assertTrue(logs.text().contains("retry") || logs.text().contains("HTTP 500"), logs.text());
        }
    }

    @Test
    void paramsAndMessagesDoNotPrintText() {
        ChatCompletionCreateParams p = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .user("mon adresse est 12 rue des Érables").build();
        assertFalse(p.toString().contains("Érables"));
        assertFalse(ChatMessage.user("mon adresse est 12 rue des Érables").toString().contains("Érables"));
    }
}
