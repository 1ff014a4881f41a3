package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.webhooks.validation.JsonSchemaPayloadValidator;
import com.rabaislocal.sdk.webhooks.validation.PayloadValidation;
import com.rabaislocal.sdk.webhooks.validation.PayloadValidator;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonSchemaPayloadValidatorTest {

    private static final String DELIVERED = """
            {"type":"object","required":["type","data"],
             "properties":{"type":{"const":"activity.delivered"},
               "data":{"type":"object","required":["id","email"],
                 "properties":{"id":{"type":"string","minLength":1},"email":{"type":"object"}}}}}""";

    private static PayloadValidation run(PayloadValidator v, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return v.validate(new WebhookDelivery(WebhookRequest.builder().method("POST").path("/w")
                .peerAddress("192.0.2.1").body(b).build(), b, "192.0.2.1", "r", Instant.EPOCH));
    }

    private final JsonSchemaPayloadValidator validator = JsonSchemaPayloadValidator.builder()
            .eventTypeAt("/type").eventIdAt("/data/id").schema("activity.delivered", DELIVERED).build();

    @Test
    void theEventTypesSchemaIsApplied() {
        PayloadValidation ok = run(validator,
                "{\"type\":\"activity.delivered\",\"data\":{\"id\":\"e1\",\"email\":{}},\"extra\":1}");
        assertTrue(ok.isValid());
        assertEquals("e1", ok.eventId().orElseThrow());
        PayloadValidation bad = run(validator,
                "{\"type\":\"activity.delivered\",\"data\":{\"id\":\"secret-value-42\",\"email\":\"x\"}}");
        assertEquals(WebhookCode.INVALID_PAYLOAD, bad.refusal().orElseThrow());
        assertEquals(1, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().get(0).contains("email"));
        assertTrue(bad.problems().get(0).contains("type"));
        assertFalse(bad.problems().toString().contains("secret-value-42"));
        PayloadValidation missing = run(validator, "{\"type\":\"activity.delivered\",\"data\":{\"email\":{}}}");
        assertTrue(missing.problems().get(0).contains("id"), missing.problems().toString());
        assertEquals(WebhookCode.INVALID_PAYLOAD, run(validator, "{\"type\":\"other\"}").refusal().orElseThrow());
        assertEquals(WebhookCode.MALFORMED_PAYLOAD, run(validator, "{\"a\":1} trailing").refusal().orElseThrow());
        assertEquals(WebhookCode.MALFORMED_PAYLOAD, run(validator, "{\"a\":1,\"a\":2}").refusal().orElseThrow());
    }

    /** A service module's typed event. */
    public record Ping(String type, int count) {
    }

    @Test
    void requiredFieldsAndBinding() {
        RequiredFieldsPayloadValidator v = RequiredFieldsPayloadValidator.builder().require("/type")
                .bindTo(Ping.class).build();
        PayloadValidation ok = run(v, "{\"type\":\"webhook.test\",\"count\":3}");
        assertEquals(new Ping("webhook.test", 3), ok.payload().orElseThrow());
        PayloadValidation wrongType = run(v, "{\"type\":\"t\",\"count\":\"many-secret\"}");
        assertEquals("/count: does not bind to Ping", wrongType.problems().get(0));
        assertEquals("/type: required", run(v, "{\"type\":null}").problems().get(0));
    }

    @Test
    void brokenSchemasAndPointersAreReportedAtBuild() {
        ValidationException e = assertThrows(ValidationException.class, () -> JsonSchemaPayloadValidator.builder()
                .eventIdAt("data/id").schema("a", "{not json").build());
        assertTrue(e.fieldErrors().containsKey("eventIdAt"));
        assertTrue(e.fieldErrors().containsKey("schema[a]"));
        assertTrue(e.fieldErrors().containsKey("eventTypeAt"));
    }
}
