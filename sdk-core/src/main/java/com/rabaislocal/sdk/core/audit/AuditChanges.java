package com.rabaislocal.sdk.core.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a mutation changed: the values {@link #before()} and {@link #after()} it, as two JSON objects keyed by field
 * (column) name. Immutable.
 *
 * <p>Values are normalized on creation to plain JSON values, exactly as they read back after a JSON round trip with
 * {@link com.rabaislocal.sdk.core.json.SdkJson#mapper()}: nested objects become {@code Map<String, Object>}, arrays
 * {@code List<Object>}, whole numbers {@code Integer}/{@code Long}/{@code BigInteger}, decimals {@link
 * java.math.BigDecimal} (never a lossy {@code double}), {@code java.time} values ISO-8601 strings, enums their names.
 * A value the SDK's mapper cannot serialize is rejected right away with a {@link ValidationException}.
 *
 * <p>In JSON an instance is {@code {"before": {...}, "after": {...}}}.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"before", "after"})
@JsonDeserialize(using = AuditChanges.Deserializer.class)
public final class AuditChanges {

    /** The value that {@link #redact(Collection)} puts in place of a hidden value. */
    public static final String REDACTED = "[REDACTED]";

    private static final AuditChanges NONE = new AuditChanges(Map.of(), Map.of());
    private static final String OLD = "old";
    private static final String NEW = "new";

    private final Map<String, Object> before;
    private final Map<String, Object> after;

    private AuditChanges(Map<String, Object> before, Map<String, Object> after) {
        this.before = before;
        this.after = after;
    }

    /**
     * Returns the empty change set, for events that change no data (a login, a read).
     *
     * @return changes with empty {@code before} and {@code after}
     */
    public static AuditChanges none() {
        return NONE;
    }

    /**
     * Records two snapshots as given, e.g. the whole row before and after, without removing unchanged fields.
     *
     * @param before the values before the mutation; null for none (an insert)
     * @param after the values after the mutation; null for none (a purge)
     * @return the normalized changes
     * @throws ValidationException if a value cannot be serialized to JSON
     */
    public static AuditChanges of(Map<String, ?> before, Map<String, ?> after) {
        return create(normalize("before", before), normalize("after", after));
    }

