package com.rabaislocal.sdk.make.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.http.ErrorParser;
import com.rabaislocal.sdk.make.MakeRateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Make's error answers, {@code {"detail", "message", "code", "suberrors":[{"message","name"}]}}, and a plain
 * text body (a 429 says "Requests limit for organization exceeded, please try again later.").
 *
 * <ul>
 *   <li>The message is {@code detail}, else {@code message}, followed by the suberrors' messages; the other of the
 *       two goes in the details.</li>
 *   <li>The family follows the status, except: {@code IM001}/{@code IM002} permission denied, {@code IM102}
 *       authentication, {@code IM304} not found, {@code IM004}/{@code IM005} invalid request, "Scenario is not
 *       activated" and "Scenario is already being executed" conflicts ({@link ScenarioNotActiveException},
 *       {@link ScenarioBusyException}).</li>
 *   <li>A 429's wait is the time left to {@code x-ratelimit-reset} when no {@code Retry-After} came; a 429 with
 *       {@code IM310} (organization or team paused) is not retryable.</li>
 * </ul>
 * Thread-safe.
 */
public final class MakeErrorParser implements ErrorParser {

    /** Make's message when a scenario that is not active is run. */
    public static final String NOT_ACTIVATED = "scenario is not activated";
    /** Make's message when a scenario already executing is run again. */
    public static final String ALREADY_EXECUTING = "scenario is already being executed";
    /** Make's message when an active scenario is activated. */
    public static final String ALREADY_RUNNING = "scenario is already running";
    /** Make's message when an inactive scenario is deactivated. */
    public static final String NOT_RUNNING = "scenario is not running";

    private final Clock clock;

    /**
     * Creates a parser.
     *
     * @param clock turns {@code x-ratelimit-reset} into a wait (the retry policy's clock)
     */
    public MakeErrorParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void parse(String body, ApiError.Builder error) {
        JsonNode root = ErrorParser.readJson(body);
        String code = null;
        if (root != null && root.isObject()) {
            String detail = ErrorParser.firstText(root, "detail");
            String message = ErrorParser.firstText(root, "message");
            code = ErrorParser.firstText(root, "code");
            List<String> subs = new ArrayList<>();
            for (JsonNode s : root.path("suberrors")) {
                String m = s.isObject() ? ErrorParser.firstText(s, "message") : null;
                if (m != null) {
                    subs.add(m);
                }
            }
            String main = detail != null ? detail : message;
            if (main != null || !subs.isEmpty()) {
                error.message((main == null ? "" : main) + (subs.isEmpty() ? ""
                        : (main == null ? "" : ": ") + String.join("; ", subs)));
            }
            if (detail != null && message != null && !message.equals(detail)) {
                error.details(message);
            }
            error.code(code);
        }
        String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
        int status = error.httpStatus();
        if (code != null) {
            switch (code) {
                case "IM001", "IM002" -> error.kind(ErrorKind.PERMISSION_DENIED)
                        .hint("the token's user has no rights here: check MAKE_TEAM_ID and the token's scopes");
                case "IM102" -> error.kind(ErrorKind.AUTHENTICATION);
                case "IM304" -> error.kind(ErrorKind.NOT_FOUND);
                case "IM004" -> error.kind(ErrorKind.INVALID_REQUEST).hint("Make asks for confirmed=true");
                case "IM005" -> error.kind(ErrorKind.INVALID_REQUEST);
                case "IM310" -> error.retryable(false)
                        .hint("the organization or team is paused; retrying will not help");
                default -> { }
            }
        }
        if (text.contains(NOT_ACTIVATED)) {
            error.kind(ErrorKind.CONFLICT).retryable(false)
                    .hint("activate the scenario (scenarios().activate(id)) before running it");
        } else if (text.contains(ALREADY_EXECUTING)) {
            error.kind(ErrorKind.CONFLICT).retryable(false)
                    .hint("a scenario runs one execution at a time; wait for the current one");
        }
        if (status == 401) {
            error.hint("the token was refused: check MAKE_API_TOKEN and MAKE_ZONE (a token works only in its zone)");
        }
        if (status == 429 && !"IM310".equals(code)) {
            error.firstHeader(MakeRateLimit.RESET_HEADER).ifPresent(reset -> resetWait(reset, error));
        }
    }

    private void resetWait(String reset, ApiError.Builder error) {
        if (error.firstHeader("Retry-After").isPresent() || error.firstHeader("Retry-After-Ms").isPresent()) {
            return;
        }
        try {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            error.retryAfter(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | java.time.DateTimeException ignored) {
            // An unreadable reset leaves the policy's own backoff in charge.
        }
    }

    @Override
    public ApiException exception(ApiError error) {
        String raw = error.rawBody() == null ? "" : error.rawBody().toLowerCase(Locale.ROOT);
        if (error.kind() == ErrorKind.CONFLICT && raw.contains(NOT_ACTIVATED)) {
            return new ScenarioNotActiveException(error);
        }
        if (error.kind() == ErrorKind.CONFLICT && raw.contains(ALREADY_EXECUTING)) {
            return new ScenarioBusyException(error);
        }
        return ApiException.of(error);
    }

    /**
     * Tells whether an error says the requested activation state already holds ("Scenario is already running" on
     * activate, "Scenario is not running" on deactivate).
     *
     * @param e the exception of an activate or deactivate call
     * @param activating true for activate
     * @return true when the scenario is already in the requested state
     */
    public static boolean stateAlreadyHolds(ApiException e, boolean activating) {
        String raw = e.rawBody() == null ? "" : e.rawBody().toLowerCase(Locale.ROOT);
        return e.httpStatus() >= 400 && e.httpStatus() < 500
                && raw.contains(activating ? ALREADY_RUNNING : NOT_RUNNING);
    }
}
