package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code ai_agents} (module F): an AI agent definition managed by admins and read by signed-in users
 * while it is active and not deleted. Soft-deleted through {@code deleted_at}.
 *
 * @param id the primary key; null on a new row (the repository then picks a random UUID)
 * @param name not blank, at most 100 characters, unique (case-insensitive) among non-deleted agents; required
 * @param model the model name, e.g. {@code gpt-4o-mini}; not blank, at most 100 characters; required
 * @param systemPrompt {@code system_prompt}: at most 100,000 characters; null on insert for the empty
 *     prompt
 * @param temperature 0 to 2, at most two decimals; null on insert for the default 0.7
 * @param tools the tool definitions as JSON values (a JSON array); null on insert for none
 * @param active whether users see the agent; null on insert for {@code true}
 * @param ownerId {@code owner_id}: informational owner; null on insert for the creating user
 * @param createdAt {@code created_at}: set by the database
 * @param updatedAt {@code updated_at}: set by the database on every change
 * @param deletedAt {@code deleted_at}: when the agent was soft-deleted, or null; changed only by
 *     softDelete and restore
 * @param deletedBy {@code deleted_by}: who soft-deleted it, set by a database trigger; or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AiAgent(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("model") String model,
        @JsonProperty("system_prompt") String systemPrompt,
        @JsonProperty("temperature") BigDecimal temperature,
        @JsonProperty("tools") List<Object> tools,
        @JsonProperty("active") Boolean active,
        @JsonProperty("owner_id") UUID ownerId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("deleted_at") Instant deletedAt,
        @JsonProperty("deleted_by") UUID deletedBy) {

    /** The table name. */
    public static final String TABLE = "ai_agents";

    /** @return a builder for a new row, every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this row's values, to change some and build the row of an update */
    public Builder toBuilder() {
        return new Builder().id(id).name(name).model(model).systemPrompt(systemPrompt).temperature(temperature)
                .tools(tools).active(active).ownerId(ownerId).createdAt(createdAt).updatedAt(updatedAt)
                .deletedAt(deletedAt).deletedBy(deletedBy);
    }

    /** @return whether the agent is soft-deleted ({@code deleted_at} is set) */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Collects the values of a {@link AiAgent}; the repository validates the row before sending it. Not
     * thread-safe.
     */
    public static final class Builder extends SoftDeletableRowBuilder<Builder> {
        private String name;
        private String model;
        private String systemPrompt;
        private BigDecimal temperature;
        private List<Object> tools;
        private Boolean active;
        private UUID ownerId;

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param name not blank, at most 100 characters, unique (case-insensitive) among non-deleted agents; required
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code model}.
         *
         * @param model the model name, e.g. {@code gpt-4o-mini}; not blank, at most 100 characters; required
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets {@code system_prompt}.
         *
         * @param systemPrompt at most 100,000 characters; null on insert for the empty prompt
         * @return this builder
         */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /**
         * Sets {@code temperature}.
         *
         * @param temperature 0 to 2, at most two decimals; null on insert for the default 0.7
         * @return this builder
         */
        public Builder temperature(BigDecimal temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets {@code tools}.
         *
         * @param tools the tool definitions as JSON values (a JSON array); null on insert for none
         * @return this builder
         */
        public Builder tools(List<Object> tools) {
            this.tools = tools;
            return this;
        }

        /**
         * Sets {@code active}.
         *
         * @param active whether users see the agent; null on insert for {@code true}
         * @return this builder
         */
        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Sets {@code owner_id}.
         *
         * @param ownerId informational owner; null on insert for the creating user
         * @return this builder
         */
        public Builder ownerId(UUID ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        /**
         * Creates the row; it is validated by the repository, not here.
         *
         * @return the row
         */
        public AiAgent build() {
            return new AiAgent(id, name, model, systemPrompt, temperature, tools, active, ownerId, createdAt,
                    updatedAt, deletedAt, deletedBy);
        }
    }
}
