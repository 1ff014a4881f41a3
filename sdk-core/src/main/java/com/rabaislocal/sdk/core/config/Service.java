package com.rabaislocal.sdk.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * An external service the RabaisLocal SDK reads configuration for. Each {@link ConfigKey} belongs to at most one
 * service, and a module asks only for its own service's values, so a MailerSend-only application never needs
 * Supabase keys.
 */
public enum Service {

    /** Supabase (PostgREST, Auth, Storage, Functions), read by {@code sdk-supabase}. */
    SUPABASE("Supabase", "sdk-supabase"),

    /** MailerSend transactional email, read by {@code sdk-mailersend}. */
    MAILERSEND("MailerSend", "sdk-mailersend"),

    /** OpenAI, read by {@code sdk-openai}. */
    OPENAI("OpenAI", "sdk-openai"),

    /** GoAffPro affiliate program, read by {@code sdk-goaffpro}. */
    GOAFFPRO("GoAffPro", "sdk-goaffpro"),

    /** Make.com scenarios, runs, execution history and blueprints, read by {@code sdk-make}. */
    MAKE("Make", "sdk-make");

    private final String displayName;
    private final String readBy;

    Service(String displayName, String readBy) {
        this.displayName = displayName;
        this.readBy = readBy;
    }

    /**
     * Returns the service's usual spelling, for reports.
     *
     * @return e.g. {@code MailerSend}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns which part of the SDK reads this service's values, for reports and documentation.
     *
     * @return e.g. {@code sdk-mailersend}
     */
    public String readBy() {
        return readBy;
    }

    /**
     * Returns every configuration key that belongs to this service, in declaration order.
     *
     * @return the keys, never empty
     */
    public List<ConfigKey> keys() {
        List<ConfigKey> out = new ArrayList<>();
        for (ConfigKey k : ConfigKey.values()) {
            if (k.service().orElse(null) == this) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the keys this service cannot work without.
     *
     * @return the required keys, in declaration order
     */
    public List<ConfigKey> requiredKeys() {
        List<ConfigKey> out = new ArrayList<>();
        for (ConfigKey k : keys()) {
            if (k.required()) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }
}
