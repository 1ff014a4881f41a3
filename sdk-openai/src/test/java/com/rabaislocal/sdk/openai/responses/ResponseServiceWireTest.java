package com.rabaislocal.sdk.openai.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.WireTestBase;
import com.rabaislocal.sdk.openai.chat.ResponseFormat;
import com.rabaislocal.sdk.openai.chat.Tool;
import com.rabaislocal.sdk.openai.chat.ToolChoice;
import com.rabaislocal.sdk.openai.error.OpenAiStreamException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseServiceWireTest extends WireTestBase {

    record Args(String city) { }

    record Deal(String title) { }

    private static final String RESPONSE = "{\"id\":\"resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b\","
            + "\"object\":\"response\",\"created_at\":1741476542,\"status\":\"completed\",\"error\":null,"
            + "\"incomplete_details\":null,\"instructions\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":["
            + "{\"type\":\"message\",\"id\":\"msg_67ccd2bf17f0\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Bonjour de RabaisLocal.\",\"annotations\":[]}]},"
            + "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_9\",\"name\":\"find_deals\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Québec\\\"}\",\"status\":\"completed\"}],"
            + "\"previous_response_id\":\"resp_prev\",\"usage\":{\"input_tokens\":36,\"input_tokens_details\":"
            + "{\"cached_tokens\":0},\"output_tokens\":87,\"output_tokens_details\":{\"reasoning_tokens\":0},"
            + "\"total_tokens\":123},\"new_field\":true}";

    @Test
    void createSendsTheFlatToolsAndFormatAndReadsTheOutput() throws Exception {
        enqueue(RESPONSE);
        Response r = client.responses().create(ResponseCreateParams.builder().model("gpt-4.1")
                .item(ResponseInputItem.message("user", "Des rabais ?"))
                .item(ResponseInputItem.functionCallOutput("call_8", "[]"))
                .instructions("Réponds en français.").tool(Tool.function("find_deals", "Lists offers", Args.class))
                .toolChoice(ToolChoice.function("find_deals")).previousResponseId("resp_prev")
                .textFormat(ResponseFormat.jsonSchema("deal", Deal.class)).store(false).maxOutputTokens(500)
                .metadata("module", "F").build());
        JsonNode b = json(take("POST", "/responses"));
        assertEquals(json("{\"model\":\"gpt-4.1\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":"
                + "\"Des rabais ?\"},{\"type\":\"function_call_output\",\"call_id\":\"call_8\",\"output\":\"[]\"}],"
                + "\"instructions\":\"Réponds en français.\",\"tools\":[{\"type\":\"function\",\"name\":\"find_deals\","
                + "\"description\":\"Lists offers\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
                + "{\"type\":\"string\"}},\"additionalProperties\":false,\"required\":[\"city\"]},\"strict\":true}],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"find_deals\"},\"previous_response_id\":\"resp_prev\","
                + "\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"deal\",\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"title\":{\"type\":\"string\"}},\"additionalProperties\":false,\"required\":"
                + "[\"title\"]},\"strict\":true}},\"store\":false,\"max_output_tokens\":500,\"metadata\":{\"module\":\"F\"}}"),
                b);
        assertEquals("Bonjour de RabaisLocal.", r.outputText());
        assertEquals("call_9", r.functionCalls().get(0).callId());
        assertEquals("{\"city\":\"Québec\"}", r.functionCalls().get(0).arguments());
        assertEquals(123, r.usage().totalTokens());
        assertEquals("req_200", r.meta().requestId());
    }

    @Test
    void aPlainTextInputIsAString() throws Exception {
        enqueue(RESPONSE);
        client.responses().create(ResponseCreateParams.builder().model("gpt-4.1").input("Bonjour").build());
        assertEquals(json("{\"model\":\"gpt-4.1\",\"input\":\"Bonjour\"}"), json(take("POST", "/responses")));
    }

    @Test
    void retrieveAndDelete() throws Exception {
        enqueue(RESPONSE);
        assertEquals("completed", client.responses().retrieve("resp_67cc").status());
        take("GET", "/responses/resp_67cc");
        enqueue("{\"id\":\"resp_67cc\",\"object\":\"response\",\"deleted\":true}");
        assertTrue(client.responses().delete("resp_67cc").deleted());
        take("DELETE", "/responses/resp_67cc");
        enqueue(404, "{\"error\":{\"message\":\"Response with id 'resp_x' not found.\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":null}}");
        assertThrows(NotFoundException.class, () -> client.responses().retrieve("resp_x"));
    }

    @Test
    void paramsListEveryProblem() {
        ValidationException e = assertThrows(ValidationException.class, () -> ResponseCreateParams.builder()
                .maxOutputTokens(3).temperature(3.0).build());
        assertTrue(e.fieldErrors().keySet().containsAll(List.of("model", "input", "max_output_tokens",
                "temperature")));
    }

    @Test
    void streamHandsOutKnownEventsSkipsKeepalivesAndUnknownTypes() throws Exception {
        enqueueSse("event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                + "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}}\n\n"
                + "event: keepalive\ndata: {\"type\":\"keepalive\",\"sequence_number\":1}\n\n"
                + ": ping\n\n"
                + "event: response.reasoning_summary_text.delta\ndata: {\"type\":\"response.reasoning_summary_text.delta\","
                + "\"sequence_number\":2,\"delta\":\"hmm\"}\n\n"
                + "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":3,"
                + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Bon\"}\n\n"
                + "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":4,"
                + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"jour\"}\n\n"
                + "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":5,\"response\":"
                + RESPONSE + "}\n\n");
        List<String> types = new ArrayList<>();
        Response done;
        try (ResponseStream s = client.responses().stream(ResponseCreateParams.builder().model("gpt-4.1")
                .input("Bonjour").build())) {
            while (s.hasNext()) {
                types.add(s.next().type());
            }
            assertEquals("Bonjour", s.textSoFar());
            done = s.finish().orElseThrow();
        }
        assertEquals(List.of("response.created", "response.output_text.delta", "response.output_text.delta",
                "response.completed"), types);
        assertEquals("Bonjour de RabaisLocal.", done.outputText());
        assertTrue(json(take("POST", "/responses")).get("stream").asBoolean());
    }

    @Test
    void anErrorOrFailedEventIsTyped() {
        enqueueSse("event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The server had an "
                + "error\",\"param\":null,\"sequence_number\":1}\n\n");
        try (ResponseStream s = client.responses().stream(ResponseCreateParams.builder().model("m").input("x")
                .build())) {
            OpenAiStreamException e = assertThrows(OpenAiStreamException.class, s::hasNext);
            assertEquals("server_error", e.code().orElseThrow());
        }
        enqueueSse("event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":3,\"response\":"
                + "{\"id\":\"resp_f\",\"status\":\"failed\",\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":"
                + "\"Rate limit\"}}}\n\n");
        try (ResponseStream s = client.responses().stream(ResponseCreateParams.builder().model("m").input("x")
                .build())) {
            OpenAiStreamException e = assertThrows(OpenAiStreamException.class, s::hasNext);
            assertEquals("rate_limit_exceeded", e.code().orElseThrow());
        }
    }
}
