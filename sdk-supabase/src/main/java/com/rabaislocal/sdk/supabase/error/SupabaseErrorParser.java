package com.rabaislocal.sdk.supabase.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.http.ErrorParser;
import com.rabaislocal.sdk.supabase.crud.IdempotencyKeyReusedException;
import com.rabaislocal.sdk.supabase.crud.InsufficientCreditsException;
import com.rabaislocal.sdk.supabase.crud.PackageUnavailableException;
import com.rabaislocal.sdk.supabase.functions.FunctionRelayException;
import java.util.List;
import java.util.Map;

/**
 * Reads Supabase error bodies into an {@link ApiError}.
 *
 * <ul>
 *   <li>PostgREST: {@code {"code": "23505", "message": "...", "details": "...", "hint": "..."}}; {@code code} is a
 *       SQLSTATE, a {@code PGRSTxxx} code or a custom one. {@code details} or {@code hint} that are JSON values other
 *       than text are kept as their JSON text.</li>
 *   <li>Auth and Edge Functions: the common shapes read by {@link ErrorParser#generic()} ({@code message},
 *       {@code msg}, {@code error_description}, {@code error}; {@code code}, {@code error_code}).</li>
 *   <li>A body that is not JSON (a Cloudflare 520 page, a load balancer's 502): the message stays the page's title
 *       or text, and the hint says that the gateway, not PostgREST, answered.</li>
 * </ul>
 */
public final class SupabaseErrorParser implements ErrorParser {

    /** The hint set on errors whose body was not JSON. */
    public static final String GATEWAY_HINT = "answered by the gateway in front of Supabase (a non-JSON page), "
            + "not by PostgREST or the function";

    /**
     * PostgREST codes whose family says more than the status they come with: 42501 answers 401 to anonymous
     * callers and 403 to signed-in ones, but is a permission refusal either way.
     */
    private static final Map<String, ErrorKind> FAMILY = Map.ofEntries(
            Map.entry("42501", ErrorKind.PERMISSION_DENIED),
            Map.entry("23505", ErrorKind.CONFLICT),
            Map.entry("23503", ErrorKind.CONFLICT),
            Map.entry("23P01", ErrorKind.CONFLICT),
            Map.entry("PGRST103", ErrorKind.INVALID_REQUEST),
            Map.entry("PGRST106", ErrorKind.INVALID_REQUEST),
            Map.entry("PGRST201", ErrorKind.INVALID_REQUEST),
            Map.entry("PGRST203", ErrorKind.INVALID_REQUEST),
            Map.entry("25006", ErrorKind.INVALID_REQUEST));

    private static final SupabaseErrorParser INSTANCE = new SupabaseErrorParser();
    private static final ErrorParser GENERIC = ErrorParser.generic();

    private SupabaseErrorParser() {
    }

    /** @return the shared, stateless parser */
    public static SupabaseErrorParser instance() {
        return INSTANCE;
    }

    /**
     * Fills the error from a Supabase error body.
     *
     * @param body the response body, possibly empty or HTML
     * @param error the error pre-filled by the transport
     */
    @Override
    public void parse(String body, ApiError.Builder error) {
        JsonNode root = ErrorParser.readJson(body);
        if (root == null) {
            if (body != null && !body.isBlank()) {
                error.hint(GATEWAY_HINT);
            }
            return;
        }
        if (!root.isObject()) {
            return;
        }
        GENERIC.parse(body, error);
        String details = text(root.get("details"));
        if (details != null) {
            error.details(details);
        }
        String hint = text(root.get("hint"));
        if (hint != null) {
            error.hint(hint);
        }
        String code = text(root.get("code"));
        if (code != null && FAMILY.containsKey(code)) {
            error.kind(FAMILY.get(code));
        }
    }

    /**
     * Returns the typed exception of an error: the database's credit refusals ({@code RLC01} to {@code RLC03})
     * and an Edge Functions relay failure ({@code x-relay-error: true}) have their own classes; everything else is
     * the kit's class of its family.
     *
     * @param error the parsed error
     * @return the exception to throw
     */
    @Override
    public ApiException exception(ApiError error) {
        switch (error.code().orElse("")) {
            case InsufficientCreditsException.CODE:
                return new InsufficientCreditsException(error);
            case IdempotencyKeyReusedException.CODE:
                return new IdempotencyKeyReusedException(error);
            case PackageUnavailableException.CODE:
                return new PackageUnavailableException(error);
            default:
                break;
        }
        List<String> relay = error.headers().get("x-relay-error");
        if (relay != null && relay.stream().anyMatch(v -> v.trim().equalsIgnoreCase("true"))) {
            return new FunctionRelayException(error);
        }
        return ApiException.of(error);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    @Override
    public String toString() {
        return "SupabaseErrorParser";
    }
}
