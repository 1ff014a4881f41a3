package com.rabaislocal.sdk.mailersend.suppressions;

import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;

/**
 * The suppression lists. A cheap view; thread-safe.
 */
public final class SuppressionService {

    private final SuppressionList blocklist;
    private final SuppressionList hardBounces;
    private final SuppressionList spamComplaints;
    private final SuppressionList unsubscribes;
    private final SuppressionList onHold;

    /**
     * @param http the module's calls
     */
    public SuppressionService(MailerSendHttp http) {
        this.blocklist = new SuppressionList(http, SuppressionKind.BLOCKLIST);
        this.hardBounces = new SuppressionList(http, SuppressionKind.HARD_BOUNCES);
        this.spamComplaints = new SuppressionList(http, SuppressionKind.SPAM_COMPLAINTS);
        this.unsubscribes = new SuppressionList(http, SuppressionKind.UNSUBSCRIBES);
        this.onHold = new SuppressionList(http, SuppressionKind.ON_HOLD);
    }

    /**
     * @param kind a list
     * @return its view
     */
    public SuppressionList of(SuppressionKind kind) {
        switch (kind) {
            case BLOCKLIST:
                return blocklist;
            case HARD_BOUNCES:
                return hardBounces;
            case SPAM_COMPLAINTS:
                return spamComplaints;
            case UNSUBSCRIBES:
                return unsubscribes;
            default:
                return onHold;
        }
    }

    /** @return the blocklist (addresses and patterns) */
    public SuppressionList blocklist() {
        return blocklist;
    }

    /** @return the hard bounces */
    public SuppressionList hardBounces() {
        return hardBounces;
    }

    /** @return the spam complaints */
    public SuppressionList spamComplaints() {
        return spamComplaints;
    }

    /** @return the unsubscribes */
    public SuppressionList unsubscribes() {
        return unsubscribes;
    }

    /** @return the on-hold list (list and delete; MailerSend adds to it itself) */
    public SuppressionList onHold() {
        return onHold;
    }
}
