package com.rabaislocal.sdk.mailersend.template;

import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MailerSend template id of each email kind, per environment and locale (staging sends from its own
 * templates, so a template change is tried there first). Immutable.
 */
public final class TemplateIds {

    private final Map<String, String> ids;

    private TemplateIds(Map<String, String> ids) {
        this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    private static String key(EmailKind kind, RabaisEnvironment env, EmailLocale locale) {
        return kind.key() + "/" + env.id() + "/" + locale.tag();
    }

    /**
     * @param kind the email
     * @param environment the environment
     * @param locale the language
     * @return the template id, if registered
     */
    public Optional<String> find(EmailKind kind, RabaisEnvironment environment, EmailLocale locale) {
        return Optional.ofNullable(ids.get(key(kind, environment, locale)));
    }

    /**
     * Lists what is missing for an environment: every kind in both locales.
     *
     * @param environment the environment
     * @return {@code kind/environment/locale} of each missing id
     */
    public List<String> missing(RabaisEnvironment environment) {
        List<String> out = new ArrayList<>();
        for (EmailKind k : EmailKind.values()) {
            for (EmailLocale l : EmailLocale.values()) {
                if (!ids.containsKey(key(k, environment, l))) {
                    out.add(key(k, environment, l));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TemplateIds" + ids.keySet();
    }

    /** Builds {@link TemplateIds}. */
    public static final class Builder {
        private final Map<String, String> ids = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers a template id.
         *
         * @param kind the email
         * @param environment the environment
         * @param locale the language
         * @param templateId the MailerSend template id
         * @return this builder
         * @throws ValidationException when the id is blank
         */
        public Builder put(EmailKind kind, RabaisEnvironment environment, EmailLocale locale, String templateId) {
            if (templateId == null || templateId.isBlank()) {
                throw new ValidationException(key(kind, environment, locale), "template id must not be blank");
            }
            ids.put(key(kind, environment, locale), templateId.strip());
            return this;
        }

        /**
         * Registers the same id in every environment (one template shared by all).
         *
         * @param kind the email
         * @param locale the language
         * @param templateId the id
         * @return this builder
         */
        public Builder everywhere(EmailKind kind, EmailLocale locale, String templateId) {
            for (RabaisEnvironment e : RabaisEnvironment.values()) {
                put(kind, e, locale, templateId);
            }
            return this;
        }

        /** @return the ids */
        public TemplateIds build() {
            return new TemplateIds(ids);
        }
    }
}
