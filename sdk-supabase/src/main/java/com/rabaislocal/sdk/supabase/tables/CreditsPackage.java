package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code credits_packages} (module B): a package of credits on sale. Everyone reads the active packages;
 * admins and the service role write. A package that was sold cannot be deleted: deactivate it.
 *
 * @param id the primary key; null on a new row (the repository then picks a random UUID)
 * @param name not blank, at most 100 characters; required
 * @param credits the credits it gives, more than 0; required
 * @param priceCents {@code price_cents}: the price in cents of {@code currency}, 0 or more; required
 * @param currency ISO 4217 code (three upper-case letters); null on insert for {@code CAD}
 * @param active whether it is on sale; null on insert for {@code true}
 * @param createdAt {@code created_at}: set by the database
 * @param updatedAt {@code updated_at}: set by the database on every change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditsPackage(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("credits") Integer credits,
        @JsonProperty("price_cents") Integer priceCents,
        @JsonProperty("currency") String currency,
        @JsonProperty("active") Boolean active,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** The table name. */
    public static final String TABLE = "credits_packages";

    /** @return a builder for a new row, every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this row's values, to change some and build the row of an update */
    public Builder toBuilder() {
        return new Builder().id(id).name(name).credits(credits).priceCents(priceCents).currency(currency)
                .active(active).createdAt(createdAt).updatedAt(updatedAt);
    }

    /**
     * Collects the values of a {@link CreditsPackage}; the repository validates the row before sending it. Not
     * thread-safe.
     */
    public static final class Builder extends TimestampedRowBuilder<Builder> {
        private String name;
        private Integer credits;
        private Integer priceCents;
        private String currency;
        private Boolean active;

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param name not blank, at most 100 characters; required
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code credits}.
         *
         * @param credits the credits it gives, more than 0; required
         * @return this builder
         */
        public Builder credits(Integer credits) {
            this.credits = credits;
            return this;
        }

        /**
         * Sets {@code price_cents}.
         *
         * @param priceCents the price in cents of {@code currency}, 0 or more; required
         * @return this builder
         */
        public Builder priceCents(Integer priceCents) {
            this.priceCents = priceCents;
            return this;
        }

        /**
         * Sets {@code currency}.
         *
         * @param currency ISO 4217 code (three upper-case letters); null on insert for {@code CAD}
         * @return this builder
         */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets {@code active}.
         *
         * @param active whether it is on sale; null on insert for {@code true}
         * @return this builder
         */
        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Creates the row; it is validated by the repository, not here.
         *
         * @return the row
         */
        public CreditsPackage build() {
            return new CreditsPackage(id, name, credits, priceCents, currency, active, createdAt, updatedAt);
        }
    }
}
