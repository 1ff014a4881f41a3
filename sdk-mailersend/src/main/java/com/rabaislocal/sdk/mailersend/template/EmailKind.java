package com.rabaislocal.sdk.mailersend.template;

import java.util.List;

/**
 * The registry of RabaisLocal's emails: each kind's template key (used for template ids, tags, logs and audit), its
 * own variable names, and whether it is strictly transactional (no unsubscribe link: the user needs it whatever
 * their preferences) or a notification the user may turn off (an unsubscribe link and {@code List-Unsubscribe}).
 */
public enum EmailKind {
    /** The account was created. */
    WELCOME("welcome", true, List.of("first_name", "account_type", "login_url")),
    /** A purchase from the credits ledger. */
    CREDITS_RECEIPT("credits_receipt", true, List.of("transaction_id", "credits", "amount", "balance_after",
            "purchased_on")),
    /** A merchant's offer went live. */
    OFFER_PUBLISHED("offer_published", true, List.of("merchant_name", "offer_title", "offer_url", "published_on",
            "expires_on")),
    /** An offer the user follows ends soon. */
    OFFER_EXPIRING("offer_expiring", false, List.of("offer_title", "merchant_name", "offer_url", "expires_on",
            "days_left")),
    /** A copy of what the user consented to (Québec's Law 25). */
    CONSENT_RECORDED("consent_recorded", true, List.of("consent_id", "purposes", "policy_version", "policy_url",
            "recorded_on", "withdraw_url")),
    /** A generic notice (also used for monitoring alerts). */
    NOTICE("notice", true, List.of("title", "message", "action_url", "action_label"));

    private final String key;
    private final boolean strictlyTransactional;
    private final List<String> variableNames;

    EmailKind(String key, boolean strictlyTransactional, List<String> variableNames) {
        this.key = key;
        this.strictlyTransactional = strictlyTransactional;
        this.variableNames = variableNames;
    }

    /** @return the template key, e.g. {@code credits_receipt} */
    public String key() {
        return key;
    }

    /** @return true when the email carries no unsubscribe link */
    public boolean strictlyTransactional() {
        return strictlyTransactional;
    }

    /** @return the email's own variable names (the standard ones come on top) */
    public List<String> variableNames() {
        return variableNames;
    }
}
