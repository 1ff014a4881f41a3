package com.rabaislocal.sdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A merchant's offer as the {@code offers} table returns it through PostgREST: the small JSON object both sides of
 * the benchmarks bind to.
 *
 * @param id the offer id
 * @param merchantId the merchant's id
 * @param title short title, may hold accented letters
 * @param description longer text, may hold accented letters
 * @param discount the discount in percent, e.g. {@code 50.00}
 * @param startsAt when the offer opens, with the merchant's offset
 * @param endsAt when the offer closes, with the merchant's offset
 * @param status {@code draft}, {@code active} or {@code expired}
 * @param city the merchant's city
 */
public record Offer(
        long id,
        @JsonProperty("merchant_id") UUID merchantId,
        String title,
        String description,
        BigDecimal discount,
        @JsonProperty("starts_at") OffsetDateTime startsAt,
        @JsonProperty("ends_at") OffsetDateTime endsAt,
        String status,
        String city) {
}
