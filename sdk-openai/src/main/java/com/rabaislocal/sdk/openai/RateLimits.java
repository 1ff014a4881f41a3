package com.rabaislocal.sdk.openai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The {@code x-ratelimit-*} values OpenAI sends with every answer, successful or not: the request and token limits
 * of the key's current window, what is left of them, and when each resets. Values the answer did not carry are
 * empty (compatible providers often send none). Immutable.
 *
 * @param limitRequests {@code x-ratelimit-limit-requests}, the requests allowed per window, or null
 * @param limitTokens {@code x-ratelimit-limit-tokens}, the tokens allowed per window, or null
 * @param remainingRequests {@code x-ratelimit-remaining-requests}, or null
 * @param remainingTokens {@code x-ratelimit-remaining-tokens}, or null
 * @param resetRequests {@code x-ratelimit-reset-requests} as sent (a duration such as {@code 6m0s}), or null
 * @param resetTokens {@code x-ratelimit-reset-tokens} as sent (such as {@code 1s} or {@code 120ms}), or null
 */
public record RateLimits(String limitRequests, String limitTokens, String remainingRequests, String remainingTokens,
                         String resetRequests, String resetTokens) {

    /** No rate-limit header at all. */
    public static final RateLimits NONE = new RateLimits(null, null, null, null, null, null);

    /**
     * Reads the values from headers.
     *
     * @param header the value of a header by name (any case), or null when absent
     * @return the values; {@link #NONE} when no header was present
     */
    public static RateLimits from(Function<String, String> header) {
        String lr = header.apply("x-ratelimit-limit-requests");
        String lt = header.apply("x-ratelimit-limit-tokens");
        String rr = header.apply("x-ratelimit-remaining-requests");
        String rt = header.apply("x-ratelimit-remaining-tokens");
        String sr = header.apply("x-ratelimit-reset-requests");
        String st = header.apply("x-ratelimit-reset-tokens");
        if (lr == null && lt == null && rr == null && rt == null && sr == null && st == null) {
            return NONE;
        }
        return new RateLimits(lr, lt, rr, rt, sr, st);
    }

    /**
     * Reads the values from an error's headers (as {@link com.rabaislocal.sdk.core.error.ApiError#headers()}).
     *
     * @param headers header name (any case) to values
     * @return the values
     */
    public static RateLimits fromHeaderMap(Map<String, List<String>> headers) {
        return from(name -> {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(e.getValue().size() - 1);
                }
            }
            return null;
        });
    }

    /** @return the requests allowed per window, when sent as a number */
    public OptionalLong requestLimit() {
        return number(limitRequests);
    }

    /** @return the tokens allowed per window, when sent as a number */
    public OptionalLong tokenLimit() {
        return number(limitTokens);
    }

    /** @return the requests left in this window, when sent as a number */
    public OptionalLong requestsRemaining() {
        return number(remainingRequests);
    }

    /** @return the tokens left in this window, when sent as a number */
    public OptionalLong tokensRemaining() {
        return number(remainingTokens);
    }

    /** @return when the request window resets, from now, when sent in OpenAI's duration form */
    public Optional<Duration> requestsReset() {
        return duration(resetRequests);
    }

    /** @return when the token window resets, from now, when sent in OpenAI's duration form */
    public Optional<Duration> tokensReset() {
        return duration(resetTokens);
    }

    private static OptionalLong number(String v) {
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Parses OpenAI's durations: a sequence of number-unit pairs with units {@code h}, {@code m}, {@code s} and
     * {@code ms}, e.g. {@code 6m0s}, {@code 1s}, {@code 17ms}, {@code 0.5s}.
     *
     * @param v the text, or null
     * @return the duration, empty when absent or not in that form
     */
    static Optional<Duration> duration(String v) {
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        String s = v.strip();
        double totalMillis = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                return Optional.empty();
            }
            double n;
            try {
                n = Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            switch (s.substring(unitStart, i)) {
                case "h":
                    totalMillis += n * 3_600_000;
                    break;
                case "m":
                    totalMillis += n * 60_000;
                    break;
                case "s":
                    totalMillis += n * 1_000;
                    break;
                case "ms":
                    totalMillis += n;
                    break;
                default:
                    return Optional.empty();
            }
        }
        return Optional.of(Duration.ofMillis(Math.round(totalMillis)));
    }
}
