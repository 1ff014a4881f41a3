package com.rabaislocal.sdk.webhooks.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple validator: the body is well-formed JSON, each required field is present and not null, and, when a class
 * is given, the body binds into it with Jackson (unknown fields are allowed unless the class says otherwise). With no
 * required field and no class it only checks that the body is JSON: the receiver's default.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequiredFieldsPayloadValidator extends JsonPayloadValidator {

    private final List<JsonPointer> required;
    private final Class<?> bindTo;

    private RequiredFieldsPayloadValidator(JsonPointer typeAt, JsonPointer idAt, List<JsonPointer> required,
            Class<?> bindTo) {
        super(typeAt, idAt);
        this.required = required;
        this.bindTo = bindTo;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a validator that only checks that the body is well-formed JSON */
    public static RequiredFieldsPayloadValidator jsonOnly() {
        return builder().build();
    }

    @Override
    protected List<String> problems(JsonNode json, String eventType) {
        List<String> out = new ArrayList<>();
        for (JsonPointer p : required) {
            JsonNode n = json.at(p);
            if (n.isMissingNode() || n.isNull()) {
                out.add(p + ": required");
            }
        }
        return out;
    }

    @Override
    protected Object bind(JsonNode json, String eventType) throws BindingException {
        if (bindTo == null) {
            return null;
        }
        try {
            return MAPPER.treeToValue(json, bindTo);
        } catch (JsonMappingException e) {
            // Jackson's message may quote the value; only the path and the class go out.
            StringBuilder at = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                at.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
            }
            throw new BindingException((at.length() == 0 ? "/" : at) + ": does not bind to "
                    + bindTo.getSimpleName());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BindingException("/: does not bind to " + bindTo.getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "RequiredFieldsPayloadValidator[required=" + required + (bindTo == null ? "" : ", class="
                + bindTo.getSimpleName()) + "]";
    }

    /** Builds a {@link RequiredFieldsPayloadValidator}. */
    public static final class Builder extends JsonPayloadValidator.Builder<Builder> {

        private final List<String> required = new ArrayList<>();
        private Class<?> bindTo;

        private Builder() {
        }

        /**
         * Adds required fields.
         *
         * @param pointers JSON Pointers, e.g. {@code /type}, {@code /data/id}
         * @return this builder
         */
        public Builder require(String... pointers) {
            required.addAll(List.of(pointers));
            return this;
        }

        /**
         * Binds the body into a class (a service module's typed event); the handler gets it from
         * {@link com.rabaislocal.sdk.webhooks.WebhookEvent#payload(Class)}.
         *
         * @param type the class Jackson binds into
         * @return this builder
         */
        public Builder bindTo(Class<?> type) {
            this.bindTo = type;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @return the validator
         * @throws com.rabaislocal.sdk.core.error.ValidationException listing every pointer that is not a JSON Pointer
         */
        public RequiredFieldsPayloadValidator build() {
            Problems p = new Problems();
            JsonPointer type = pointer(eventTypeAt, "eventTypeAt", p);
            JsonPointer id = pointer(eventIdAt, "eventIdAt", p);
            List<JsonPointer> req = new ArrayList<>();
            for (String r : required) {
                JsonPointer jp = pointer(r, "require", p);
                if (jp != null) {
                    req.add(jp);
                }
            }
            p.throwIfAny("required fields validator");
            return new RequiredFieldsPayloadValidator(type, id, List.copyOf(req), bindTo);
        }
    }
}
