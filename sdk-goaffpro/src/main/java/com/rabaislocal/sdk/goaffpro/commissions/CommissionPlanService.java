package com.rabaislocal.sdk.goaffpro.commissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.goaffpro.WriteResult;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The commission plan's special rates on products and collections ({@code /admin/commissions}). A cheap view;
 * thread-safe.
 */
public final class CommissionPlanService {

    private static final String PATH = "/admin/commissions";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public CommissionPlanService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /** @return every special rate */
    public List<SpecialCommission> list() {
        return calls.list(Requests.get("commissions.list", PATH).build(), "commissions", SpecialCommission::from);
    }

    /**
     * Sets a special rate on a product or collection.
     *
     * @param target {@code product} or {@code collection}
     * @param targetId the store's product or collection id
     * @param type {@code percentage} or {@code flat_rate}
     * @param value the rate, not negative
     * @param affiliateId only for this affiliate, or null for everyone
     * @return GoAffPro's answer
     */
    public WriteResult create(String target, String targetId, String type, BigDecimal value, String affiliateId) {
        if (!"product".equals(target) && !"collection".equals(target)) {
            throw new ValidationException("target", "must be product or collection, was " + target);
        }
        if (!"percentage".equals(type) && !"flat_rate".equals(type)) {
            throw new ValidationException("commission_type", "must be percentage or flat_rate, was " + type);
        }
        if (value == null || value.signum() < 0) {
            throw new ValidationException("commission_value", "must be set and not negative");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode().put(target, Requests.id("targetId", targetId))
                .put("commission_type", type).put("commission_value", value);
        if (affiliateId != null) {
            body.put("affiliate_id", Requests.id("affiliateId", affiliateId));
        }
        return calls.call(Requests.post("commissions.create", PATH).jsonBody(body).build(),
                root -> WriteResult.from(root, "commission_id"));
    }

    /**
     * Removes a special rate.
     *
     * @param id the rate id
     * @return GoAffPro's answer
     */
    public WriteResult delete(String id) {
        return calls.call(Requests.delete("commissions.delete", PATH).pathSegment(Requests.id("id", id)).build(),
                root -> WriteResult.from(root, null));
    }

    /**
     * Searches the store's products (up to 250), to pick a target.
     *
     * @param keyword the text to look for
     * @return the products, raw
     */
    public List<JsonNode> products(String keyword) {
        return catalogue("products", keyword);
    }

    /**
     * Searches the store's collections.
     *
     * @param keyword the text to look for
     * @return the collections, raw
     */
    public List<JsonNode> collections(String keyword) {
        return catalogue("collections", keyword);
    }

    private List<JsonNode> catalogue(String kind, String keyword) {
        SdkRequest r = Requests.get("commissions." + kind, PATH + "/" + kind)
                .query("keyword", Requests.id("keyword", keyword)).build();
        return calls.list(r, kind, Function.identity());
    }
}
