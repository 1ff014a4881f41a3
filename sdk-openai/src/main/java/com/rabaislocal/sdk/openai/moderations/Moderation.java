package com.rabaislocal.sdk.openai.moderations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabaislocal.sdk.openai.ResponseMeta;
import java.util.List;

/**
 * A moderation answer: one result per input, in input order.
 *
 * @param id e.g. {@code modr-...}
 * @param model the model that judged
 * @param results one per input
 * @param meta the answer's request id and rate limits
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Moderation(@JsonProperty("id") String id, @JsonProperty("model") String model,
                         @JsonProperty("results") List<ModerationResult> results, @JsonIgnore ResponseMeta meta) {

    /** Null values become empty.
     * @param id e.g. {@code modr-...}
     * @param model the model that judged
     * @param results one per input
     * @param meta the answer's request id and rate limits */
    public Moderation {
        results = results == null ? List.of() : results;
        meta = meta == null ? ResponseMeta.NONE : meta;
    }

    /** @return whether any input was flagged */
    public boolean flagged() {
        return results.stream().anyMatch(ModerationResult::flagged);
    }
}
