package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code users} (module A): the profile of a Supabase Auth user. The database creates it when the Auth
 * user signs up; {@code role} drives every Row Level Security policy. A user may change only their own
 * {@code display_name}; admins and the service role change the rest.
 *
 * @param id the Auth user's id ({@code auth.users.id}); required, also on insert
 * @param email copied from Auth; null for phone or anonymous sign-ups
 * @param role {@code consumer} (the default when null on insert), {@code merchant}, {@code affiliate} or
 *     {@code admin}
 * @param displayName {@code display_name}: at most 200 characters, or null
 * @param createdAt {@code created_at}: set by the database
 * @param updatedAt {@code updated_at}: set by the database on every change
 * @param deletedAt {@code deleted_at}: when the profile was soft-deleted, or null; a deleted user loses
 *     their role
 * @param deletedBy {@code deleted_by}: the admin who soft-deleted it, set by a database trigger; or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
        @JsonProperty("id") UUID id,
        @JsonProperty("email") String email,
        @JsonProperty("role") AppRole role,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("deleted_at") Instant deletedAt,
        @JsonProperty("deleted_by") UUID deletedBy) {

    /** The table name. */
    public static final String TABLE = "users";

    /** @return a builder for a new row, every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this row's values, to change some and build the row of an update */
    public Builder toBuilder() {
        return new Builder().id(id).email(email).role(role).displayName(displayName).createdAt(createdAt)
                .updatedAt(updatedAt).deletedAt(deletedAt).deletedBy(deletedBy);
    }

    /** @return whether the profile is soft-deleted ({@code deleted_at} is set) */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Collects the values of a {@link User}; the repository validates the row before sending it. Not
     * thread-safe.
     */
    public static final class Builder extends SoftDeletableRowBuilder<Builder> {
        private String email;
        private AppRole role;
        private String displayName;

        private Builder() {
        }

        /**
         * Sets {@code email}.
         *
         * @param email copied from Auth; null for phone or anonymous sign-ups
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets {@code role}.
         *
         * @param role {@link AppRole#CONSUMER} (the default when null on insert), {@link AppRole#MERCHANT},
         *     {@link AppRole#AFFILIATE} or {@link AppRole#ADMIN}
         * @return this builder
         */
        public Builder role(AppRole role) {
            this.role = role;
            return this;
        }

        /**
         * Sets {@code display_name}.
         *
         * @param displayName at most 200 characters, or null
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * Creates the row; it is validated by the repository, not here.
         *
         * @return the row
         */
        public User build() {
            return new User(id, email, role, displayName, createdAt, updatedAt, deletedAt, deletedBy);
        }
    }
}
