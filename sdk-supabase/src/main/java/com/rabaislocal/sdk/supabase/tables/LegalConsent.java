package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code legal_consents} (module A): one decision (given or refused) of one user on one version of one
 * document, kept as proof under Québec's Law 25. A decision is never edited and never deleted: withdrawing a given
 * consent sets {@code revoked_at}, once, and deciding again records a new row. For requests made with a user's
 * token, the database takes {@code granted_at}, {@code revoked_at}, {@code ip} and {@code user_agent} from the
 * request, whatever the row says; the service role may supply the IP and user agent it observed.
 *
 * @param id the primary key; null on a new row (the repository then picks a random UUID)
 * @param userId {@code user_id}: the user who decided; required (no foreign key: the proof outlives the
 *     account)
 * @param consentType {@code consent_type}: e.g. {@code terms}, {@code privacy}, {@code marketing}:
 *     lower-case {@code [a-z][a-z0-9_]*}, at most 50 characters; required
 * @param version the version of the document; not blank, at most 50 characters; required
 * @param granted {@code true} for a consent given, {@code false} for an explicit refusal; required
 * @param grantedAt {@code granted_at}: when the decision was recorded; null for the database time
 * @param revokedAt {@code revoked_at}: when a given consent was withdrawn, or null; must be null on
 *     insert
 * @param ip the IP address the decision came from, or null
 * @param userAgent {@code user_agent}: the user agent the decision came from (at most 1000 characters),
 *     or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegalConsent(
        @JsonProperty("id") UUID id,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("consent_type") ConsentType consentType,
        @JsonProperty("version") String version,
        @JsonProperty("granted") Boolean granted,
        @JsonProperty("granted_at") Instant grantedAt,
        @JsonProperty("revoked_at") Instant revokedAt,
        @JsonProperty("ip") String ip,
        @JsonProperty("user_agent") String userAgent) {

    /** The table name. */
    public static final String TABLE = "legal_consents";

    /** @return a builder for a new row, every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this row's values, to change some and build the row of an update */
    public Builder toBuilder() {
        return new Builder().id(id).userId(userId).consentType(consentType).version(version).granted(granted)
                .grantedAt(grantedAt).revokedAt(revokedAt).ip(ip).userAgent(userAgent);
    }

    /** @return whether this decision is a consent in force: given and not revoked */
    public boolean isActive() {
        return Boolean.TRUE.equals(granted) && revokedAt == null;
    }

    /**
     * Collects the values of a {@link LegalConsent}; the repository validates the row before sending it. Not
     * thread-safe.
     */
    public static final class Builder extends RowBuilder<Builder> {
        private UUID userId;
        private ConsentType consentType;
        private String version;
        private Boolean granted;
        private Instant grantedAt;
        private Instant revokedAt;
        private String ip;
        private String userAgent;

        private Builder() {
        }

        /**
         * Sets {@code user_id}.
         *
         * @param userId the user who decided; required (no foreign key: the proof outlives the account)
         * @return this builder
         */
        public Builder userId(UUID userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Sets {@code consent_type}.
         *
         * @param consentType e.g. {@code terms}, {@code privacy}, {@code marketing}: lower-case {@code
         *     [a-z][a-z0-9_]*}, at most 50 characters; required
         * @return this builder
         */
        public Builder consentType(ConsentType consentType) {
            this.consentType = consentType;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the version of the document; not blank, at most 50 characters; required
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code granted}.
         *
         * @param granted {@code true} for a consent given, {@code false} for an explicit refusal; required
         * @return this builder
         */
        public Builder granted(Boolean granted) {
            this.granted = granted;
            return this;
        }

        /**
         * Sets {@code granted_at}.
         *
         * @param grantedAt when the decision was recorded; null for the database time
         * @return this builder
         */
        public Builder grantedAt(Instant grantedAt) {
            this.grantedAt = grantedAt;
            return this;
        }

        /**
         * Sets {@code revoked_at}.
         *
         * @param revokedAt when a given consent was withdrawn, or null; must be null on insert
         * @return this builder
         */
        public Builder revokedAt(Instant revokedAt) {
            this.revokedAt = revokedAt;
            return this;
        }

        /**
         * Sets {@code ip}.
         *
         * @param ip the IP address the decision came from, or null
         * @return this builder
         */
        public Builder ip(String ip) {
            this.ip = ip;
            return this;
        }

        /**
         * Sets {@code user_agent}.
         *
         * @param userAgent the user agent the decision came from (at most 1000 characters), or null
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Creates the row; it is validated by the repository, not here.
         *
         * @return the row
         */
        public LegalConsent build() {
            return new LegalConsent(id, userId, consentType, version, granted, grantedAt, revokedAt, ip, userAgent);
        }
    }
}
