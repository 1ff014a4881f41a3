package com.rabaislocal.sdk.goaffpro.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.http.ErrorParser;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads GoAffPro's errors, which come in three shapes:
 * <ul>
 *   <li>{@code {"error": "<text>"}} (sometimes with {@code code} or {@code message}), with a 4xx/5xx status or,
 *       often, with HTTP 200: {@code {"error":"shop not found 123"}} for a wrong token, an error for a missing
 *       {@code fields} parameter;</li>
 *   <li>{@code {"success": false, "message": "..."}} with HTTP 200;</li>
 *   <li>plain text or an HTML gateway page (502, 504), whose text is kept in the error.</li>
 * </ul>
 *
 * <p>A 2xx body is an error when it is a JSON object whose only keys are error keys ({@code error},
 * {@code errors}, {@code message}, {@code code}, {@code status}, {@code success}) and it carries an error: a
 * non-empty {@code error}/{@code errors}, or {@code success: false}. A success shape that also has an {@code error}
 * field next to its payload ({@code POST /admin/orders/recalculate/{id}} answers {@code {commission, subtotal,
 * error}}) is a success, since its payload keys are present.
 *
 * <p>The family: a message saying the record is already registered or exists is a conflict
 * ({@link com.rabaislocal.sdk.core.error.ConflictException}) whatever the status; a 200 naming a wrong shop or
 * token is an authentication failure, one naming something not found a not-found, and any other 200 error an
 * invalid request; other statuses keep their own family. Thread-safe.
 */
public final class GoAffProErrorParser implements ErrorParser {

    private static final Set<String> ERROR_KEYS = Set.of("error", "errors", "message", "code", "status", "success",
            "statuscode");

    /** Creates the parser. */
    public GoAffProErrorParser() {
    }

    @Override
    public void parse(String body, ApiError.Builder error) {
        JsonNode root = ErrorParser.readJson(body);
        if (root != null && root.isObject()) {
            JsonNode e = root.path("error");
            String message = e.isObject() ? ErrorParser.firstText(e, "message", "error", "msg")
                    : ErrorParser.firstText(root, "error", "message", "msg");
            if (message == null) {
                message = ErrorParser.firstText(root, "message");
            }
            if (message == null && root.path("errors").isArray() && !root.path("errors").isEmpty()) {
                message = root.path("errors").get(0).isObject()
                        ? ErrorParser.firstText(root.path("errors").get(0), "message", "error", "msg")
                        : root.path("errors").get(0).asText();
            }
            error.message(message);
            error.code(e.isObject() ? ErrorParser.firstText(e, "code") : ErrorParser.firstText(root, "code"));
            JsonNode errors = root.path("errors");
            if (errors.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (f.getValue().isArray()) {
                        f.getValue().forEach(m -> error.fieldError(f.getKey(), m.asText()));
                    } else {
                        error.fieldError(f.getKey(), f.getValue().asText());
                    }
                }
            }
            ErrorKind kind = kindOf(error.httpStatus(), message);
            if (kind != null) {
                error.kind(kind);
            }
        } else {
            // Plain text or HTML: the kit keeps the text (or the page title) as the message; a conflict is still one.
            ErrorKind kind = kindOf(error.httpStatus(), body);
            if (kind == ErrorKind.CONFLICT) {
                error.kind(kind);
            }
        }
    }

    /**
     * Picks the family from the message where GoAffPro's status does not say it.
     *
     * @param status the HTTP status
     * @param message the service's message, possibly null
     * @return the family, or null to keep the status's
     */
    static ErrorKind kindOf(int status, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("already registered") || m.contains("already exists") || m.contains("already exist")
                || m.contains("already in use") || m.contains("already taken")) {
            return ErrorKind.CONFLICT;
        }
        if (status < 200 || status > 299) {
            return null;
        }
        if (m.contains("shop not found") || m.contains("site not found") || m.contains("token")
                || m.contains("not authenticated") || m.contains("unauthori") || m.contains("access denied")) {
            return ErrorKind.AUTHENTICATION;
        }
        if (m.contains("not found") || m.contains("does not exist") || m.contains("no such")) {
            return ErrorKind.NOT_FOUND;
        }
        return ErrorKind.INVALID_REQUEST;
    }

    @Override
    public boolean inspectsSuccess() {
        return true;
    }

    @Override
    public boolean errorInSuccess(String body) {
        JsonNode root = ErrorParser.readJson(body);
        if (root == null || !root.isObject() || root.isEmpty()) {
            return false;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            if (!ERROR_KEYS.contains(it.next().toLowerCase(Locale.ROOT))) {
                // A payload key is present: this is a success shape, even with an error field beside it.
                return false;
            }
        }
        return carries(root.get("error")) || carries(root.get("errors"))
                || (root.has("success") && isFalse(root.get("success")));
    }

    private static boolean carries(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return !v.asText().isBlank();
        }
        return !v.isContainerNode() || !v.isEmpty();
    }

    private static boolean isFalse(JsonNode v) {
        return (v.isBoolean() && !v.booleanValue()) || "false".equalsIgnoreCase(v.asText())
                || (v.isNumber() && v.asInt() == 0);
    }

    @Override
    public String toString() {
        return "GoAffProErrorParser";
    }
}
