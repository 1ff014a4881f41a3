package com.rabaislocal.sdk.openai.embeddings;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /embeddings}: a batch of texts. {@link #toString()} counts the inputs, never shows them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class EmbeddingCreateParams {

    /** The largest batch OpenAI takes. */
    public static final int MAX_INPUTS = 2048;

    /** How vectors travel. */
    public enum Encoding {
        /** JSON arrays of numbers (the default). */
        FLOAT("float"),
        /** Base64 of little-endian 32-bit floats: about a quarter of the bytes. */
        BASE64("base64");

        private final String wire;

        Encoding(String wire) {
            this.wire = wire;
        }

        /** @return the wire value */
        public String wire() {
            return wire;
        }
    }

    @JsonProperty("model")
    private final String model;
    @JsonProperty("input")
    private final List<String> input;
    @JsonProperty("dimensions")
    private final Integer dimensions;
    @JsonProperty("encoding_format")
    private final String encodingFormat;
    @JsonProperty("user")
    private final String user;
    private final Encoding encoding;

    private EmbeddingCreateParams(Builder b) {
        this.model = b.model;
        this.input = List.copyOf(b.input);
        this.dimensions = b.dimensions;
        this.encoding = b.encoding;
        this.encodingFormat = b.encoding == null ? null : b.encoding.wire();
        this.user = b.user;
    }

    /** @return a builder; model and at least one input are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the model */
    public String model() {
        return model;
    }

    /** @return the inputs, in order */
    public List<String> input() {
        return input;
    }

    /** @return the requested dimensions, or null for the model's */
    public Integer dimensions() {
        return dimensions;
    }

    /** @return the encoding asked for, or null for OpenAI's default (float) */
    public Encoding encoding() {
        return encoding;
    }

    @Override
    public String toString() {
        return "EmbeddingCreateParams{model=" + model + ", inputs=" + input.size() + ", dimensions=" + dimensions
                + ", encoding=" + encoding + '}';
    }

    /** Builds {@link EmbeddingCreateParams}. */
    public static final class Builder {
        private String model;
        private final List<String> input = new ArrayList<>();
        private Integer dimensions;
        private Encoding encoding;
        private String user;

        private Builder() {
        }

        /**
         * Sets the model.
         *
         * @param model {@code text-embedding-3-small}, {@code text-embedding-3-large} or
         *     {@code text-embedding-ada-002}; required
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Adds an input.
         *
         * @param text a non-empty text (at most 8192 tokens)
         * @return this builder
         */
        public Builder input(String text) {
            input.add(text);
            return this;
        }

        /**
         * Adds inputs.
         *
         * @param texts the texts, in order; at most 2048 in all
         * @return this builder
         */
        public Builder inputs(List<String> texts) {
            input.addAll(texts);
            return this;
        }

        /**
         * Sets the vectors' length (3-series models only).
         *
         * @param dimensions positive; null for the model's full length
         * @return this builder
         */
        public Builder dimensions(Integer dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /**
         * Sets how vectors travel; both give the same {@code float[]}.
         *
         * @param encoding float or base64; null for float
         * @return this builder
         */
        public Builder encoding(Encoding encoding) {
            this.encoding = encoding;
            return this;
        }

        /**
         * Sets {@code user}, a stable hashed id of the end user.
         *
         * @param user the id, or null
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the params
         * @throws ValidationException listing every failing field
         */
        public EmbeddingCreateParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (model == null || model.isBlank()) {
                errors.put("model", List.of("is required (e.g. text-embedding-3-small)"));
            }
            if (input.isEmpty()) {
                errors.put("input", List.of("needs at least one text"));
            } else if (input.size() > MAX_INPUTS) {
                errors.put("input", List.of("at most " + MAX_INPUTS + " texts per request, had " + input.size()));
            }
            for (int i = 0; i < input.size() && i < MAX_INPUTS; i++) {
                if (input.get(i) == null || input.get(i).isEmpty()) {
                    errors.computeIfAbsent("input[" + i + "]", k -> new ArrayList<>()).add("must not be empty");
                }
            }
            if (dimensions != null && dimensions <= 0) {
                errors.put("dimensions", List.of("must be positive, was " + dimensions));
            }
            if (dimensions != null && model != null && model.startsWith("text-embedding-ada-002")) {
                errors.put("dimensions", List.of("is supported by the text-embedding-3 models only"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("embedding params", errors);
            }
            return new EmbeddingCreateParams(this);
        }
    }
}
