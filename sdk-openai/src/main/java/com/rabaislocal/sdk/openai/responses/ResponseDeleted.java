package com.rabaislocal.sdk.openai.responses;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a delete.
 *
 * @param id the deleted response's id
 * @param object {@code response}
 * @param deleted true
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseDeleted(@JsonProperty("id") String id, @JsonProperty("object") String object,
                              @JsonProperty("deleted") boolean deleted) {
}
