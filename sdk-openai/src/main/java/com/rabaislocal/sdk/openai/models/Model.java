package com.rabaislocal.sdk.openai.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model the key can use.
 *
 * @param id e.g. {@code gpt-4o-mini}
 * @param object {@code model}
 * @param created creation time, Unix seconds
 * @param ownedBy {@code owned_by}, e.g. {@code openai} or {@code system}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Model(@JsonProperty("id") String id, @JsonProperty("object") String object,
                    @JsonProperty("created") long created, @JsonProperty("owned_by") String ownedBy) {
}
