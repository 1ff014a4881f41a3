package com.rabaislocal.sdk.goaffpro.rewards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.WriteResult;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.math.BigDecimal;
import java.util.List;

/** The rewards ({@code /admin/rewards}): bonuses and commissions. A cheap view over the client; thread-safe. */
public final class RewardService {

    private static final String PATH = "/admin/rewards";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public RewardService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks every reward matching the filters, by {@code since_id}.
     *
     * @param params the filters
     * @return the lazy walk, with the same stops as every listing
     */
    public AutoPager<Reward> list(RewardListParams params) {
        return calls.keysetPager("goaffpro rewards", params.limit(), Reward::id,
                (after, limit) -> page(params, after).items());
    }

    /**
     * Fetches one page.
     *
     * @param params the filters
     * @param sinceId the last id of the previous page, or null for the params' own start
     * @return the page
     */
    public Page<Reward> page(RewardListParams params, String sinceId) {
        return calls.keysetPage(params.writeTo(Requests.get("rewards.list", PATH), Reward.DEFAULT_FIELDS),
                sinceId != null ? sinceId : params.sinceId(), params.limit(), "rewards", Reward::from, Reward::id);
    }

    /**
     * Lists the rewards tied to an order: the check to make before re-sending a {@link #create(List)} whose
     * answer was lost.
     *
     * @param orderId GoAffPro's order id
     * @return the rewards for it, empty when none
     */
    public List<Reward> findForOrder(String orderId) {
        return list(RewardListParams.builder().orderId(Requests.id("orderId", orderId)).build()).toList();
    }

    /**
     * Credits rewards in one call. Sent once: never re-sent after it may have reached GoAffPro.
     *
     * @param rewards one or more rewards
     * @return GoAffPro's answer ({@code {"success": true}})
     */
    public WriteResult create(List<RewardCreateParams> rewards) {
        if (rewards == null || rewards.isEmpty()) {
            throw new ValidationException("rewards", "needs at least one reward");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode();
        ArrayNode array = body.putArray("rewards");
        rewards.forEach(r -> array.add(r.body()));
        return calls.call(Requests.post("rewards.create", PATH).jsonBody(body).build(),
                root -> WriteResult.from(root, "reward_id"));
    }

    /**
     * Changes a reward's amount or status ({@code PATCH}).
     *
     * @param id the reward id
     * @param amount the new amount, or null
     * @param status the new status, or null
     * @return GoAffPro's answer
     */
    public WriteResult update(String id, BigDecimal amount, RewardStatus status) {
        if (amount == null && status == null) {
            throw new ValidationException("reward update", "set the amount, the status or both");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode();
        if (amount != null) {
            body.put("amount", amount);
        }
        if (status != null) {
            body.put("status", status.value());
        }
        SdkRequest r = Requests.patch("rewards.update", PATH).pathSegment(Requests.id("id", id)).jsonBody(body)
                .build();
        return calls.call(r, root -> WriteResult.from(root, "reward_id"));
    }

    /**
     * Deletes a reward.
     *
     * @param id the reward id
     * @return GoAffPro's answer
     */
    public WriteResult delete(String id) {
        return calls.call(Requests.delete("rewards.delete", PATH).pathSegment(Requests.id("id", id)).build(),
                root -> WriteResult.from(root, null));
    }
}
