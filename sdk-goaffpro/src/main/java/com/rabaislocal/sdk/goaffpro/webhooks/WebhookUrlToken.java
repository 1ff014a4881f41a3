package com.rabaislocal.sdk.goaffpro.webhooks;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The optional shared-secret check of GoAffPro deliveries. GoAffPro documents no signature (an HMAC header one
 * integrator assumes is unconfirmed, so none is checked here); the defence in use is a secret token in the URL
 * registered with GoAffPro ({@code https://hooks.example.com/goaffpro?token=<secret>}), compared in constant time
 * on delivery. Immutable; {@link #toString()} never shows the token.
 */
public final class WebhookUrlToken {

    /** The default query parameter holding the token. */
    public static final String DEFAULT_PARAMETER = "token";
    private static final int MIN_LENGTH = 16;

    private final Secret token;
    private final String parameter;

    private WebhookUrlToken(Secret token, String parameter) {
        this.token = token;
        this.parameter = parameter;
    }

    /**
     * Creates the check with the default parameter {@value #DEFAULT_PARAMETER}.
     *
     * @param token the shared secret, at least 16 characters
     * @return the check
     */
    public static WebhookUrlToken of(Secret token) {
        return of(token, DEFAULT_PARAMETER);
    }

    /**
     * Creates the check.
     *
     * @param token the shared secret, at least 16 characters
     * @param parameter the query parameter that carries it, e.g. {@code secret}
     * @return the check
     * @throws ValidationException when the token is too short or the parameter blank
     */
    public static WebhookUrlToken of(Secret token, String parameter) {
        if (token == null || token.length() < MIN_LENGTH) {
            throw new ValidationException("token", "must be at least " + MIN_LENGTH + " characters");
        }
        if (parameter == null || parameter.isBlank()) {
            throw new ValidationException("parameter", "must not be blank");
        }
        return new WebhookUrlToken(token, parameter.strip());
    }

    /** @return the query parameter that carries the token */
    public String parameter() {
        return parameter;
    }

    /**
     * Builds the URL to register with GoAffPro: {@code url} with the token added as a query parameter.
     *
     * @param url the receiver's URL, without this parameter
     * @return the URL holding the token (a secret: do not log it)
     */
    public String appendTo(String url) {
        String enc = URLEncoder.encode(token.reveal(), StandardCharsets.UTF_8);
        return url + (url.contains("?") ? "&" : "?") + URLEncoder.encode(parameter, StandardCharsets.UTF_8) + "="
                + enc;
    }

    /**
     * Checks a token received, in constant time.
     *
     * @param presented the token, possibly null
     * @return true only for the right token
     */
    public boolean matches(String presented) {
        return WebhookSignatures.constantTimeEquals(token.reveal(), presented);
    }

    /**
     * Checks the token in a delivery's raw query string. Every occurrence of the parameter must match, so a
     * second, forged value cannot ride along a right one.
     *
     * @param rawQuery the query as received, percent-encoded, without {@code ?}; null when none
     * @return true only when the parameter is present and every value of it is the right token
     */
    public boolean matchesQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        boolean found = false;
        boolean all = true;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name == null || !name.equals(parameter)) {
                continue;
            }
            found = true;
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // Compare every value, without stopping early, so timing does not tell which one failed.
            all &= matches(value);
        }
        return found && all;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "WebhookUrlToken{parameter=" + parameter + ", token=" + token + '}';
    }
}
