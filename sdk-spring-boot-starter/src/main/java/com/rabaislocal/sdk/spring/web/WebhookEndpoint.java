package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.spring.RabaisLocalProperties;
import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import com.rabaislocal.sdk.webhooks.auth.MailerSendSignatureAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.SharedSecretHeaderAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.UrlTokenAuthenticator;
import com.rabaislocal.sdk.webhooks.auth.WebhookAuthenticator;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.validation.PayloadValidator;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The three webhook endpoints the starter knows, each with its sender's authentication and payload rules, and the
 * paths they are mounted at. One place, so the receivers, the servlets and the rate-limit filter's exclusions agree.
 */
public enum WebhookEndpoint {

    /** MailerSend: {@code Signature} HMAC of the body with the webhook's signing secret; id at {@code /data/id}. */
    MAILERSEND("mailersend", MailerSendSignatureAuthenticator::of,
            RequiredFieldsPayloadValidator.builder().require("/type").eventTypeAt("/type").eventIdAt("/data/id")
                    .build()),
    /** GoAffPro: the URL token registered with the webhook (GoAffPro signs nothing). */
    GOAFFPRO("goaffpro", UrlTokenAuthenticator::of, RequiredFieldsPayloadValidator.jsonOnly()),
    /** Make.com: the {@code x-make-apikey} header the scenario's HTTP module sends. */
    MAKE("make", SharedSecretHeaderAuthenticator::makeApiKey, RequiredFieldsPayloadValidator.jsonOnly());

    private final String id;
    private final Function<Secret, WebhookAuthenticator> authenticator;
    private final PayloadValidator validator;

    WebhookEndpoint(String id, Function<Secret, WebhookAuthenticator> authenticator, PayloadValidator validator) {
        this.id = id;
        this.authenticator = authenticator;
        this.validator = validator;
    }

    /** @return the endpoint's name, as in {@code rabaislocal.webhooks.<name>.*} and {@link RabaisWebhookHandler} */
    public String id() {
        return id;
    }

    /**
     * The endpoint's settings.
     *
     * @param properties the starter's properties
     * @return the settings
     */
    public RabaisLocalProperties.Endpoint settings(RabaisLocalProperties properties) {
        RabaisLocalProperties.Webhooks w = properties.webhooks();
        return switch (this) {
            case MAILERSEND -> w.mailersend();
            case GOAFFPRO -> w.goaffpro();
            case MAKE -> w.make();
        };
    }

    /**
     * Whether the endpoint is mounted: its secret is set.
     *
     * @param properties the starter's properties
     * @return true when mounted
     */
    public boolean mounted(RabaisLocalProperties properties) {
        String s = settings(properties).secret();
        return s != null && !s.isBlank();
    }

    /**
     * The path the endpoint is mounted at.
     *
     * @param properties the starter's properties
     * @return {@code rabaislocal.webhooks.<name>.path}, default {@code /webhooks/<name>}
     */
    public String path(RabaisLocalProperties properties) {
        String p = settings(properties).path();
        return p == null || p.isBlank() ? "/webhooks/" + id : p.strip();
    }

    /**
     * The paths of every mounted endpoint.
     *
     * @param properties the starter's properties
     * @return the paths
     */
    public static List<String> mountedPaths(RabaisLocalProperties properties) {
        List<String> out = new ArrayList<>();
        for (WebhookEndpoint e : values()) {
            if (e.mounted(properties)) {
                out.add(e.path(properties));
            }
        }
        return out;
    }

    /**
     * Builds the endpoint's receiver.
     *
     * @param properties the starter's properties
     * @param state the shared state
     * @param ipResolver how the client IP is found
     * @param handlers the application's handlers
     * @return the receiver
     * @throws ConfigException when no handler serves this endpoint, or two do
     */
    public WebhookReceiver receiver(RabaisLocalProperties properties, StateStore state, ClientIpResolver ipResolver,
                                    ObjectProvider<RabaisWebhookHandler> handlers) {
        List<RabaisWebhookHandler> mine = handlers.orderedStream()
                .filter(h -> h.webhook().toLowerCase(Locale.ROOT).equals(id)).toList();
        if (mine.size() != 1) {
            throw new ConfigException("rabaislocal.webhooks." + id + ".secret is set, so " + path(properties)
                    + " is mounted, but " + (mine.isEmpty() ? "no" : mine.size())
                    + " RabaisWebhookHandler bean" + (mine.isEmpty() ? " serves" : "s serve") + " '" + id
                    + "'; declare exactly one");
        }
        return WebhookReceiver.builder().name(id)
                .authenticator(authenticator.apply(Secret.of(settings(properties).secret().strip())))
                .validator(validator).handler(mine.get(0)).stateStore(state)
                .rateLimit(RateLimit.perMinute(properties.webhooks().perMinute())).clientIpResolver(ipResolver)
                .build();
    }
}
