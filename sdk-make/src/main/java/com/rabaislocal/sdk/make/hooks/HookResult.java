package com.rabaislocal.sdk.make.hooks;

/**
 * What a webhook answered to a trigger that it took.
 *
 * @param status the HTTP status (200 for Make's default answer)
 * @param body the answer's text: {@code Accepted} by default, or what a "Webhook response" module sent
 * @param contentType the answer's content type; empty when none
 */
public record HookResult(int status, String body, String contentType) {

    /** Make's default answer: the request was queued (not yet processed). */
    public static final String ACCEPTED = "Accepted";

    /**
     * Tells whether Make only queued the request. Make answers the same when the scenario is switched off (the
     * request waits in the queue), so this says nothing of the scenario's state.
     *
     * @return true for a 200 {@code Accepted}
     */
    public boolean accepted() {
        return status == 200 && ACCEPTED.equals(body.strip());
    }
}
