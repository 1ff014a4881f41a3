package com.rabaislocal.sdk.webhooks.auth;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import com.rabaislocal.sdk.webhooks.WebhookDelivery;
import java.util.List;
import java.util.Objects;

/**
 * A shared token in the webhook URL's query ({@code https://…/webhooks/goaffpro?token=…}), compared in constant time.
 * This is the check for GoAffPro, which documents no signature: the token is part of the URL registered with
 * {@code POST /admin/webhooks}, so that URL is a secret. The parameter must appear exactly once.
 *
 * <p>Immutable and thread-safe. The receiver never logs the query.
 */
public final class UrlTokenAuthenticator implements WebhookAuthenticator {

    /** The default parameter name. */
    public static final String DEFAULT_PARAMETER = "token";

    private final String parameter;
    private final Secret token;

    private UrlTokenAuthenticator(String parameter, Secret token) {
        this.parameter = parameter;
        this.token = token;
    }

    /**
     * An authenticator reading {@value #DEFAULT_PARAMETER}.
     *
     * @param token the shared token
     * @return the authenticator
     */
    public static UrlTokenAuthenticator of(Secret token) {
        return of(DEFAULT_PARAMETER, token);
    }

    /**
     * An authenticator reading a named parameter.
     *
     * @param parameter the query parameter, e.g. {@code secret}
     * @param token the shared token
     * @return the authenticator
     */
    public static UrlTokenAuthenticator of(String parameter, Secret token) {
        if (parameter == null || parameter.isBlank()) {
            throw new com.rabaislocal.sdk.core.error.ValidationException("parameter", "must not be blank");
        }
        return new UrlTokenAuthenticator(parameter, Objects.requireNonNull(token, "token"));
    }

    @Override
    public AuthenticationResult authenticate(WebhookDelivery delivery) {
        List<String> values = delivery.request().queryValues(parameter);
        return SingleCredential.check(values, v -> WebhookSignatures.constantTimeEquals(token.reveal(), v));
    }

    @Override
    public String toString() {
        return "UrlTokenAuthenticator[parameter=" + parameter + "]";
    }
}
