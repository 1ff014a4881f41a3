package com.rabaislocal.sdk.openai.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.http.ErrorParser;
import com.rabaislocal.sdk.openai.RateLimits;
import java.util.Optional;

/**
 * OpenAI's own view of an error: the {@code type}, {@code param} and {@code code} of its error body and the
 * rate-limit headers of the answer, read from any exception the client threw.
 *
 * <pre>{@code
 * catch (ApiException e) {
 *     OpenAiError err = OpenAiError.of(e);
 *     log.warn("OpenAI {} on {} ({}), request {}", err.type().orElse("?"), err.param().orElse("-"),
 *             err.rateLimits().tokensRemaining(), e.requestId().orElse("?"));
 * }
 * }</pre>
 *
 * @param type e.g. {@code invalid_request_error}, {@code insufficient_quota}, {@code server_error}; or null
 * @param param the request parameter at fault, e.g. {@code messages}; or null
 * @param code e.g. {@code rate_limit_exceeded}, {@code invalid_api_key}, {@code model_not_found}; or null
 * @param rateLimits the answer's {@code x-ratelimit-*} values
 */
public record OpenAiError(String type, String param, String code, RateLimits rateLimits) {

    /**
     * Reads the values from an exception.
     *
     * @param e an exception thrown by an OpenAI call
     * @return the values; every field empty when the body was not OpenAI's error shape
     */
    public static OpenAiError of(ApiException e) {
        JsonNode root = ErrorParser.readJson(e.rawBody());
        JsonNode err = root == null ? null : root.path("error").isObject() ? root.path("error") : root;
        return new OpenAiError(text(err, "type"), text(err, "param"), text(err, "code"),
                RateLimits.fromHeaderMap(e.error().headers()));
    }

    private static String text(JsonNode node, String name) {
        return node == null ? null : ErrorParser.firstText(node, name);
    }

    /** @return the type, when given */
    public Optional<String> typeValue() {
        return Optional.ofNullable(type);
    }

    /** @return the parameter, when given */
    public Optional<String> paramValue() {
        return Optional.ofNullable(param);
    }

    /** @return the code, when given */
    public Optional<String> codeValue() {
        return Optional.ofNullable(code);
    }
}
