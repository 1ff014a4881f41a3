package com.rabaislocal.sdk.openai.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.http.ErrorParser;
import java.util.Locale;

/**
 * Reads OpenAI's error body {@code {"error": {"message", "type", "param", "code"}}} (and compatible providers'
 * variants without the wrapper). The code is OpenAI's {@code code}, or its {@code type} when the code is null; the
 * details name both the type and the parameter at fault.
 *
 * <p>Retry verdicts: the status decides ({@code 408, 409, 429, 5xx} under the default policy) unless the answer
 * carries {@code X-Should-Retry: true|false}, which wins; {@code insufficient_quota} is never retried whatever
 * the headers say, and becomes an {@link InsufficientQuotaException} instead of a rate-limit error.
 */
public final class OpenAiErrorParser implements ErrorParser {

    /** OpenAI's code for an exhausted quota or billing limit. */
    public static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    @Override
    public void parse(String body, ApiError.Builder error) {
        error.firstHeader("x-should-retry").ifPresent(v -> {
            String s = v.strip().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                error.retryable(true);
            } else if (s.equals("false")) {
                error.retryable(false);
            }
        });
        JsonNode root = ErrorParser.readJson(body);
        if (root == null || !root.isObject()) {
            return;
        }
        JsonNode e = root.path("error").isObject() ? root.path("error") : root;
        String message = ErrorParser.firstText(e, "message");
        if (message == null && root.path("error").isTextual()) {
            message = root.path("error").asText();
        }
        error.message(message);
        String type = ErrorParser.firstText(e, "type");
        String param = ErrorParser.firstText(e, "param");
        String code = ErrorParser.firstText(e, "code");
        error.code(code != null ? code : type);
        StringBuilder details = new StringBuilder();
        if (type != null) {
            details.append("type ").append(type);
        }
        if (param != null) {
            details.append(details.length() > 0 ? ", " : "").append("param ").append(param);
        }
        if (details.length() > 0) {
            error.details(details.toString());
        }
        if (param != null && message != null) {
            error.fieldError(param, message);
        }
        if (INSUFFICIENT_QUOTA.equals(code) || INSUFFICIENT_QUOTA.equals(type)) {
            // Billing, not traffic: waiting does not help, so it is neither retried nor a rate-limit error.
            error.retryable(false).kind(ErrorKind.PERMISSION_DENIED);
        }
    }

    @Override
    public ApiException exception(ApiError error) {
        String code = error.code().orElse("");
        if (INSUFFICIENT_QUOTA.equals(code) || error.details().map(d -> d.contains("type " + INSUFFICIENT_QUOTA))
                .orElse(false)) {
            return new InsufficientQuotaException(error);
        }
        return ApiException.of(error);
    }
}
