package com.rabaislocal.sdk.openai.internal;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkStreamingResponse;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.sse.SseDecoder;
import com.rabaislocal.sdk.core.sse.SseStream;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.RateLimits;
import com.rabaislocal.sdk.openai.ResponseMeta;
import com.rabaislocal.sdk.openai.error.OpenAiErrorParser;
import com.rabaislocal.sdk.openai.error.OpenAiStreamException;
import java.time.Duration;
import java.util.Map;

/**
 * How every OpenAI service sends its calls: the request built from a path, a body and {@link CallOptions}, the
 * answer bound straight from the body stream (no intermediate tree), and the headers turned into a
 * {@link ResponseMeta}. Public only for the SDK's modules; no compatibility promise.
 */
public final class OpenAiHttp {

    private static final OpenAiErrorParser ERRORS = new OpenAiErrorParser();

    private final ServiceClient http;
    private final Duration silenceLimit;

    /**
     * Creates the sender.
     *
     * @param http the client's HTTP client
     * @param silenceLimit the default longest wait for a streamed byte
     */
    public OpenAiHttp(ServiceClient http, Duration silenceLimit) {
        this.http = http;
        this.silenceLimit = silenceLimit;
    }

    /** @return the HTTP client */
    public ServiceClient http() {
        return http;
    }

    /**
     * Completes a bound answer: attaches the meta and checks what the call promised.
     *
     * @param <T> the answer type
     */
    @FunctionalInterface
    public interface Finisher<T> {
        /**
         * Completes the value.
         *
         * @param value the bound value, never null
         * @param answer the answer's meta and a way to report a misfit
         * @return the value to return
         */
        T finish(T value, Answer answer);
    }

    /** The answer a value was bound from. */
    public static final class Answer {
        private final String call;
        private final ResponseMeta meta;
        private final int status;

        Answer(String call, ResponseMeta meta, int status) {
            this.call = call;
            this.meta = meta;
            this.status = status;
        }

        /** @return the answer's request id and rate limits */
        public ResponseMeta meta() {
            return meta;
        }

        /**
         * The exception for an answer missing what the call promised.
         *
         * @param problem what is missing, e.g. {@code "no id"}
         * @return the exception to throw
         */
        public UnexpectedResponseException unexpected(String problem) {
            return new UnexpectedResponseException("openai", call, status, meta.requestId(), problem, null, null);
        }
    }

    /**
     * Starts a request with the call's options applied.
     *
     * @param method the HTTP method
     * @param path the path under the base URL
     * @param operation the operation name for metrics
     * @param options per-call settings
     * @return the builder
     */
    public static SdkRequest.Builder request(String method, String path, String operation, CallOptions options) {
        SdkRequest.Builder b = SdkRequest.builder(method, path).operation(operation);
        if (options.timeout() != null) {
            b.timeout(options.timeout());
        }
        if (options.deadline() != null) {
            b.deadline(options.deadline());
        }
        for (Map.Entry<String, String> h : options.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        return b;
    }

    /**
     * Sends a request and binds its JSON answer.
     *
     * @param request the request
     * @param type the answer type
     * @param finisher completes the bound value
     * @param <T> the answer type
     * @return the answer
     */
    public <T> T execute(SdkRequest request, Class<T> type, Finisher<T> finisher) {
        String call = request.describe();
        return http.execute(request, type.getSimpleName(), answer -> {
            T value = SdkJson.mapper().readValue(answer.body(), type);
            Answer a = new Answer(call, meta(answer), answer.status());
            if (value == null) {
                throw a.unexpected("the body was empty");
            }
            return finisher.finish(value, a);
        });
    }

    /**
     * Opens an event stream.
     *
     * @param request the request, its body asking for a stream
     * @param decoder turns events into typed ones
     * @param options per-call settings (the silence limit)
     * @param <T> the typed event
     * @return the open stream
     */
    public <T> SseStream<T> events(SdkRequest request, SseDecoder<T> decoder, CallOptions options) {
        return http.events(request, decoder, options.silenceLimit() != null ? options.silenceLimit() : silenceLimit);
    }

    /**
     * Reads an answer's meta.
     *
     * @param answer the open answer
     * @return its request id and rate limits
     */
    public static ResponseMeta meta(SdkStreamingResponse answer) {
        okhttp3.Headers h = answer.headers();
        return new ResponseMeta(answer.requestId().orElse(null), RateLimits.from(h::get));
    }

    /**
     * The exception for an error reported inside a started stream.
     *
     * @param data the event's data (an object holding {@code error}, or the error object itself)
     * @param path the stream's path, e.g. {@code /chat/completions}
     * @return the exception to throw
     */
    public static OpenAiStreamException streamError(String data, String path) {
        ApiError.Builder b = ApiError.builder().service("openai").httpStatus(200).method("POST").path(path)
                .rawBody(data).retryable(false);
        ERRORS.parse(data, b);
        // Whatever the error's own type, it broke a started generation: the server family, never retried here.
        b.kind(ErrorKind.SERVER).retryable(false);
        return new OpenAiStreamException(b.build());
    }

    /**
     * Tells whether an event's data is an error object ({@code {"error": ...}}) rather than a chunk.
     *
     * @param data the data
     * @return true for an error
     */
    public static boolean isErrorData(String data) {
        // Cheap test first: chunks never start with the error key, so most events are not parsed twice.
        int i = 0;
        while (i < data.length() && Character.isWhitespace(data.charAt(i))) {
            i++;
        }
        return data.startsWith("{\"error\"", i) || data.startsWith("{ \"error\"", i);
    }
}
