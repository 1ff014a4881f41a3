package com.rabaislocal.sdk.goaffpro.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reward (a bonus or a commission credited to an affiliate), as {@code GET /admin/rewards} answers it.
 */
public final class Reward extends RawModel {

    /** The fields asked for by default: everything this model reads. */
    public static final List<String> DEFAULT_FIELDS = List.of("id", "affiliate_id", "amount", "metadata", "status",
            "type", "created_at", "updated_at", "level", "order_id");

    private final String id;
    private final String affiliateId;
    private final BigDecimal amount;
    private final RewardStatus status;
    private final RewardType type;
    private final Long level;
    private final String orderId;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Reward(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.amount = Lenient.money(raw, "amount");
        this.status = RewardStatus.of(Lenient.text(raw, "status"));
        this.type = RewardType.of(Lenient.text(raw, "type"));
        this.level = Lenient.integer(raw, "level");
        this.orderId = Lenient.id(raw, "order_id");
        this.createdAt = Lenient.instant(raw, "created_at");
        this.updatedAt = Lenient.instant(raw, "updated_at");
    }

    /**
     * Reads a reward object.
     *
     * @param node the object
     * @return the reward
     * @throws Lenient.BadValue when a field cannot be read
     */
    public static Reward from(JsonNode node) {
        return new Reward(node);
    }

    /** @return the id, never null */
    public String id() {
        return id;
    }

    /** @return the affiliate credited */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return the amount, exact (negative for a clawback) */
    public BigDecimal amount() {
        return amount;
    }

    /** @return the status */
    public RewardStatus status() {
        return status;
    }

    /** @return the type */
    public RewardType type() {
        return type;
    }

    /** @return the network level (1 for the affiliate's own), or null */
    public Long level() {
        return level;
    }

    /** @return the order the reward is for, or null */
    public String orderId() {
        return orderId;
    }

    /** @return the free metadata, raw (a text or an object) */
    public Optional<JsonNode> metadata() {
        return field("metadata");
    }

    /** @return when it was credited */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Reward{id=" + id + ", type=" + type + ", amount=" + amount + ", status=" + status + '}';
    }
}
