package com.rabaislocal.sdk.goaffpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.util.Optional;

/**
 * What GoAffPro answered to a write whose answer is a small, loosely documented object ({@code {"success":true}},
 * {@code {"id": 7}}, {@code {"order_id": "..."}}): the id when one was sent, and the raw answer.
 *
 * @param id the created or changed record's id ({@code id}, else {@code <resource>_id}), when sent
 * @param raw the answer as sent
 */
public record WriteResult(Optional<String> id, JsonNode raw) {

    /**
     * Reads a write's answer.
     *
     * @param root the answer
     * @param idKey the resource's own id key, e.g. {@code order_id}, or null
     * @return the result
     * @throws Lenient.BadValue when an id is present but not an id
     */
    public static WriteResult from(JsonNode root, String idKey) {
        String id = Lenient.id(root, "id");
        if (id == null && idKey != null) {
            id = Lenient.id(root, idKey);
        }
        return new WriteResult(Optional.ofNullable(id), root.deepCopy());
    }
}