    /**
     * Computes the diff of two snapshots: only the fields whose value differs. A field present on both sides with
     * the same JSON value (numbers compared by value, so {@code 5} equals {@code 5L} and {@code 5.0}) is left out; a
     * changed field appears on both sides; a field present on one side only appears on that side only. So
     * {@code diff(null, row)} keeps the whole inserted row under {@code after}, and {@code diff(row, null)} the whole
     * purged row under {@code before}. Field order follows {@code before}, then fields new in {@code after}.
     *
     * @param before the values before the mutation; null for none
     * @param after the values after the mutation; null for none
     * @return the changed fields only; {@link #isEmpty()} when nothing changed
     * @throws ValidationException if a value cannot be serialized to JSON
     */
    public static AuditChanges diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> b = normalize("before", before);
        Map<String, Object> a = normalize("after", after);
        Map<String, Object> outBefore = new LinkedHashMap<>();
        Map<String, Object> outAfter = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (String key : keys) {
            boolean inBefore = b.containsKey(key);
            boolean inAfter = a.containsKey(key);
            if (inBefore && inAfter && JsonValues.same(b.get(key), a.get(key))) {
                continue;
            }
            if (inBefore) {
                outBefore.put(key, b.get(key));
            }
            if (inAfter) {
                outAfter.put(key, a.get(key));
            }
        }
        return create(Collections.unmodifiableMap(outBefore), Collections.unmodifiableMap(outAfter));
    }

    /**
     * Reads changes written per field, the shape of the {@code changes} column of RabaisLocal's {@code logs_audit}
     * table: {@code {"title": {"old": "Pizza", "new": "Pizza XL"}}}, with only {@code new} for a field that appeared
     * and only {@code old} for one that disappeared. The inverse of {@link #byField()}.
     *
     * @param byField each field with an object holding {@code old} and/or {@code new}; null for none
     * @return the changes
     * @throws ValidationException naming every field whose value is not such an object, or if a value cannot be
     *     serialized to JSON
     */
    public static AuditChanges fromByField(Map<String, ?> byField) {
        Map<String, Object> fields = normalize("byField", byField);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!(value instanceof Map) || ((Map<?, ?>) value).isEmpty()
                    || !Set.of(OLD, NEW).containsAll(((Map<?, ?>) value).keySet())) {
                errors.put("changes." + name,
                        List.of("must be an object with \"old\" and/or \"new\" and nothing else"));
                return;
            }
            Map<?, ?> pair = (Map<?, ?>) value;
            if (pair.containsKey(OLD)) {
                before.put(name, pair.get(OLD));
            }
            if (pair.containsKey(NEW)) {
                after.put(name, pair.get(NEW));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException("audit changes", errors);
        }
        return create(Collections.unmodifiableMap(before), Collections.unmodifiableMap(after));
    }

    /**
     * Returns the changes per field, the shape of the {@code changes} column of RabaisLocal's {@code logs_audit}
     * table (the same shape its database trigger writes): each field maps to {@code {"old": ..., "new": ...}}, with
     * {@code old} only when the field is in {@link #before()} and {@code new} only when it is in {@link #after()}.
     *
     * @return an unmodifiable map in {@link #fields()} order
     */
    public Map<String, Map<String, Object>> byField() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String name : fields()) {
            Map<String, Object> pair = new LinkedHashMap<>();
            if (before.containsKey(name)) {
                pair.put(OLD, before.get(name));
            }
            if (after.containsKey(name)) {
                pair.put(NEW, after.get(name));
            }
            out.put(name, Collections.unmodifiableMap(pair));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns a copy without the given top-level fields on either side, e.g. to leave {@code updated_at} out of an
     * update's diff as RabaisLocal's audit trigger does.
     *
     * @param fieldNames the fields to drop
     * @return the remaining changes (this instance if none of the fields appears; {@link #none()} if nothing is left)
     */
    public AuditChanges without(Collection<String> fieldNames) {
        if (fieldNames == null || fieldNames.isEmpty() || fieldNames.stream().noneMatch(fields()::contains)) {
            return this;
        }
        Map<String, Object> b = new LinkedHashMap<>(before);
        Map<String, Object> a = new LinkedHashMap<>(after);
        b.keySet().removeAll(fieldNames);
        a.keySet().removeAll(fieldNames);
        return create(Collections.unmodifiableMap(b), Collections.unmodifiableMap(a));
    }

    /**
     * Returns the values before the mutation.
     *
     * @return an unmodifiable map of plain JSON values (see the class description); empty, never null
     */
    @JsonProperty("before")
    public Map<String, Object> before() {
        return before;
    }

    /**
     * Returns the values after the mutation.
     *
     * @return an unmodifiable map of plain JSON values (see the class description); empty, never null
     */
    @JsonProperty("after")
    public Map<String, Object> after() {
        return after;
    }

    /**
     * Tells whether nothing is recorded on either side.
     *
     * @return true when both {@code before} and {@code after} are empty
     */
    public boolean isEmpty() {
        return before.isEmpty() && after.isEmpty();
    }

    /**
     * Returns the names of every field mentioned on either side.
     *
     * @return an unmodifiable set: the fields of {@code before} in order, then those only in {@code after}
     */
    public Set<String> fields() {
        Set<String> out = new LinkedHashSet<>(before.keySet());
        out.addAll(after.keySet());
        return Collections.unmodifiableSet(out);
    }

    /**
     * Returns a copy where the given top-level fields hold {@link #REDACTED} instead of their value on each side
     * where they appear, so a changed password hash or token is recorded as changed without being stored. Nested
     * values are not inspected.
     *
     * @param fieldNames the fields to hide, e.g. {@code List.of("password_hash", "api_token")}
     * @return the redacted changes (this instance if none of the fields appears)
     */
    public AuditChanges redact(Collection<String> fieldNames) {
        if (fieldNames == null || fieldNames.isEmpty() || fieldNames.stream().noneMatch(fields()::contains)) {
            return this;
        }
        return create(redact(before, fieldNames), redact(after, fieldNames));
    }

    /**
     * Compares the recorded values exactly (after normalization).
     *
     * @param o another object
     * @return whether {@code o} records the same before and after values
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AuditChanges)) {
            return false;
        }
        AuditChanges other = (AuditChanges) o;
        return before.equals(other.before) && after.equals(other.after);
    }

    /**
     * Hashes the recorded values.
     *
     * @return a hash consistent with {@link #equals(Object)}
     */
    @Override
    public int hashCode() {
        return 31 * before.hashCode() + after.hashCode();
    }

    /**
     * Describes the changes by field names only; values are left out so that a stray log line never carries
     * personal data.
     *
     * @return e.g. {@code AuditChanges[fields=[title, price]]}
     */
    @Override
    public String toString() {
        return "AuditChanges[fields=" + fields() + "]";
    }

    private static AuditChanges create(Map<String, Object> before, Map<String, Object> after) {
        return before.isEmpty() && after.isEmpty() ? NONE : new AuditChanges(before, after);
    }

    private static Map<String, Object> normalize(String side, Map<String, ?> values) {
        try {
            return JsonValues.normalize(values);
        } catch (JsonProcessingException e) {
            throw new ValidationException("audit changes",
                    Map.of("changes." + side, List.of("is not serializable to JSON: " + e.getOriginalMessage())));
        }
    }

    private static Map<String, Object> redact(Map<String, Object> side, Collection<String> fieldNames) {
        Map<String, Object> out = new LinkedHashMap<>(side);
        for (String name : fieldNames) {
            out.computeIfPresent(name, (k, v) -> REDACTED);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Reads {@code {"before": {...}, "after": {...}}} keeping decimals exact; other fields are ignored. */
    static final class Deserializer extends StdDeserializer<AuditChanges> {

        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(AuditChanges.class);
        }

        @Override
        public AuditChanges deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                Map<String, Object> root = JsonValues.asObject(JsonValues.read(p));
                return create(JsonValues.asObject(root.get("before")), JsonValues.asObject(root.get("after")));
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(AuditChanges.class, "audit changes: %s", e.getMessage());
            }
        }
    }
}
