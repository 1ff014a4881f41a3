package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Whatever the server does, a call ends by its deadline with the right exception. */
class FaultTest extends WireTestBase {

    private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").user("Bonjour").build();

    private OpenAiClient bounded() {
        return builder().retryPolicy(RetryPolicy.none()).deadline(Duration.ofMillis(800)).build();
    }

    @Test
    void aStallAfterHeadersEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body(completion("ok"))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (OpenAiClient c = bounded()) {
            assertThrows(RequestTimeoutException.class, () -> c.chat().create(PARAMS));
        }
    }

    @Test
    void aTrickledBodyEndsByTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body(completion("x".repeat(400)))
                .throttleBody(8, 100, TimeUnit.MILLISECONDS).build());
        try (OpenAiClient c = bounded()) {
            assertThrows(RequestTimeoutException.class, () -> c.chat().create(PARAMS));
        }
    }

    @Test
    void aPerCallTimeoutBoundsAnAttempt() {
        server.enqueue(new MockResponse.Builder().code(200).body(completion("ok"))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (OpenAiClient c = builder().retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(RequestTimeoutException.class, () -> c.chat().create(PARAMS,
                    CallOptions.builder().timeout(Duration.ofMillis(500)).build()));
        }
    }

    @Test
    void aCutBodyIsATransportFailureOrAnUnreadableAnswer() {
        server.enqueue(new MockResponse.Builder().code(200).body(completion("ok"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (OpenAiClient c = bounded()) {
            RabaisSdkException e = assertThrows(RabaisSdkException.class, () -> c.chat().create(PARAMS));
            assertTrue(e instanceof TransportException || e instanceof UnexpectedResponseException,
                    e.getClass().getName());
        }
    }

    @Test
    void aSuccessThatIsNotJsonIsAnUnexpectedResponse() {
        enqueue("<html>maintenance</html>");
        assertThrows(UnexpectedResponseException.class, () -> client.chat().create(PARAMS));
    }

    @Test
    void aSuccessOfTheWrongShapeIsAnUnexpectedResponse() {
        enqueue("{\"id\":\"chatcmpl-1\",\"choices\":\"none\"}");
        assertThrows(UnexpectedResponseException.class, () -> client.chat().create(PARAMS));
        enqueue("[]");
        assertThrows(UnexpectedResponseException.class, () -> client.chat().create(PARAMS));
    }
}
