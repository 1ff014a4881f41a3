package com.rabaislocal.sdk.webhooks;

import java.util.Objects;

/** What a {@link WebhookHandler} asks of the receiver: answer now (processed), or acknowledge and run work later. */
public final class HandlerResult {

    private static final HandlerResult PROCESSED = new HandlerResult(null);

    /** Work run on the receiver's executor after the 202 acknowledgement. */
    @FunctionalInterface
    public interface Work {
        /**
         * Runs the work.
         *
         * @throws Exception when it fails (logged by type; the claim on the event id is released)
         */
        void run() throws Exception;
    }

    private final Work work;

    private HandlerResult(Work work) {
        this.work = work;
    }

    /** @return the event was handled: answer 200 {@code accepted} */
    public static HandlerResult processed() {
        return PROCESSED;
    }

    /**
     * Acknowledge now (202 {@code queued}) and run the work in the background.
     *
     * @param work the work
     * @return the result
     */
    public static HandlerResult later(Work work) {
        return new HandlerResult(Objects.requireNonNull(work, "work"));
    }

    /** @return the deferred work, or null when processed */
    Work work() {
        return work;
    }
}
