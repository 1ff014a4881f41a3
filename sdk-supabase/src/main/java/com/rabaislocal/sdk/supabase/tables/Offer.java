package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code offers} (module C): a merchant's offer, either a percentage or an amount off, soft-deleted
 * through {@code deleted_at}. An offer is live when it is active, not deleted and inside its window.
 *
 * @param id the primary key; null on a new row (the repository then picks a random UUID)
 * @param merchantId {@code merchant_id}: the merchant's user id; required
 * @param title not blank, at most 200 characters; required
 * @param description at most 5000 characters, or null
 * @param discountPercent {@code discount_percent}: more than 0 and at most 100, at most two
 *     decimals; exactly one of the two discount columns is set
 * @param discountAmountCents {@code discount_amount_cents}: more than 0, in cents; exactly one
 *     of the two discount columns is set
 * @param startsAt {@code starts_at}: when the offer starts; null on insert for the database time
 * @param endsAt {@code ends_at}: after {@code starts_at}, or null for an open-ended offer
 * @param status {@code draft} (the default when null on insert), {@code active} or {@code expired}
 * @param city not blank, at most 100 characters; required
 * @param createdAt {@code created_at}: set by the database
 * @param updatedAt {@code updated_at}: set by the database on every change
 * @param deletedAt {@code deleted_at}: when the offer was soft-deleted, or null; changed only by
 *     softDelete and restore
 * @param deletedBy {@code deleted_by}: who soft-deleted it, set by a database trigger; or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Offer(
        @JsonProperty("id") UUID id,
        @JsonProperty("merchant_id") UUID merchantId,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("discount_percent") BigDecimal discountPercent,
        @JsonProperty("discount_amount_cents") Integer discountAmountCents,
        @JsonProperty("starts_at") Instant startsAt,
        @JsonProperty("ends_at") Instant endsAt,
        @JsonProperty("status") OfferStatus status,
        @JsonProperty("city") String city,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("deleted_at") Instant deletedAt,
        @JsonProperty("deleted_by") UUID deletedBy) {

    /** The table name. */
    public static final String TABLE = "offers";

    /** @return a builder for a new row, every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this row's values, to change some and build the row of an update */
    public Builder toBuilder() {
        return new Builder().id(id).merchantId(merchantId).title(title).description(description)
                .discountPercent(discountPercent).discountAmountCents(discountAmountCents).startsAt(startsAt)
                .endsAt(endsAt).status(status).city(city).createdAt(createdAt).updatedAt(updatedAt)
                .deletedAt(deletedAt).deletedBy(deletedBy);
    }

    /** @return whether the offer is soft-deleted ({@code deleted_at} is set) */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Collects the values of a {@link Offer}; the repository validates the row before sending it. Not
     * thread-safe.
     */
    public static final class Builder extends SoftDeletableRowBuilder<Builder> {
        private UUID merchantId;
        private String title;
        private String description;
        private BigDecimal discountPercent;
        private Integer discountAmountCents;
        private Instant startsAt;
        private Instant endsAt;
        private OfferStatus status;
        private String city;

        private Builder() {
        }

        /**
         * Sets {@code merchant_id}.
         *
         * @param merchantId the merchant's user id; required
         * @return this builder
         */
        public Builder merchantId(UUID merchantId) {
            this.merchantId = merchantId;
            return this;
        }

        /**
         * Sets {@code title}.
         *
         * @param title not blank, at most 200 characters; required
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description at most 5000 characters, or null
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code discount_percent}.
         *
         * @param discountPercent more than 0 and at most 100, at most two decimals; exactly one of the two discount
         *     columns is set
         * @return this builder
         */
        public Builder discountPercent(BigDecimal discountPercent) {
            this.discountPercent = discountPercent;
            return this;
        }

        /**
         * Sets {@code discount_amount_cents}.
         *
         * @param discountAmountCents more than 0, in cents; exactly one of the two discount columns is set
         * @return this builder
         */
        public Builder discountAmountCents(Integer discountAmountCents) {
            this.discountAmountCents = discountAmountCents;
            return this;
        }

        /**
         * Sets {@code starts_at}.
         *
         * @param startsAt when the offer starts; null on insert for the database time
         * @return this builder
         */
        public Builder startsAt(Instant startsAt) {
            this.startsAt = startsAt;
            return this;
        }

        /**
         * Sets {@code ends_at}.
         *
         * @param endsAt after {@code starts_at}, or null for an open-ended offer
         * @return this builder
         */
        public Builder endsAt(Instant endsAt) {
            this.endsAt = endsAt;
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param status {@link OfferStatus#DRAFT} (the default when null on insert), {@link OfferStatus#ACTIVE} or
         *     {@link OfferStatus#EXPIRED}
         * @return this builder
         */
        public Builder status(OfferStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets {@code city}.
         *
         * @param city not blank, at most 100 characters; required
         * @return this builder
         */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /**
         * Creates the row; it is validated by the repository, not here.
         *
         * @return the row
         */
        public Offer build() {
            return new Offer(id, merchantId, title, description, discountPercent, discountAmountCents, startsAt,
                    endsAt, status, city, createdAt, updatedAt, deletedAt, deletedBy);
        }
    }
}
