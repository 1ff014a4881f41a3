package com.rabaislocal.sdk.core.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.internal.IpLiteral;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One audited action: who ({@link #actorId()}, {@link #actorRole()}) did what ({@link #action()}) to which entity
 * ({@link #entityType()}, {@link #entityId()}), when ({@link #occurredAt()}), with which data changes
 * ({@link #changes()}), from where ({@link #sourceIp()}, {@link #requestId()}). Immutable and thread-safe.
 *
 * <p>Every event has a unique {@link #eventId()}; sinks deliver at least once, so a downstream deduplicates on it.
 *
 * <p>JSON (with {@link SdkJson#mapper()} or {@link #toJson()}) uses snake_case names and always writes every field,
 * nulls included: {@code event_id}, {@code occurred_at} (ISO-8601), {@code actor_id}, {@code actor_role},
 * {@code action}, {@code entity_type}, {@code entity_id}, {@code changes} ({@code {"before": {}, "after": {}}}),
 * {@code source_ip}, {@code request_id}. Reading tolerates unknown fields and validates like {@link Builder#build()}.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"event_id", "occurred_at", "actor_id", "actor_role", "action", "entity_type", "entity_id",
        "changes", "source_ip", "request_id"})
public final class AuditEvent {

    /** Action of a row insert. */
    public static final String INSERT = "insert";
    /** Action of a row update. */
    public static final String UPDATE = "update";
    /** Action of a soft delete (the row gets a {@code deleted_at}). */
    public static final String SOFT_DELETE = "soft_delete";
    /** Action of undoing a soft delete. */
    public static final String RESTORE = "restore";
    /** Action of a hard delete (the row is gone). */
    public static final String PURGE = "purge";
    /** Action of a successful sign-in. */
    public static final String LOGIN = "login";

    private final UUID eventId;
    private final Instant occurredAt;
    private final String actorId;
    private final String actorRole;
    private final String action;
    private final String entityType;
    private final String entityId;
    private final AuditChanges changes;
    private final String sourceIp;
    private final String requestId;

    private AuditEvent(Builder b) {
        this.eventId = b.eventId != null ? b.eventId : UUID.randomUUID();
        this.occurredAt = b.occurredAt != null ? b.occurredAt : Instant.now();
        this.actorId = b.actorId;
        this.actorRole = b.actorRole;
        this.action = b.action;
        this.entityType = b.entityType;
        this.entityId = b.entityId;
        this.changes = b.changes != null ? b.changes : AuditChanges.none();
        this.sourceIp = b.sourceIp;
        this.requestId = b.requestId;
    }

    /**
     * Starts a new event.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding every value of this event, event id included; change what differs, then build.
     *
     * @return a pre-filled builder
     */
    public Builder toBuilder() {
        return new Builder()
                .eventId(eventId)
                .occurredAt(occurredAt)
                .actorId(actorId)
                .actorRole(actorRole)
                .action(action)
                .entityType(entityType)
                .entityId(entityId)
                .changes(changes)
                .sourceIp(sourceIp)
                .requestId(requestId);
    }

    /**
     * Reads an event written by {@link #toJson()} (or any JSON object with the same field names).
     *
     * @param json one JSON object
     * @return the event
     * @throws ValidationException if the text is not a JSON object of an audit event, or the event is invalid
     */
    public static AuditEvent fromJson(String json) {
        if (json == null) {
            throw new ValidationException("json", "must not be null");
        }
        try {
            AuditEvent event = SdkJson.mapper().readValue(json, AuditEvent.class);
            if (event == null) {
                throw new ValidationException("json", "is null, not an audit event object");
            }
            return event;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ValidationException) {
                throw (ValidationException) e.getCause();
            }
            throw new ValidationException("json", "is not a valid audit event: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ValidationException("json", "is not a valid audit event: " + e.getOriginalMessage());
        }
    }

    /**
     * Writes this event as one line of JSON (no line breaks), with the field names described on the class.
     *
     * @return the JSON text
     */
    public String toJson() {
        try {
            return SdkJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // Every field is a string, a UUID, an Instant or normalized JSON values, all serializable.
            throw new IllegalStateException("audit event " + eventId + " could not be serialized", e);
        }
    }

    /**
     * Returns the unique id of this event; the key downstreams deduplicate on.
     *
     * @return the id given to the builder, or a random UUID generated when the event was built
     */
    @JsonProperty("event_id")
    public UUID eventId() {
        return eventId;
    }

    /**
     * Returns when the action happened.
     *
     * @return the instant given to the builder, or the time the event was built
     */
    @JsonProperty("occurred_at")
    public Instant occurredAt() {
        return occurredAt;
    }

    /**
     * Returns who acted, e.g. the user's id ({@code auth.uid()}).
     *
     * @return the actor's id, or null when the system acted on its own (a scheduled job, a trigger)
     */
    @JsonProperty("actor_id")
    public String actorId() {
        return actorId;
    }

    /**
     * Returns the role the actor acted under, e.g. {@code "authenticated"}, {@code "service_role"},
     * {@code "admin"}.
     *
     * @return the role, or null when not known
     */
    @JsonProperty("actor_role")
    public String actorRole() {
        return actorRole;
    }

    /**
     * Returns what was done, e.g. {@link #INSERT}, {@link #UPDATE}, {@link #SOFT_DELETE}, {@link #RESTORE},
     * {@link #PURGE}, {@link #LOGIN}, or any other verb the application defines.
     *
     * @return the action; never null or blank
     */
    @JsonProperty("action")
    public String action() {
        return action;
    }

    /**
     * Returns the kind of entity acted upon, usually the table name, e.g. {@code "offers"} or {@code "users"}.
     *
     * @return the entity type; never null or blank
     */
    @JsonProperty("entity_type")
    public String entityType() {
        return entityType;
    }

    /**
     * Returns the id of the entity acted upon (the primary key, as text).
     *
     * @return the id, or null when the action concerns no single entity
     */
    @JsonProperty("entity_id")
    public String entityId() {
        return entityId;
    }

    /**
     * Returns the data changed by the action.
     *
     * @return the changes; {@link AuditChanges#none()} when nothing changed, never null
     */
    @JsonProperty("changes")
    public AuditChanges changes() {
        return changes;
    }

    /**
     * Returns the IP address the request came from.
     *
     * @return the address as text (IPv4 or IPv6), or null when not known
     */
    @JsonProperty("source_ip")
    public String sourceIp() {
        return sourceIp;
    }

    /**
     * Returns the id of the request that caused the action, for correlation with other logs.
     *
     * @return the request id, or null when not known
     */
    @JsonProperty("request_id")
    public String requestId() {
        return requestId;
    }

    /**
     * Compares every field.
     *
     * @param o another object
     * @return whether {@code o} is an event with the same values
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AuditEvent)) {
            return false;
        }
        AuditEvent e = (AuditEvent) o;
        return eventId.equals(e.eventId) && occurredAt.equals(e.occurredAt) && Objects.equals(actorId, e.actorId)
                && Objects.equals(actorRole, e.actorRole) && action.equals(e.action)
                && entityType.equals(e.entityType) && Objects.equals(entityId, e.entityId)
                && changes.equals(e.changes) && Objects.equals(sourceIp, e.sourceIp)
                && Objects.equals(requestId, e.requestId);
    }

    /**
     * Hashes every field.
     *
     * @return a hash consistent with {@link #equals(Object)}
     */
    @Override
    public int hashCode() {
        return Objects.hash(eventId, occurredAt, actorId, actorRole, action, entityType, entityId, changes, sourceIp,
                requestId);
    }

    /**
     * Describes the event without the changed values (only the changed field names) and without the source IP, so
     * that a stray log line never carries personal data.
     *
     * @return e.g. {@code AuditEvent[id=..., action=update, entity=offers/42, actor=u-1 (authenticated), ...]}
     */
    @Override
    public String toString() {
        return "AuditEvent[id=" + eventId + ", at=" + occurredAt + ", action=" + action + ", entity=" + entityType
                + (entityId != null ? "/" + entityId : "") + ", actor=" + (actorId != null ? actorId : "system")
                + (actorRole != null ? " (" + actorRole + ")" : "") + ", changedFields=" + changes.fields()
                + (requestId != null ? ", requestId=" + requestId : "") + "]";
    }

    @JsonCreator
    static AuditEvent fromJsonFields(@JsonProperty("event_id") UUID eventId,
                                     @JsonProperty("occurred_at") Instant occurredAt,
                                     @JsonProperty("actor_id") String actorId,
                                     @JsonProperty("actor_role") String actorRole,
                                     @JsonProperty("action") String action,
                                     @JsonProperty("entity_type") String entityType,
                                     @JsonProperty("entity_id") String entityId,
                                     @JsonProperty("changes") AuditChanges changes,
                                     @JsonProperty("source_ip") String sourceIp,
                                     @JsonProperty("request_id") String requestId) {
        return builder().eventId(eventId).occurredAt(occurredAt).actorId(actorId).actorRole(actorRole)
                .action(action).entityType(entityType).entityId(entityId).changes(changes).sourceIp(sourceIp)
                .requestId(requestId).build();
    }

    /** Collects the values of an {@link AuditEvent}; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private static final int MAX_NAME_LENGTH = 100;

        private UUID eventId;
        private Instant occurredAt;
        private String actorId;
        private String actorRole;
        private String action;
        private String entityType;
        private String entityId;
        private AuditChanges changes;
        private String sourceIp;
        private String requestId;

        private Builder() {
        }

        /**
         * Sets the event id; leave unset to get a random UUID. Set it only to re-create a known event.
         *
         * @param eventId the id, or null to generate one at {@link #build()}
         * @return this builder
         */
        public Builder eventId(UUID eventId) {
            this.eventId = eventId;
            return this;
        }

        /**
         * Sets when the action happened; defaults to the time {@link #build()} is called.
         *
         * @param occurredAt the instant, or null for "now"
         * @return this builder
         */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /**
         * Sets who acted.
         *
         * @param actorId the user's id; null (the default) when the system acted; not blank
         * @return this builder
         */
        public Builder actorId(String actorId) {
            this.actorId = actorId;
            return this;
        }

        /**
         * Sets the role the actor acted under, e.g. {@code "authenticated"} or {@code "service_role"}.
         *
         * @param actorRole the role, or null (the default) when not known; not blank
         * @return this builder
         */
        public Builder actorRole(String actorRole) {
            this.actorRole = actorRole;
            return this;
        }

        /**
         * Sets what was done. Required.
         *
         * @param action e.g. {@link AuditEvent#INSERT} or {@link AuditEvent#LOGIN}; not blank, at most 100
         *     characters
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * Sets the kind of entity acted upon, usually the table name. Required.
         *
         * @param entityType e.g. {@code "offers"}; not blank, at most 100 characters
         * @return this builder
         */
        public Builder entityType(String entityType) {
            this.entityType = entityType;
            return this;
        }

        /**
         * Sets the id of the entity acted upon.
         *
         * @param entityId the primary key as text, or null (the default) when there is none; not blank
         * @return this builder
         */
        public Builder entityId(String entityId) {
            this.entityId = entityId;
            return this;
        }

        /**
         * Sets the data changes.
         *
         * @param changes the changes, or null (the default) for {@link AuditChanges#none()}
         * @return this builder
         */
        public Builder changes(AuditChanges changes) {
            this.changes = changes;
            return this;
        }

        /**
         * Sets the changes to the diff of two snapshots (see {@link AuditChanges#diff(Map, Map)}): only the fields
         * that differ are kept.
         *
         * @param before the values before the mutation; null for none
         * @param after the values after the mutation; null for none
         * @return this builder
         * @throws ValidationException if a value cannot be serialized to JSON
         */
        public Builder diff(Map<String, ?> before, Map<String, ?> after) {
            this.changes = AuditChanges.diff(before, after);
            return this;
        }

        /**
         * Sets the IP address the request came from.
         *
         * @param sourceIp an IPv4 or IPv6 address such as {@code "203.0.113.7"} (the first entry of
         *     {@code X-Forwarded-For}), or null (the default) when not known
         * @return this builder
         */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        /**
         * Sets the id of the request that caused the action.
         *
         * @param requestId the request id, or null (the default) when not known; not blank
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Validates the values and creates the event, generating the event id and time when unset.
         *
         * @return the event
         * @throws ValidationException listing every invalid field: {@code action} and {@code entityType} are
         *     required, not blank and at most 100 characters; the optional text fields, when set, are not blank;
         *     {@code sourceIp} is an IPv4 or IPv6 address (no host name, no zone, no brackets)
         */
        public AuditEvent build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            required(errors, "action", action, "e.g. \"insert\", \"update\" or \"login\"");
            required(errors, "entityType", entityType, "e.g. the table name such as \"offers\"");
            notBlankWhenSet(errors, "actorId", actorId);
            notBlankWhenSet(errors, "actorRole", actorRole);
            notBlankWhenSet(errors, "entityId", entityId);
            notBlankWhenSet(errors, "sourceIp", sourceIp);
            notBlankWhenSet(errors, "requestId", requestId);
            if (sourceIp != null && !sourceIp.isBlank() && !IpLiteral.isValid(sourceIp)) {
                add(errors, "sourceIp", "must be an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::1 (was \""
                        + (sourceIp.length() > 60 ? sourceIp.substring(0, 60) + "..." : sourceIp) + "\")");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("audit event", errors);
            }
            return new AuditEvent(this);
        }

        private static void required(Map<String, List<String>> errors, String field, String value, String example) {
            if (value == null) {
                add(errors, field, "is required (" + example + ")");
            } else if (value.isBlank()) {
                add(errors, field, "must not be blank (" + example + ")");
            } else if (value.length() > MAX_NAME_LENGTH) {
                add(errors, field, "must be at most " + MAX_NAME_LENGTH + " characters (was " + value.length() + ")");
            }
        }

        private static void notBlankWhenSet(Map<String, List<String>> errors, String field, String value) {
            if (value != null && value.isBlank()) {
                add(errors, field, "must not be blank; leave it null when unknown");
            }
        }

        private static void add(Map<String, List<String>> errors, String field, String message) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        }
    }
}
