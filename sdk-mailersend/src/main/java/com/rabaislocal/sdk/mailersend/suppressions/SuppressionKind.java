package com.rabaislocal.sdk.mailersend.suppressions;

/** MailerSend's suppression lists and their paths under {@code /suppressions}. */
public enum SuppressionKind {
    /** Addresses and patterns never sent to. */
    BLOCKLIST("blocklist"),
    /** Addresses that hard-bounced. */
    HARD_BOUNCES("hard-bounces"),
    /** Addresses that reported spam. */
    SPAM_COMPLAINTS("spam-complaints"),
    /** Addresses that unsubscribed. */
    UNSUBSCRIBES("unsubscribes"),
    /** Addresses MailerSend put on hold after repeated soft bounces; MailerSend offers no way to add one. */
    ON_HOLD("on-hold-list");

    private final String path;

    SuppressionKind(String path) {
        this.path = path;
    }

    /** @return the path segment after {@code /suppressions/} */
    public String path() {
        return path;
    }
}
