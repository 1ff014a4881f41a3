package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.sse.ServerSentEvent;
import com.rabaislocal.sdk.core.sse.SseDecoder;
import com.rabaislocal.sdk.core.sse.SseStream;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.RateLimits;
import com.rabaislocal.sdk.openai.ResponseMeta;
import com.rabaislocal.sdk.openai.internal.OpenAiHttp;

/**
 * Chat Completions ({@code POST /chat/completions}): {@link #create} for a whole answer, {@link #stream} for deltas
 * as they are generated, {@link #parse} for an answer bound to a record through a strict JSON schema.
 *
 * <p>A generation changes nothing on RabaisLocal's side, so these calls are retried like the official client does
 * (I/O failures, 408, 409, 429 and 5xx, server hints first) within the client's deadline; a stream only until its
 * answer's headers arrive. Obtain it from {@code OpenAiClient.chat()}; a cheap view, thread-safe.
 */
public final class ChatService {

    private static final String PATH = "/chat/completions";

    private final OpenAiHttp http;

    /**
     * Creates the service.
     *
     * @param http the client's sender
     */
    public ChatService(OpenAiHttp http) {
        this.http = http;
    }

    /**
     * Creates a completion.
     *
     * @param params the request
     * @return the completion, with its request id and rate limits in {@link ChatCompletion#meta()}
     * @throws com.rabaislocal.sdk.core.error.ApiException (a subclass per status) for an error answer
     * @throws UnexpectedResponseException when the answer has no id or no choice
     */
    public ChatCompletion create(ChatCompletionCreateParams params) {
        return create(params, CallOptions.NONE);
    }

    /**
     * Creates a completion with per-call settings.
     *
     * @param params the request
     * @param options timeout, deadline, extra headers
     * @return the completion
     */
    public ChatCompletion create(ChatCompletionCreateParams params, CallOptions options) {
        SdkRequest request = OpenAiHttp.request("POST", PATH, "chat.completions.create", options).jsonBody(params)
                .repeatable(true).build();
        return http.execute(request, ChatCompletion.class, (c, answer) -> {
            if (c.id() == null || c.choices().isEmpty() || c.choices().get(0).message() == null) {
                throw answer.unexpected("a chat completion needs an id and at least one choice with a message");
            }
            return c.withMeta(answer.meta());
        });
    }

    /**
     * Creates a completion whose answer is a record: sets {@code response_format} to the record's strict schema
     * (unless the params already carry a JSON schema) and binds the answer back.
     *
     * @param params the request
     * @param type the record
     * @param <T> the record type
     * @return the completion and the bound record (none when the model refused)
     * @throws UnexpectedResponseException when the content does not bind to the record
     */
    public <T> StructuredCompletion<T> parse(ChatCompletionCreateParams params, Class<T> type) {
        return parse(params, type, CallOptions.NONE);
    }

    /**
     * The same as {@link #parse(ChatCompletionCreateParams, Class)} with per-call settings.
     *
     * @param params the request
     * @param type the record
     * @param options timeout, deadline, extra headers
     * @param <T> the record type
     * @return the completion and the bound record
     */
    public <T> StructuredCompletion<T> parse(ChatCompletionCreateParams params, Class<T> type, CallOptions options) {
        ChatCompletionCreateParams p = params;
        if (params.responseFormat() == null || !"json_schema".equals(params.responseFormat().type())) {
            p = params.toBuilder().responseFormat(ResponseFormat.jsonSchema(schemaName(type), type)).build();
        }
        ChatCompletion c = create(p, options);
        if (c.refusal().isPresent()) {
            return new StructuredCompletion<>(c, null);
        }
        String content = c.content().orElse(null);
        if (content == null) {
            throw new UnexpectedResponseException("openai", "POST " + PATH, 200, c.meta().requestId(),
                    "the structured answer has neither content nor refusal (finish reason " + c.finishReason() + ")",
                    null, null);
        }
        try {
            T value = SdkJson.mapper().readValue(content, type);
            if (value == null) {
                throw new UnexpectedResponseException("openai", "POST " + PATH, 200, c.meta().requestId(),
                        "the structured answer is null", null, null);
            }
            return new StructuredCompletion<>(c, value);
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException("openai", "POST " + PATH, 200, c.meta().requestId(),
                    "the structured answer does not bind to " + type.getSimpleName() + " (finish reason "
                            + c.finishReason() + "): " + e.getOriginalMessage(), null, e);
        }
    }

    /**
     * Streams a completion, with the usage chunk at the end ({@code stream_options.include_usage}).
     *
     * @param params the request
     * @return the open stream; close it
     */
    public ChatCompletionStream stream(ChatCompletionCreateParams params) {
        return stream(params, true, CallOptions.NONE);
    }

    /**
     * Streams a completion.
     *
     * @param params the request
     * @param includeUsage whether the last chunk carries the usage
     * @param options timeout, deadline, silence limit, extra headers
     * @return the open stream; close it
     */
    public ChatCompletionStream stream(ChatCompletionCreateParams params, boolean includeUsage, CallOptions options) {
        SdkRequest request = OpenAiHttp.request("POST", PATH, "chat.completions.stream", options)
                .jsonBody(params.streaming(includeUsage)).repeatable(true).build();
        SseStream<ChatCompletionChunk> events = http.events(request, DECODER, options);
        return new ChatCompletionStream(events, new ResponseMeta(events.requestId().orElse(null),
                RateLimits.from(name -> events.header(name).orElse(null))));
    }

    /** Chunks in, typed; error data and error events become the typed stream exception. */
    static final SseDecoder<ChatCompletionChunk> DECODER = new SseDecoder<>() {
        @Override
        public ChatCompletionChunk decode(ServerSentEvent event) {
            String data = event.data();
            if ("error".equals(event.type()) || OpenAiHttp.isErrorData(data)) {
                throw OpenAiHttp.streamError(data, PATH);
            }
            if (data.isBlank()) {
                return null;
            }
            try {
                return SdkJson.mapper().readValue(data, ChatCompletionChunk.class);
            } catch (JsonProcessingException e) {
                throw new UnexpectedResponseException("openai", "POST " + PATH, 200, null,
                        "a stream event is not a chat.completion.chunk: " + e.getOriginalMessage(), data, e);
            }
        }
    };

    private static String schemaName(Class<?> type) {
        String n = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
        return n.isEmpty() ? "answer" : n.length() > 64 ? n.substring(0, 64) : n;
    }
}
