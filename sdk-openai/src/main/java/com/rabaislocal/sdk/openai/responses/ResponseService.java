package com.rabaislocal.sdk.openai.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.sse.ServerSentEvent;
import com.rabaislocal.sdk.core.sse.SseDecoder;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.internal.OpenAiHttp;

/**
 * The Responses API ({@code /responses}): create, retrieve, delete, and stream with typed events (unknown types
 * and keep-alives skipped). A create is a generation and is retried like Chat Completions; a delete is idempotent.
 * A cheap view, thread-safe.
 */
public final class ResponseService {

    private static final String PATH = "/responses";

    private final OpenAiHttp http;

    /**
     * Creates the service.
     *
     * @param http the client's sender
     */
    public ResponseService(OpenAiHttp http) {
        this.http = http;
    }

    /**
     * Creates a response.
     *
     * @param params the request
     * @return the response
     */
    public Response create(ResponseCreateParams params) {
        return create(params, CallOptions.NONE);
    }

    /**
     * Creates a response with per-call settings.
     *
     * @param params the request
     * @param options timeout, deadline, headers
     * @return the response
     */
    public Response create(ResponseCreateParams params, CallOptions options) {
        return http.execute(OpenAiHttp.request("POST", PATH, "responses.create", options).jsonBody(params)
                .repeatable(true).build(), Response.class, ResponseService::checked);
    }

    /**
     * Retrieves a stored response.
     *
     * @param id e.g. {@code resp_...}
     * @return the response
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when there is none
     */
    public Response retrieve(String id) {
        return http.execute(OpenAiHttp.request("GET", PATH, "responses.retrieve", CallOptions.NONE)
                .pathSegment(requireId(id)).build(), Response.class, ResponseService::checked);
    }

    /**
     * Deletes a stored response.
     *
     * @param id e.g. {@code resp_...}
     * @return what OpenAI answered
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when there is none
     */
    public ResponseDeleted delete(String id) {
        return http.execute(OpenAiHttp.request("DELETE", PATH, "responses.delete", CallOptions.NONE)
                .pathSegment(requireId(id)).build(), ResponseDeleted.class, (d, a) -> {
                    if (d.id() == null) {
                        throw a.unexpected("a delete answer needs the id");
                    }
                    return d;
                });
    }

    /**
     * Streams a response.
     *
     * @param params the request
     * @return the open stream; close it
     */
    public ResponseStream stream(ResponseCreateParams params) {
        return stream(params, CallOptions.NONE);
    }

    /**
     * Streams a response with per-call settings.
     *
     * @param params the request
     * @param options timeout, deadline, silence limit, headers
     * @return the open stream; close it
     */
    public ResponseStream stream(ResponseCreateParams params, CallOptions options) {
        return new ResponseStream(http.events(OpenAiHttp.request("POST", PATH, "responses.stream", options)
                .jsonBody(params.streaming()).repeatable(true).build(), DECODER, options));
    }

    private static Response checked(Response r, OpenAiHttp.Answer a) {
        if (r.id() == null) {
            throw a.unexpected("a response needs an id");
        }
        return r.withMeta(a.meta());
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required (e.g. resp_...)");
        }
        return id;
    }

    static final SseDecoder<ResponseStreamEvent> DECODER = new SseDecoder<>() {
        @Override
        public ResponseStreamEvent decode(ServerSentEvent event) {
            if (event.data().isBlank()) {
                return null;
            }
            JsonNode n;
            try {
                n = SdkJson.mapper().readTree(event.data());
            } catch (JsonProcessingException e) {
                throw new UnexpectedResponseException("openai", "POST " + PATH, 200, null,
                        "a stream event is not JSON: " + e.getOriginalMessage(), event.data(), e);
            }
            String type = n.path("type").asText(event.type() == null ? "" : event.type());
            if ("error".equals(type) || (n.has("error") && !n.has("type"))) {
                throw OpenAiHttp.streamError(n.has("error") ? n.toString()
                        : "{\"error\":" + n.toString() + "}", PATH);
            }
            if ("response.failed".equals(type)) {
                JsonNode err = n.path("response").path("error");
                throw OpenAiHttp.streamError("{\"error\":" + (err.isObject() ? err.toString()
                        : "{\"message\":\"the response failed\"}") + "}", PATH);
            }
            if (!ResponseStreamEvent.KNOWN_TYPES.contains(type)) {
                // keepalive and the many event types RabaisLocal does not use
                return null;
            }
            Response response = null;
            if (n.has("response")) {
                try {
                    response = SdkJson.mapper().treeToValue(n.get("response"), Response.class);
                } catch (JsonProcessingException e) {
                    throw new UnexpectedResponseException("openai", "POST " + PATH, 200, null,
                            "a " + type + " event's response does not bind: " + e.getOriginalMessage(), null, e);
                }
            }
            String delta = n.has("delta") ? n.get("delta").asText() : n.has("text") ? n.get("text").asText()
                    : n.has("arguments") ? n.get("arguments").asText() : null;
            return new ResponseStreamEvent(type, n.path("sequence_number").asLong(), n.path("item_id").asText(null),
                    n.path("output_index").asInt(-1), delta, response, n);
        }
    };
}
