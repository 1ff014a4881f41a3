package com.rabaislocal.sdk.goaffpro.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.RawModel;

/**
 * The commission rates that apply to one affiliate ({@code GET /admin/affiliates/{id}/commissions}): the standard
 * rate, the special rates on products or collections, and the network royalties. Only the standard rate has a
 * documented shape; the others are reachable raw.
 */
public final class AffiliateCommissions extends RawModel {

    private final Commission standard;

    private AffiliateCommissions(JsonNode raw) {
        super(raw);
        JsonNode s = raw.get("standard");
        this.standard = s != null && s.isObject() ? Commission.from(s) : null;
    }

    /**
     * Reads the {@code commissions} object.
     *
     * @param node the object
     * @return the commissions
     */
    public static AffiliateCommissions from(JsonNode node) {
        return new AffiliateCommissions(node);
    }

    /** @return the standard rate, or null when not sent as an object */
    public Commission standard() {
        return standard;
    }

    /** @return the special rates, raw (empty when absent) */
    public java.util.Optional<JsonNode> special() {
        return field("special");
    }

    /** @return the network royalties, raw (empty when absent) */
    public java.util.Optional<JsonNode> royalties() {
        return field("royalties");
    }
}
