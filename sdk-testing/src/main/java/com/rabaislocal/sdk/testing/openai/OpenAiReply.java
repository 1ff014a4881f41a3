package com.rabaislocal.sdk.testing.openai;

import java.util.List;

/**
 * One scripted answer of the {@link OpenAiStandIn}: a text, tool calls, a JSON-schema answer, a refusal, an error
 * status with OpenAI's real error body, or a stream that breaks with an error event after some text. A streaming
 * request gets the same reply as server-sent events. Immutable.
 */
public final class OpenAiReply {

    enum Kind { TEXT, TOOL_CALLS, REFUSAL, ERROR, STREAM_ERROR }

    final Kind kind;
    final String text;
    final List<Call> calls;
    final int status;
    final String errorType;
    final String errorCode;
    final String retryAfterMs;

    private OpenAiReply(Kind kind, String text, List<Call> calls, int status, String errorType, String errorCode,
                        String retryAfterMs) {
        this.kind = kind;
        this.text = text;
        this.calls = calls;
        this.status = status;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.retryAfterMs = retryAfterMs;
    }

    /**
     * A plain answer.
     *
     * @param text the assistant's text
     * @return the reply
     */
    public static OpenAiReply text(String text) {
        return new OpenAiReply(Kind.TEXT, text, List.of(), 200, null, null, null);
    }

    /**
     * A JSON-schema (structured) answer: the content is the JSON text, as the model writes it.
     *
     * @param json the JSON object as text
     * @return the reply
     */
    public static OpenAiReply json(String json) {
        return text(json);
    }

    /**
     * A refusal ({@code message.refusal}, no content).
     *
     * @param refusal the refusal text
     * @return the reply
     */
    public static OpenAiReply refusal(String refusal) {
        return new OpenAiReply(Kind.REFUSAL, refusal, List.of(), 200, null, null, null);
    }

    /**
     * Tool calls ({@code finish_reason: tool_calls}); streamed, each call's arguments are split in pieces and the
     * calls' pieces interleave, as OpenAI sends parallel calls.
     *
     * @param calls the calls, at least one
     * @return the reply
     */
    public static OpenAiReply toolCalls(Call... calls) {
        return new OpenAiReply(Kind.TOOL_CALLS, null, List.of(calls), 200, null, null, null);
    }

    /**
     * One tool call.
     *
     * @param id the call id, e.g. {@code call_1}
     * @param name the function name
     * @param argumentsJson the arguments as JSON text
     * @return the call
     */
    public static Call call(String id, String name, String argumentsJson) {
        return new Call(id, name, argumentsJson);
    }

    /**
     * A transient rate limit: HTTP 429 {@code rate_limit_exceeded} with {@code retry-after-ms: 20}.
     *
     * @return the reply
     */
    public static OpenAiReply rateLimited() {
        return new OpenAiReply(Kind.ERROR, "Rate limit reached for gpt-4o-mini in organization org-standin on requests "
                + "per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms.", List.of(), 429, "requests",
                "rate_limit_exceeded", "20");
    }

    /**
     * An exhausted quota: HTTP 429 {@code insufficient_quota}.
     *
     * @return the reply
     */
    public static OpenAiReply insufficientQuota() {
        return new OpenAiReply(Kind.ERROR, "You exceeded your current quota, please check your plan and billing "
                + "details.", List.of(), 429, "insufficient_quota", "insufficient_quota", null);
    }

    /**
     * A server error: HTTP 500 {@code server_error}.
     *
     * @return the reply
     */
    public static OpenAiReply serverError() {
        return new OpenAiReply(Kind.ERROR, "The server had an error while processing your request. Sorry about that!",
                List.of(), 500, "server_error", null, null);
    }

    /**
     * Any error status with OpenAI's error body.
     *
     * @param status the HTTP status
     * @param type the error's type, e.g. {@code invalid_request_error}
     * @param code the error's code, or null
     * @param message the message
     * @return the reply
     */
    public static OpenAiReply error(int status, String type, String code, String message) {
        return new OpenAiReply(Kind.ERROR, message, List.of(), status, type, code, null);
    }

    /**
     * A stream that sends some text, then an error event after the 200 (to a plain request: HTTP 500).
     *
     * @param partialText the text sent before the error
     * @return the reply
     */
    public static OpenAiReply streamError(String partialText) {
        return new OpenAiReply(Kind.STREAM_ERROR, partialText, List.of(), 200, "server_error", "server_error", null);
    }

    @Override
    public String toString() {
        return "OpenAiReply{" + kind + (status != 200 ? " " + status : "") + '}';
    }

    /**
     * A scripted tool call.
     *
     * @param id the call id
     * @param name the function name
     * @param argumentsJson the arguments as JSON text
     */
    public record Call(String id, String name, String argumentsJson) {
    }
}
