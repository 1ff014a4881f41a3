package com.rabaislocal.sdk.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a service's error answers. A module implements it once; {@code ServiceClient} calls it for every error.
 *
 * <ol>
 *   <li>{@link #parse(String, ApiError.Builder)} fills an {@link ApiError} from the body. The builder it receives
 *       already holds what the transport knows (service, status, method, path, request id, headers, retry-after
 *       hint, retryability, raw body); a parser adds the service's code, message, details, hint and field errors,
 *       and may override retryability or the {@link com.rabaislocal.sdk.core.error.ErrorKind family}.</li>
 *   <li>{@link #exception(ApiError)} turns the error into the exception thrown, so a module returns its own
 *       subclasses (OpenAI's {@code insufficient_quota}, a Supabase {@code RowConflictException}) directly instead
 *       of catching and re-throwing the kit's.</li>
 *   <li>{@link #errorInSuccess(String)} is the hook for services that answer an error with a 2xx status
 *       (GoAffPro answers HTTP 200 with {@code {"error": ...}}): when it says so, the 2xx answer goes through the
 *       two steps above like any error.</li>
 * </ol>
 *
 * <p>Implementations must be thread-safe and must not throw: a parser failure is logged and the raw body kept.
 */
@FunctionalInterface
public interface ErrorParser {

    /**
     * Fills the error from the body.
     *
     * @param body the response body as text, possibly empty or not JSON (an HTML gateway page)
     * @param error the pre-filled error to complete
     */
    void parse(String body, ApiError.Builder error);

    /**
     * Returns the exception to throw for an error. The default picks the kit's subclass by the error's family
     * ({@link ApiException#of(ApiError)}); override to return a module's own subclasses (keep them under the kit's
     * families, so a caller catching {@code RateLimitException} still catches them).
     *
     * @param error the parsed error
     * @return the exception, not thrown
     */
    default ApiException exception(ApiError error) {
        return ApiException.of(error);
    }

    /**
     * Tells whether a 2xx answer is in fact an error. Called only when {@link #inspectsSuccess()} is true, with the
     * whole body; a true answer sends the body through {@link #parse} and {@link #exception} as for any error
     * (status kept as sent, family from the parser, {@code UNEXPECTED_STATUS} unless it sets one).
     *
     * @param body the 2xx body as text
     * @return true when the body carries an error and no result; default false
     */
    default boolean errorInSuccess(String body) {
        return false;
    }

    /**
     * Tells whether {@link #errorInSuccess(String)} must see 2xx bodies. A 2xx answer is then read whole before
     * it is bound (fine for APIs with small answers; streaming calls are never inspected).
     *
     * @return default false
     */
    default boolean inspectsSuccess() {
        return false;
    }

    /**
     * A parser for the common JSON shapes: a message from {@code message}, {@code msg}, {@code error_description}
     * or {@code error} (a string or an object holding {@code message}), a code from {@code code},
     * {@code error_code} or {@code type}, and field errors from an {@code errors} object of arrays. A body that is
     * not JSON keeps the transport's fallback message (its text, bounded).
     *
     * @return the generic parser
     */
    static ErrorParser generic() {
        return (body, error) -> {
            JsonNode root = readJson(body);
            if (root == null || !root.isObject()) {
                return;
            }
            JsonNode node = root.path("error").isObject() ? root.path("error") : root;
            error.message(firstText(node, "message", "msg", "error_description", "error"));
            error.code(firstText(node, "code", "error_code", "type"));
            JsonNode errors = root.path("errors");
            if (errors.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(m -> error.fieldError(e.getKey(), m.asText()));
                    } else {
                        error.fieldError(e.getKey(), e.getValue().asText());
                    }
                }
            }
        };
    }

    /**
     * Parses a body as JSON, tolerating anything that is not.
     *
     * @param body the text
     * @return the tree, or null when the body is empty or not JSON
     */
    static JsonNode readJson(String body) {
        String t = body == null ? "" : body.strip();
        if (t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[')) {
            return null;
        }
        try {
            return SdkJson.mapper().readTree(t);
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * Returns the first of the named fields that holds a non-blank text value.
     *
     * @param node an object node
     * @param names field names in order of preference
     * @return the text, or null
     */
    static String firstText(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }
}
