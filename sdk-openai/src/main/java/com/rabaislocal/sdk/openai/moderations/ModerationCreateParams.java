package com.rabaislocal.sdk.openai.moderations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /moderations}. {@link #toString()} counts the inputs, never shows them.
 *
 * @param model e.g. {@code omni-moderation-latest}, or null for OpenAI's default
 * @param input the texts to judge, at least one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationCreateParams(@JsonProperty("model") String model, @JsonProperty("input") List<String> input) {

    /** The model used when none is given. */
    public static final String DEFAULT_MODEL = "omni-moderation-latest";

    /**
     * Checks the values.
     *
     * @param model e.g. {@code omni-moderation-latest}, or null for OpenAI's default
     * @param input the texts to judge, at least one
     * @throws ValidationException listing every failing field
     */
    public ModerationCreateParams {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (input == null || input.isEmpty()) {
            errors.put("input", List.of("needs at least one text"));
        } else if (input.stream().anyMatch(s -> s == null)) {
            errors.put("input", List.of("must not contain null"));
        }
        if (model != null && model.isBlank()) {
            errors.put("model", List.of("must not be blank (e.g. omni-moderation-latest)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("moderation params", errors);
        }
        input = List.copyOf(input);
    }

    /**
     * Params for texts with the default model.
     *
     * @param texts the texts
     * @return the params
     */
    public static ModerationCreateParams of(String... texts) {
        return new ModerationCreateParams(DEFAULT_MODEL, new ArrayList<>(List.of(texts)));
    }

    @Override
    public String toString() {
        return "ModerationCreateParams{model=" + model + ", inputs=" + input.size() + '}';
    }
}
