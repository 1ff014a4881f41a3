package com.rabaislocal.sdk.openai.moderations;

import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.internal.OpenAiHttp;

/**
 * Moderations ({@code POST /moderations}): whether texts break OpenAI's usage policies. Free of charge; retried
 * like generations (nothing changes on the server). A cheap view, thread-safe.
 */
public final class ModerationService {

    private final OpenAiHttp http;

    /**
     * Creates the service.
     *
     * @param http the client's sender
     */
    public ModerationService(OpenAiHttp http) {
        this.http = http;
    }

    /**
     * Judges texts.
     *
     * @param params the texts and the model
     * @return one result per text, in order
     */
    public Moderation create(ModerationCreateParams params) {
        return create(params, CallOptions.NONE);
    }

    /**
     * Judges texts with per-call settings.
     *
     * @param params the texts and the model
     * @param options timeout, deadline, headers
     * @return one result per text, in order
     */
    public Moderation create(ModerationCreateParams params, CallOptions options) {
        return http.execute(OpenAiHttp.request("POST", "/moderations", "moderations.create", options)
                .jsonBody(params).repeatable(true).build(), Moderation.class, (m, a) -> {
                    if (m.results().size() != params.input().size()) {
                        throw a.unexpected("expected " + params.input().size() + " results, got " + m.results().size());
                    }
                    return new Moderation(m.id(), m.model(), m.results(), a.meta());
                });
    }
}
