package com.rabaislocal.sdk.webhooks;

/**
 * The application's part: what to do with an authenticated, validated, first-seen event. Return
 * {@link HandlerResult#processed()} when done, or {@link HandlerResult#later(HandlerResult.Work)} to have the receiver
 * acknowledge at once (202) and run the rest in the background. A thrown exception answers 500 without its message
 * and lets the sender's retry through.
 */
@FunctionalInterface
public interface WebhookHandler {

    /**
     * Handles one event.
     *
     * @param event the event
     * @return processed, or work to run after the acknowledgement
     * @throws Exception when the event could not be handled
     */
    HandlerResult handle(WebhookEvent event) throws Exception;
}
