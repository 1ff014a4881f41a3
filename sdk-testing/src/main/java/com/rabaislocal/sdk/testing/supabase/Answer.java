package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the stand-in: a status, headers and an optional JSON body. */
final class Answer {

    final int status;
    final JsonNode body;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Answer(int status, JsonNode body) {
        this.status = status;
        this.body = body;
    }

    static Answer json(int status, JsonNode body) {
        return new Answer(status, body);
    }

    static Answer empty(int status) {
        return new Answer(status, null);
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** PostgREST's error body: {@code {"code","details","hint","message"}}, every key present. */
    static Answer postgrestError(int status, String code, String message, String details, String hint) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("details", details);
        body.put("hint", hint);
        body.put("message", message);
        return new Answer(status, body);
    }

    /** GoTrue's error body for API version 2024-01-01: {@code {"code","message"}}. */
    static Answer authError(int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("message", message);
        return new Answer(status, body);
    }

    /** The API gateway's answer to a missing or unknown {@code apikey}: {@code {"message","hint"}}. */
    static Answer gatewayError(String message, String hint) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        body.put("hint", hint);
        return new Answer(401, body);
    }
}
