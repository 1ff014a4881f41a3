package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.openai.chat.ChatCompletion;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import com.rabaislocal.sdk.openai.chat.ChatCompletionStream;
import com.rabaislocal.sdk.openai.error.InsufficientQuotaException;
import com.rabaislocal.sdk.openai.error.OpenAiStreamException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** What is retried and what is not, with the waits recorded instead of slept. */
class RetryTest extends WireTestBase {

    private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").user("Bonjour").build();
    private static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
            + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
    private static final String SERVER = "{\"error\":{\"message\":\"The server had an error\",\"type\":"
            + "\"server_error\",\"param\":null,\"code\":null}}";

    private void enqueue(int status, String body, String... headers) {
        MockResponse.Builder r = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body);
        for (int i = 0; i < headers.length; i += 2) {
            r.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(r.build());
    }

    @Test
    void rateLimitHonoursRetryAfterMsThenSucceeds() throws Exception {
        enqueue(429, RATE_LIMITED, "retry-after-ms", "1500");
        enqueue(200, completion("ok"));
        ChatCompletion c = client.chat().create(PARAMS);
        assertEquals("ok", c.content().orElseThrow());
        assertEquals(List.of(Duration.ofMillis(1500)), sleeper.delays());
        RecordedRequest first = take();
        RecordedRequest second = take();
        assertNull(first.getHeaders().get("X-Retry-Count"));
        assertEquals("1", second.getHeaders().get("X-Retry-Count"));
        // The same body on both attempts.
        assertEquals(first.getBody().utf8(), second.getBody().utf8());
    }

    @Test
    void retryAfterSecondsIsCappedAtSixtySeconds() {
        enqueue(503, SERVER, "retry-after", "3600");
        enqueue(200, completion("ok"));
        client.chat().create(PARAMS);
        assertEquals(List.of(Duration.ofSeconds(60)), sleeper.delays());
    }

    @Test
    void status408And409And5xxAreRetriedTwiceThenThrown() {
        enqueue(408, "{\"error\":{\"message\":\"timeout\"}}");
        enqueue(409, "{\"error\":{\"message\":\"conflict\"}}");
        enqueue(500, SERVER);
        ServerException e = assertThrows(ServerException.class, () -> client.chat().create(PARAMS));
        assertEquals(500, e.httpStatus());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeper.delays().size());
        // Exponential backoff from 0.5 s with at most 25 % jitter off.
        assertBetween(sleeper.delays().get(0), 375, 500);
        assertBetween(sleeper.delays().get(1), 750, 1000);
    }

    @Test
    void insufficientQuotaIsNeverRetriedEvenWhenTheServerSaysSo() {
        enqueue(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing "
                + "details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}",
                "x-should-retry", "true");
        assertThrows(InsufficientQuotaException.class, () -> client.chat().create(PARAMS));
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void xShouldRetryFalseStopsARetryableStatus() {
        enqueue(500, SERVER, "x-should-retry", "false");
        assertThrows(ServerException.class, () -> client.chat().create(PARAMS));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void xShouldRetryTrueRetriesAStatusThatIsNotRetryable() {
        enqueue(400, "{\"error\":{\"message\":\"try again\",\"type\":\"invalid_request_error\"}}",
                "x-should-retry", "true");
        enqueue(200, completion("ok"));
        assertEquals("ok", client.chat().create(PARAMS).content().orElseThrow());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        enqueue(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":\"messages\","
                + "\"code\":null}}");
        assertThrows(InvalidRequestException.class, () -> client.chat().create(PARAMS));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aDeadlineShorterThanTheServersHintGivesUpAtOnce() {
        enqueue(429, RATE_LIMITED, "retry-after", "30");
        try (OpenAiClient c = builder().deadline(Duration.ofSeconds(5)).build()) {
            RabaisSdkException e = assertThrows(RabaisSdkException.class, () -> c.chat().create(PARAMS));
            assertEquals("RequestTimeoutException", e.getClass().getSimpleName());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aStreamIsRetriedBeforeItsHeadersButNeverAfterADelta() {
        enqueue(503, SERVER);
        enqueueSse("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Bon\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n");
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            assertEquals("Bon", s.next().contentDelta());
            ApiException e = assertThrows(OpenAiStreamException.class, s::next);
            assertInstanceOf(ServerException.class, e);
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeper.delays().size());
    }

    @Test
    void aGenerationWhoseAnswerStalledIsSentAgainWithinTheDeadline() {
        // Generations change nothing on RabaisLocal's side: like the official client, a lost answer is asked again.
        server.enqueue(new MockResponse.Builder().code(200).body(completion("perdu"))
                .onResponseBody(mockwebserver3.SocketEffect.Stall.INSTANCE).build());
        enqueue(200, completion("ok"));
        ChatCompletion c = client.chat().create(PARAMS, CallOptions.builder().timeout(Duration.ofMillis(300)).build());
        assertEquals("ok", c.content().orElseThrow());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aDeleteIsRetriedOnAServerError() {
        enqueue(503, SERVER);
        enqueue(200, "{\"id\":\"resp_1\",\"object\":\"response\",\"deleted\":true}");
        assertEquals(true, client.responses().delete("resp_1").deleted());
        assertEquals(2, server.getRequestCount());
    }

    private static void assertBetween(Duration d, long minMs, long maxMs) {
        long ms = d.toMillis();
        if (ms < minMs || ms > maxMs) {
            throw new AssertionError(d + " not in [" + minMs + ", " + maxMs + "] ms");
        }
    }
}
