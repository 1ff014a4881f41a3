package com.rabaislocal.sdk.openai;

import java.util.Optional;

/**
 * What an answer's headers said beside its body: OpenAI's request id ({@code x-request-id}, to quote when
 * reporting a problem to OpenAI) and the {@link RateLimits rate-limit values}. Immutable.
 *
 * @param requestId the request id, or null when the answer carried none
 * @param rateLimits the rate-limit values, {@link RateLimits#NONE} when none were sent
 */
public record ResponseMeta(String requestId, RateLimits rateLimits) {

    /** The meta of an answer that carried no header of interest (or was built by hand). */
    public static final ResponseMeta NONE = new ResponseMeta(null, RateLimits.NONE);

    /** @return the request id, when sent */
    public Optional<String> requestIdValue() {
        return Optional.ofNullable(requestId);
    }
}
