package com.rabaislocal.sdk.openai.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    enum Category { FOOD, @JsonProperty("home_garden") HOME_GARDEN }

    record Price(@JsonProperty("amount_cents") long amountCents, String currency) { }

    record Deal(@JsonPropertyDescription("the offer's title") String title, Category category, Price price,
                List<String> tags, List<Price> history, Optional<String> coupon, Optional<Price> previous,
                Integer stock) { }

    record WithMap(Map<String, String> labels) { }

    @Test
    void nestedRecordsEnumsListsAndOptionalsMeetTheStrictRules() throws Exception {
        ObjectNode s = JsonSchemas.strictSchema(Deal.class);
        assertEquals(List.of(), JsonSchemas.strictProblems(s));
        assertFalse(s.has("$schema"));
        assertEquals("object", s.get("type").asText());
        assertFalse(s.get("additionalProperties").asBoolean());
        assertEquals(List.of("title", "category", "price", "tags", "history", "coupon", "previous", "stock"),
                names(s.get("required")));
        JsonNode p = s.get("properties");
        assertEquals("the offer's title", p.get("title").get("description").asText());
        assertEquals(List.of("FOOD", "home_garden"), names(p.get("category").get("enum")));
        JsonNode price = resolve(s, p.get("price"));
        assertEquals(List.of("amount_cents", "currency"), names(price.get("required")));
        assertFalse(price.get("additionalProperties").asBoolean());
        assertEquals("array", p.get("tags").get("type").asText());
        assertEquals("string", p.get("tags").get("items").get("type").asText());
        assertFalse(resolve(s, p.get("history").get("items")).get("additionalProperties").asBoolean());
        // Optional fields: still required, but may be null.
        assertTrue(allowsNull(p.get("coupon")), p.get("coupon").toString());
        assertTrue(allowsNull(p.get("previous")), p.get("previous").toString());
        assertFalse(allowsNull(p.get("title")));
    }

    @Test
    void boundBackFromAnAnswerThatFollowsTheSchema() throws Exception {
        Deal d = SdkJson.mapper().readValue("{\"title\":\"Pain\",\"category\":\"home_garden\",\"price\":"
                + "{\"amount_cents\":250,\"currency\":\"CAD\"},\"tags\":[\"bio\"],\"history\":[],\"coupon\":null,"
                + "\"previous\":null,\"stock\":3}", Deal.class);
        assertEquals(Category.HOME_GARDEN, d.category());
        assertEquals(Optional.empty(), d.coupon());
        assertEquals(250, d.price().amountCents());
    }

    @Test
    void aMapOrANonObjectTypeIsRefusedWithTheReason() {
        ValidationException e = assertThrows(ValidationException.class, () -> JsonSchemas.strictSchema(WithMap.class));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
        assertThrows(ValidationException.class, () -> JsonSchemas.strictSchema(String.class));
    }

    @Test
    void eachCallReturnsACopy() {
        ObjectNode a = JsonSchemas.strictSchema(Price.class);
        a.put("changed", true);
        assertFalse(JsonSchemas.strictSchema(Price.class).has("changed"));
    }

    /** Follows a local {@code $ref} into {@code $defs}. */
    static JsonNode resolve(JsonNode root, JsonNode n) {
        JsonNode ref = n.get("$ref");
        return ref == null ? n : root.at(ref.asText().substring(1));
    }

    static boolean allowsNull(JsonNode n) {
        JsonNode t = n.get("type");
        if (t != null && t.isArray()) {
            for (JsonNode v : t) {
                if (v.asText().equals("null")) {
                    return true;
                }
            }
        }
        JsonNode any = n.has("anyOf") ? n.get("anyOf") : n.get("oneOf");
        if (any != null) {
            for (JsonNode v : any) {
                if ("null".equals(v.path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> names(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(v -> out.add(v.asText()));
        return out;
    }
}
