package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.http.ErrorParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads GoTrue's error bodies and picks the exception family from GoTrue's code rather than from the status alone.
 *
 * <p>Body shapes: {@code {"code":"weak_password","message":"...","weak_password":{"reasons":[...]}}} (API version
 * 2024-01-01), {@code {"code":422,"error_code":"...","msg":"..."}} (older: {@code code} is the status), and the
 * OAuth form {@code {"error":"invalid_grant","error_description":"Invalid login credentials"}}. The code comes from a
 * textual {@code code}, else {@code error_code}, else is derived from the OAuth form; the message from {@code msg},
 * {@code message}, {@code error_description} or {@code error}. Weak-password reasons become field errors on
 * {@code password} and the details.
 *
 * <p>GoTrue answers several failures with a status whose family misleads (400 for bad credentials, 422 for an
 * existing user), so the parser names the family of these codes, for 4xx answers only
({@link ApiError.Builder#kind}), and the transport throws the exception a caller catches:
 * <ul>
 *   <li>{@link AuthenticationException}: {@code invalid_credentials}, {@code bad_jwt}, {@code no_authorization},
 *       {@code session_not_found}, {@code session_expired}, {@code refresh_token_not_found},
 *       {@code refresh_token_already_used};</li>
 *   <li>{@link ConflictException}: {@code user_already_exists}, {@code email_exists}, {@code phone_exists},
 *       {@code identity_already_exists};</li>
 *   <li>{@link RateLimitException}: {@code over_request_rate_limit}, {@code over_email_send_rate_limit},
 *       {@code over_sms_send_rate_limit};</li>
 *   <li>{@link NotFoundException}: {@code user_not_found}.</li>
 * </ul>
 * {@code httpStatus()} still tells what GoTrue answered.
 */
final class AuthErrorParser implements ErrorParser {

    private static final Map<String, ErrorKind> FAMILY = Map.ofEntries(
            Map.entry("invalid_credentials", ErrorKind.AUTHENTICATION),
            Map.entry("bad_jwt", ErrorKind.AUTHENTICATION),
            Map.entry("no_authorization", ErrorKind.AUTHENTICATION),
            Map.entry("session_not_found", ErrorKind.AUTHENTICATION),
            Map.entry("session_expired", ErrorKind.AUTHENTICATION),
            Map.entry("refresh_token_not_found", ErrorKind.AUTHENTICATION),
            Map.entry("refresh_token_already_used", ErrorKind.AUTHENTICATION),
            Map.entry("user_already_exists", ErrorKind.CONFLICT),
            Map.entry("email_exists", ErrorKind.CONFLICT),
            Map.entry("phone_exists", ErrorKind.CONFLICT),
            Map.entry("identity_already_exists", ErrorKind.CONFLICT),
            Map.entry("over_request_rate_limit", ErrorKind.RATE_LIMIT),
            Map.entry("over_email_send_rate_limit", ErrorKind.RATE_LIMIT),
            Map.entry("over_sms_send_rate_limit", ErrorKind.RATE_LIMIT),
            Map.entry("user_not_found", ErrorKind.NOT_FOUND));

    @Override
    public void parse(String body, ApiError.Builder error) {
        JsonNode root = ErrorParser.readJson(body);
        if (root == null || !root.isObject()) {
            return;
        }
        String message = ErrorParser.firstText(root, "msg", "message", "error_description", "error");
        error.message(message);
        String code = text(root, "code");
        if (code == null) {
            code = text(root, "error_code");
        }
        if (code == null) {
            code = oauthCode(text(root, "error"), text(root, "error_description"));
        }
        List<String> reasons = weakPasswordReasons(root);
        if (!reasons.isEmpty()) {
            if (code == null) {
                code = "weak_password";
            }
            reasons.forEach(r -> error.fieldError("password", r));
            error.details("weak password: " + String.join(", ", reasons));
        }
        error.code(code);
        if (code != null && FAMILY.containsKey(code) && error.httpStatus() >= 400 && error.httpStatus() <= 499) {
            error.kind(FAMILY.get(code));
        }
    }

    /** A string field only: older bodies put the HTTP status, a number, in {@code code}. */
    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** The code of an OAuth-style body, from its error and the descriptions GoTrue is known to send. */
    private static String oauthCode(String oauthError, String description) {
        if (oauthError == null) {
            return null;
        }
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if ("invalid_grant".equals(oauthError)) {
            if (d.contains("invalid login credentials")) {
                return "invalid_credentials";
            }
            if (d.contains("already used")) {
                return "refresh_token_already_used";
            }
            if (d.contains("refresh token not found")) {
                return "refresh_token_not_found";
            }
            if (d.contains("email not confirmed")) {
                return "email_not_confirmed";
            }
        }
        return oauthError;
    }

    private static List<String> weakPasswordReasons(JsonNode root) {
        List<String> out = new ArrayList<>();
        JsonNode reasons = root.path("weak_password").path("reasons");
        if (reasons.isArray()) {
            reasons.forEach(r -> {
                if (r.isTextual() && !r.asText().isBlank()) {
                    out.add(r.asText());
                }
            });
        }
        return out;
    }
}
