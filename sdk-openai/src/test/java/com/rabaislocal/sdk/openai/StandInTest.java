package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import com.rabaislocal.sdk.openai.chat.ChatCompletion;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import com.rabaislocal.sdk.openai.chat.ChatCompletionStream;
import com.rabaislocal.sdk.openai.error.InsufficientQuotaException;
import com.rabaislocal.sdk.openai.error.OpenAiStreamException;
import com.rabaislocal.sdk.testing.openai.OpenAiReply;
import com.rabaislocal.sdk.testing.openai.OpenAiStandIn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against sdk-testing's stand-in: plain, streamed, structured and failing answers. */
class StandInTest {

    record City(String city) { }

    private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").user("Bonjour").build();

    private OpenAiStandIn standIn;
    private RecordingSleeper sleeper;
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = OpenAiStandIn.start(WireTestBase.KEY);
        sleeper = RecordingSleeper.create();
        client = OpenAiClient.builder().baseUrl(standIn.baseUrl()).credential(CredentialProvider.of(WireTestBase.KEY))
                .retryPolicy(OpenAiClient.DEFAULT_RETRY_POLICY.toBuilder().sleeper(sleeper).clock(sleeper.clock())
                        .build()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        standIn.close();
    }

    @Test
    void streamedParallelToolCallsAccumulateToTheSameCallsAsThePlainAnswer() {
        OpenAiReply reply = OpenAiReply.toolCalls(OpenAiReply.call("call_a", "find_deals", "{\"city\":\"Québec\"}"),
                OpenAiReply.call("call_b", "find_deals", "{\"city\":\"Lévis\"}"));
        standIn.enqueue(reply, reply);
        ChatCompletion plain = client.chat().create(PARAMS);
        ChatCompletion streamed;
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            streamed = s.accumulate();
        }
        assertEquals(plain.toolCalls(), streamed.toolCalls());
        assertEquals(new City("Lévis"), streamed.toolCalls().get(1).parseArguments(City.class));
        assertEquals("tool_calls", streamed.finishReason());
        assertEquals(plain.usage().promptTokens(), streamed.usage().promptTokens());
    }

    @Test
    void aStructuredAnswerBinds() {
        standIn.enqueue(OpenAiReply.json("{\"city\":\"Gatineau\"}"));
        assertEquals(new City("Gatineau"), client.chat().parse(PARAMS, City.class).value());
    }

    @Test
    void rateLimitsAreRetriedQuotaIsNot() {
        standIn.enqueue(OpenAiReply.rateLimited(), OpenAiReply.text("ok"));
        assertEquals("ok", client.chat().create(PARAMS).content().orElseThrow());
        assertEquals(List.of(Duration.ofMillis(20)), sleeper.delays());
        standIn.enqueue(OpenAiReply.insufficientQuota());
        int before = standIn.requestCount();
        assertThrows(InsufficientQuotaException.class, () -> client.chat().create(PARAMS));
        assertEquals(before + 1, standIn.requestCount());
    }

    @Test
    void aMidStreamErrorIsTypedAndTheTextSoFarKept() {
        standIn.enqueue(OpenAiReply.streamError("Bonjour, voici"));
        try (ChatCompletionStream s = client.chat().stream(PARAMS)) {
            assertThrows(OpenAiStreamException.class, () -> {
                while (s.hasNext()) {
                    s.next();
                }
            });
            assertEquals("Bonjour, voici", s.completion().content().orElseThrow());
        }
    }

    @Test
    void aWrongKeyIsAnAuthenticationError() {
        try (OpenAiClient wrong = client.withOptions(b -> b.credential(CredentialProvider.of("sk-wrong")))) {
            assertThrows(AuthenticationException.class, () -> wrong.models().list());
        }
        assertEquals(4, client.models().list().size());
    }
}
