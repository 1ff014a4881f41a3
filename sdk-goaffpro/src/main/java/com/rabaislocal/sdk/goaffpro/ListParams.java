package com.rabaislocal.sdk.goaffpro;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part every GoAffPro listing's parameters share: the page size, the extra {@code fields} to ask for, the
 * {@code since_id} to start after, and the listing's filters. Immutable; each resource's params
 * ({@code AffiliateListParams}, {@code OrderListParams}...) extend it with their typed filters.
 *
 * <p>{@code fields} is always sent, since GoAffPro answers {@code [{}, {}]} or {@code {"error":...}} without it:
 * the resource's default set (which covers its typed model) plus the extra names given here, for what the model
 * lacks (read them from the item's {@code raw()} node). {@code page} is never sent: the server ignores it.
 */
public abstract class ListParams {

    /** The default page size. */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest page size the SDK sends (GoAffPro's documented range is 1 to 250). */
    public static final int MAX_LIMIT = 250;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.]+");

    private final int limit;
    private final List<String> extraFields;
    private final String sinceId;
    private final Map<String, String> filters;

    /**
     * Copies a validated builder.
     *
     * @param b the builder
     */
    protected ListParams(Base<?> b) {
        this.limit = b.limit;
        this.extraFields = List.copyOf(b.extraFields);
        this.sinceId = b.sinceId;
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(b.filters));
    }

    /** @return the page size, 1 to {@value #MAX_LIMIT}; default {@value #DEFAULT_LIMIT} */
    public int limit() {
        return limit;
    }

    /** @return the field names asked for on top of the resource's default set */
    public List<String> extraFields() {
        return extraFields;
    }

    /** @return the id to start after ({@code since_id}), or null for the start of the listing */
    public String sinceId() {
        return sinceId;
    }

    /** @return the filters as sent, in order (lists comma-separated, dates ISO-8601 UTC, flags 1/0) */
    public Map<String, String> filters() {
        return filters;
    }

    /**
     * Writes the filters, {@code fields} and {@code limit} on a request (not the offset or since_id of a page).
     *
     * @param request the request being built
     * @param defaultFields the resource's default field set
     * @return the request builder
     */
    public SdkRequest.Builder writeTo(SdkRequest.Builder request, List<String> defaultFields) {
        filters.forEach(request::query);
        request.query("fields", fields(defaultFields, extraFields));
        request.query("limit", Integer.toString(limit));
        return request;
    }

    /**
     * Joins a default field set and extra names, without repeats, for {@code fields=}.
     *
     * @param defaults the resource's defaults
     * @param extra extra names
     * @return e.g. {@code id,name,email}
     */
    public static String fields(List<String> defaults, List<String> extra) {
        LinkedHashSet<String> all = new LinkedHashSet<>(defaults);
        all.addAll(extra);
        return String.join(",", all);
    }

    /**
     * The shared part of a listing params builder.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Base<B extends Base<B>> {
        private int limit = DEFAULT_LIMIT;
        private final List<String> extraFields = new ArrayList<>();
        private String sinceId;
        private final Map<String, String> filters = new LinkedHashMap<>();
        private final Map<String, List<String>> problems = new LinkedHashMap<>();

        /** Starts a builder. */
        protected Base() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Sets the page size.
         *
         * @param limit 1 to {@value #MAX_LIMIT}; default {@value #DEFAULT_LIMIT}
         * @return this builder
         */
        public B limit(int limit) {
            this.limit = limit;
            return self();
        }

        /**
         * Asks for more fields than the resource's default set (raw GoAffPro names, e.g. {@code extra_1}).
         *
         * @param names field names: letters, digits, {@code _} and {@code .}
         * @return this builder
         */
        public B fields(String... names) {
            extraFields.addAll(List.of(names));
            return self();
        }

        /**
         * Starts the listing after an id ({@code since_id}).
         *
         * @param sinceId the id, or null for the start
         * @return this builder
         */
        public B sinceId(String sinceId) {
            this.sinceId = sinceId;
            return self();
        }

        /**
         * Sets a text filter.
         *
         * @param name the query parameter
         * @param value the value; null removes the filter
         * @return this builder
         */
        protected B filter(String name, String value) {
            if (value == null) {
                filters.remove(name);
            } else if (value.isBlank()) {
                problems.put(name, List.of("must not be blank"));
            } else {
                filters.put(name, value.strip());
            }
            return self();
        }

        /**
         * Sets a list filter, sent comma-separated.
         *
         * @param name the query parameter
         * @param values the values; empty removes the filter
         * @return this builder
         */
        protected B filter(String name, Collection<String> values) {
            if (values == null || values.isEmpty()) {
                filters.remove(name);
                return self();
            }
            List<String> clean = new ArrayList<>(values.size());
            for (String v : values) {
                if (v == null || v.isBlank() || v.contains(",")) {
                    problems.put(name, List.of("values must be non-blank and hold no comma"));
                    return self();
                }
                clean.add(v.strip());
            }
            filters.put(name, String.join(",", clean));
            return self();
        }

        /**
         * Sets a date filter, sent as ISO-8601 UTC.
         *
         * @param name the query parameter
         * @param value the instant; null removes the filter
         * @return this builder
         */
        protected B filter(String name, Instant value) {
            return filter(name, value == null ? null : Lenient.iso(value));
        }

        /**
         * Sets a flag filter, sent as {@code 1} or {@code 0}.
         *
         * @param name the query parameter
         * @param value the flag; null removes the filter
         * @return this builder
         */
        protected B filter(String name, Boolean value) {
            return filter(name, value == null ? null : value ? "1" : "0");
        }

        /**
         * Checks the shared settings and the filters; a subclass adds its own problems then calls
         * {@link #check(String)}.
         *
         * @param errors field to problems, filled in order
         */
        protected void validate(Map<String, List<String>> errors) {
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.put("limit", List.of("must be 1 to " + MAX_LIMIT + ", was " + limit));
            }
            for (String f : extraFields) {
                if (f == null || !FIELD.matcher(f).matches()) {
                    errors.put("fields", List.of("names must be letters, digits, '_' or '.', was '" + f + "'"));
                    break;
                }
            }
            if (sinceId != null && sinceId.isBlank()) {
                errors.put("sinceId", List.of("must not be blank"));
            }
            errors.putAll(problems);
        }

        /**
         * Validates, throwing every problem at once.
         *
         * @param subject what is being built, for the message
         * @throws ValidationException naming every problem
         */
        protected void check(String subject) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(subject, errors);
            }
        }
    }
}
