package com.rabaislocal.sdk.openai.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.CallOptions;
import com.rabaislocal.sdk.openai.internal.OpenAiHttp;
import java.util.List;

/**
 * The models ({@code GET /models}, {@code GET /models/{id}}). OpenAI answers the whole list at once (no paging),
 * so {@link #list()} returns a list. A cheap view, thread-safe.
 */
public final class ModelService {

    private final OpenAiHttp http;

    /**
     * Creates the service.
     *
     * @param http the client's sender
     */
    public ModelService(OpenAiHttp http) {
        this.http = http;
    }

    /** @return every model the key can use */
    public List<Model> list() {
        return list(CallOptions.NONE);
    }

    /**
     * Lists the models with per-call settings (a health check's short deadline).
     *
     * @param options timeout, deadline, headers
     * @return every model the key can use
     */
    public List<Model> list(CallOptions options) {
        ModelList l = http.execute(OpenAiHttp.request("GET", "/models", "models.list", options).build(),
                ModelList.class, (v, a) -> {
                    if (v.data() == null) {
                        throw a.unexpected("a model list needs a data array");
                    }
                    return v;
                });
        return List.copyOf(l.data());
    }

    /**
     * Retrieves one model.
     *
     * @param id e.g. {@code gpt-4o-mini}
     * @return the model
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when the key cannot use it
     */
    public Model retrieve(String id) {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required (e.g. gpt-4o-mini)");
        }
        return http.execute(OpenAiHttp.request("GET", "/models", "models.retrieve", CallOptions.NONE)
                .pathSegment(id).build(), Model.class, (m, a) -> {
                    if (m.id() == null) {
                        throw a.unexpected("a model needs an id");
                    }
                    return m;
                });
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelList(@JsonProperty("data") List<Model> data) {
    }
}
