package com.rabaislocal.sdk.openai.chat;

import java.util.Optional;

/**
 * A completion whose answer was asked for as a JSON schema, with the answer bound to the record. When the model
 * refused, there is no value: {@link #refusal()} holds the refusal and {@link #value()} throws.
 *
 * @param completion the whole completion
 * @param parsed the bound answer, or null after a refusal
 * @param <T> the record
 */
public record StructuredCompletion<T>(ChatCompletion completion, T parsed) {

    /** @return the refusal, when the model refused */
    public Optional<String> refusal() {
        return completion.refusal();
    }

    /**
     * Returns the bound answer.
     *
     * @return the value
     * @throws ModelRefusalException when the model refused
     */
    public T value() {
        if (parsed == null) {
            throw new ModelRefusalException("the requested schema",
                    refusal().orElse(""));
        }
        return parsed;
    }
}
