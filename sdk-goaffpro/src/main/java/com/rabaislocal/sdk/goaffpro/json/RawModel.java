package com.rabaislocal.sdk.goaffpro.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The base of GoAffPro's models: the typed accessors read at construction, and the raw JSON object kept, since
 * GoAffPro adds and renames fields without notice and a caller may have asked for fields the model does not know
 * (see {@code ListParams.Base#fields(String...)}). Immutable: the raw node is copied in and out.
 */
public abstract class RawModel {

    private final JsonNode raw;

    /**
     * Keeps the raw object.
     *
     * @param raw the object as GoAffPro sent it
     */
    protected RawModel(JsonNode raw) {
        this.raw = raw.deepCopy();
    }

    /** @return a copy of the object as GoAffPro sent it, every field included */
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * Returns one field the model has no accessor for (or any field, raw).
     *
     * @param name the GoAffPro field name, e.g. {@code extra_1}
     * @return a copy of its value, empty when absent or null
     */
    public Optional<JsonNode> field(String name) {
        JsonNode v = raw.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.deepCopy());
    }
}
