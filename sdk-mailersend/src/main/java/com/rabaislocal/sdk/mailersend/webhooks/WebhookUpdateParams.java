package com.rabaislocal.sdk.mailersend.webhooks;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to a webhook ({@code PUT /webhooks/{id}}): only the fields set are sent. Immutable; {@link #toString()}
 * hides the URL.
 */
public final class WebhookUpdateParams {

    private final Map<String, Object> body;

    private WebhookUpdateParams(Map<String, Object> body) {
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
        Map<String, Object> shown = new LinkedHashMap<>(body);
        shown.computeIfPresent("url", (k, v) -> "[redacted]");
        return "WebhookUpdateParams" + shown;
    }

    /** Builds {@link WebhookUpdateParams}. */
    public static final class Builder {
        private String url;
        private String name;
        private List<String> events;
        private Boolean enabled;

        private Builder() {
        }

        /**
         * @param url the new URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param name the new name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param events the new event types (replacing the old ones)
         * @return this builder
         */
        public Builder events(String... events) {
            this.events = new ArrayList<>(List.of(events));
            return this;
        }

        /**
         * @param enabled turns deliveries on or off (re-enable one MailerSend turned off)
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @return the params
         * @throws ValidationException when nothing is changed or a value is invalid
         */
        public WebhookUpdateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            Map<String, Object> b = new LinkedHashMap<>();
            if (url != null) {
                WebhookCreateParams.checkUrl(errors, url);
                b.put("url", url.strip());
            }
            if (name != null) {
                if (name.isBlank()) {
                    errors.put("name", List.of("must not be blank"));
                }
                b.put("name", name);
            }
            if (events != null) {
                WebhookCreateParams.checkEvents(errors, events);
                b.put("events", List.copyOf(events));
            }
            if (enabled != null) {
                b.put("enabled", enabled);
            }
            if (b.isEmpty() && errors.isEmpty()) {
                errors.put("webhook", List.of("nothing to change: set url, name, events or enabled"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("webhook update", errors);
            }
            return new WebhookUpdateParams(java.util.Collections.unmodifiableMap(b));
        }
    }
}
