package com.rabaislocal.sdk.make.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run on demand: the scenario's inputs and whether to wait for the outcome. Immutable.
 *
 * @param data the inputs, keyed by the scenario interface's input names (a JSON object; empty for none)
 * @param responsive true to wait for the execution (Make waits up to 40 s, then fails the call while the scenario
 *     keeps running); false (default) to return at once with the execution id and status URL. Always sent.
 * @param callbackUrl where Make POSTs {@code {executionId, statusUrl}} when the run ends; empty for none
 */
public record RunParams(ObjectNode data, boolean responsive, Optional<URI> callbackUrl) {

    /** @return a run without inputs, not responsive */
    public static RunParams defaults() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the JSON body Make's {@code POST /scenarios/{id}/run} takes */
    public ObjectNode body() {
        ObjectNode b = SdkJson.mapper().createObjectNode();
        if (!data.isEmpty()) {
            b.set("data", data.deepCopy());
        }
        b.put("responsive", responsive);
        callbackUrl.ifPresent(u -> b.put("callbackUrl", u.toString()));
        return b;
    }

    /** Names the options; the inputs (which may hold personal data) are shown only by name. */
    @Override
    public String toString() {
        List<String> names = new java.util.ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        return "RunParams{data=" + names + ", responsive=" + responsive + ", callback=" + callbackUrl.isPresent() + '}';
    }

    /** Builds {@link RunParams}; {@link #build()} validates. */
    public static final class Builder {
        private Object data;
        private boolean responsive;
        private String callbackUrl;

        private Builder() {
        }

        /**
         * Sets the scenario's inputs, keyed by the names of its scenario interface.
         *
         * @param data a map, record or {@link JsonNode} that serialises to a JSON object; default none (no {@code data}
         *     field is sent)
         * @return this builder
         */
        public Builder data(Object data) {
            this.data = data;
            return this;
        }

        /**
         * Says whether to wait for the outcome.
         *
         * @param responsive default false
         * @return this builder
         */
        public Builder responsive(boolean responsive) {
            this.responsive = responsive;
            return this;
        }

        /**
         * Sets where Make POSTs {@code {executionId, statusUrl}} when the run ends.
         *
         * @param callbackUrl an https URL; default none (no callback)
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the params
         * @throws ValidationException naming every invalid field
         */
        public RunParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            ObjectNode node = SdkJson.mapper().createObjectNode();
            if (data != null) {
                JsonNode tree;
                try {
                    tree = SdkJson.mapper().valueToTree(data);
                } catch (IllegalArgumentException e) {
                    tree = null;
                    errors.put("data", List.of("cannot be written as JSON: " + e.getMessage()));
                }
                if (tree != null && !tree.isObject()) {
                    errors.put("data", List.of("must be a JSON object keyed by input names, was " + tree.getNodeType()));
                } else if (tree != null) {
                    node = (ObjectNode) tree;
                }
            }
            URI callback = null;
            if (callbackUrl != null) {
                try {
                    callback = URI.create(callbackUrl.strip());
                    if (!"https".equalsIgnoreCase(callback.getScheme()) || callback.getHost() == null) {
                        errors.put("callbackUrl", List.of("must be an absolute https URL"));
                    }
                } catch (IllegalArgumentException e) {
                    errors.put("callbackUrl", List.of("is not a URL"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("run params", errors);
            }
            return new RunParams(node, responsive, Optional.ofNullable(callback));
        }
    }
}
