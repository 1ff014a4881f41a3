package com.rabaislocal.sdk.mailersend.webhooks;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A new webhook ({@code POST /webhooks}): an https URL, a name, at least one event type, the domain id, and
 * whether it starts enabled. Immutable; {@link #toString()} hides the URL.
 */
public final class WebhookCreateParams {

    private final Map<String, Object> body;

    private WebhookCreateParams(Map<String, Object> body) {
        this.body = body;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the request body */
    public Map<String, Object> body() {
        return body;
    }

    @Override
    public String toString() {
        return "WebhookCreateParams{name=" + body.get("name") + ", events=" + body.get("events") + ", url=[redacted]}";
    }

    static void checkUrl(Map<String, List<String>> errors, String url) {
        if (url == null || url.isBlank()) {
            errors.put("url", List.of("is required"));
            return;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
                // The URL is not echoed: it may carry a token.
                errors.put("url", List.of("must be an http(s) URL with a host"));
            } else if (url.length() > 191) {
                errors.put("url", List.of("must be at most 191 characters"));
            }
        } catch (java.net.URISyntaxException e) {
            errors.put("url", List.of("is not a URL"));
        }
    }

    static void checkEvents(Map<String, List<String>> errors, List<String> events) {
        if (events.isEmpty()) {
            errors.put("events", List.of("needs at least one event type, e.g. activity.delivered"));
        }
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            if (e == null || e.isBlank() || !e.contains(".")) {
                errors.put("events." + i, List.of("must be an event type such as activity.hard_bounced"));
            }
        }
    }

    /** Builds {@link WebhookCreateParams}. */
    public static final class Builder {
        private String url;
        private String name;
        private final List<String> events = new ArrayList<>();
        private String domainId;
        private Boolean enabled;

        private Builder() {
        }

        /**
         * @param url the receiving URL (https in production), at most 191 characters
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param name the webhook's name, at most 191 characters
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Adds event types.
         *
         * @param events e.g. {@link MailerSendEvent#ACTIVITY_HARD_BOUNCED}
         * @return this builder
         */
        public Builder events(String... events) {
            this.events.addAll(List.of(events));
            return this;
        }

        /**
         * @param domainId the domain whose events it receives
         * @return this builder
         */
        public Builder domainId(String domainId) {
            this.domainId = domainId;
            return this;
        }

        /**
         * @param enabled whether it starts enabled; default MailerSend's (enabled)
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @return the params
         * @throws ValidationException listing every invalid field
         */
        public WebhookCreateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            checkUrl(errors, url);
            if (name == null || name.isBlank()) {
                errors.put("name", List.of("is required"));
            } else if (name.length() > 191) {
                errors.put("name", List.of("must be at most 191 characters"));
            }
            checkEvents(errors, events);
            if (domainId == null || domainId.isBlank()) {
                errors.put("domain_id", List.of("is required"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("webhook", errors);
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("url", url.strip());
            b.put("name", name);
            b.put("events", List.copyOf(events));
            if (enabled != null) {
                b.put("enabled", enabled);
            }
            b.put("domain_id", domainId);
            return new WebhookCreateParams(java.util.Collections.unmodifiableMap(b));
        }
    }
}
