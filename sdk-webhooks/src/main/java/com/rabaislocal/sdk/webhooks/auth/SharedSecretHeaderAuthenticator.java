package com.rabaislocal.sdk.webhooks.auth;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import com.rabaislocal.sdk.webhooks.WebhookDelivery;
import java.util.List;
import java.util.Objects;

/**
 * A shared secret in a request header, compared in constant time: for senders that sign nothing but can add a header.
 * <ul>
 *   <li>Supabase database webhooks: add a header in the webhook's HTTP headers, e.g. {@code Authorization: Bearer
 *   <secret>} ({@link #bearer(Secret)}) or {@code X-Webhook-Secret: <secret>} ({@link #of(String, Secret)}).</li>
 *   <li>Make.com scenarios calling RabaisLocal: an HTTP module sending a header; {@code x-make-apikey} is the name
 *   Make uses for its own webhooks' API keys ({@link #makeApiKey(Secret)}).</li>
 * </ul>
 * The header must appear exactly once. Immutable and thread-safe.
 */
public final class SharedSecretHeaderAuthenticator implements WebhookAuthenticator {

    /** The header Make.com uses for webhook API keys. */
    public static final String MAKE_API_KEY_HEADER = "x-make-apikey";

    private final String header;
    private final String prefix;
    private final Secret secret;

    private SharedSecretHeaderAuthenticator(String header, String prefix, Secret secret) {
        this.header = header;
        this.prefix = prefix;
        this.secret = secret;
    }

    /**
     * The secret as the whole value of a header.
     *
     * @param header the header name, any case
     * @param secret the shared secret
     * @return the authenticator
     */
    public static SharedSecretHeaderAuthenticator of(String header, Secret secret) {
        return of(header, "", secret);
    }

    /**
     * The secret after a fixed prefix (such as {@code "Bearer "}).
     *
     * @param header the header name, any case
     * @param prefix the text before the secret, matched exactly
     * @param secret the shared secret
     * @return the authenticator
     */
    public static SharedSecretHeaderAuthenticator of(String header, String prefix, Secret secret) {
        if (header == null || header.isBlank()) {
            throw new ValidationException("header", "must not be blank");
        }
        return new SharedSecretHeaderAuthenticator(header, Objects.requireNonNull(prefix, "prefix"),
                Objects.requireNonNull(secret, "secret"));
    }

    /**
     * {@code Authorization: Bearer <secret>}.
     *
     * @param secret the shared secret
     * @return the authenticator
     */
    public static SharedSecretHeaderAuthenticator bearer(Secret secret) {
        return of("Authorization", "Bearer ", secret);
    }

    /**
     * {@code x-make-apikey: <secret>}.
     *
     * @param secret the shared secret
     * @return the authenticator
     */
    public static SharedSecretHeaderAuthenticator makeApiKey(Secret secret) {
        return of(MAKE_API_KEY_HEADER, secret);
    }

    @Override
    public AuthenticationResult authenticate(WebhookDelivery delivery) {
        List<String> values = delivery.request().headerValues(header);
        return SingleCredential.check(values,
                v -> WebhookSignatures.constantTimeEquals(prefix + secret.reveal(), v));
    }

    @Override
    public String toString() {
        return "SharedSecretHeaderAuthenticator[header=" + header + "]";
    }
}
