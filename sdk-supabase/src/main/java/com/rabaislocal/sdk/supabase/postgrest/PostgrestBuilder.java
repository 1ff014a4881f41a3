package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.http.SdkStreamingResponse;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every PostgREST request shares: counting, returned columns, schema, timeouts, and the terminal operations
 * that send it. A builder is mutable and not thread-safe; build it, send it with one terminal operation (sending
 * it again sends the same request again), and let it go.
 *
 * <p>Terminal operations:
 * <ul>
 *   <li>{@link #list(Class)}, {@link #execute(Class)}: the rows, bound to a class, record or
 *       {@link TypeReference}; {@link #execute()} as JSON trees;</li>
 *   <li>{@link #single(Class)}: exactly one row, else {@link UnexpectedRowCountException};
 *       {@link #maybeSingle(Class)}: zero or one;</li>
 *   <li>{@link #stream(Class)}: rows parsed as they arrive, in constant memory;</li>
 *   <li>{@link #csv()}, {@link #json()}, {@link #geojson()}: the body as CSV text or a JSON tree.</li>
 * </ul>
 * Errors are sdk-core's {@link ApiException} subclasses, refined with PostgREST's code (see
 * {@code docs/SUPABASE.md}); row-count surprises are {@link UnexpectedRowCountException}.
 *
 * @param <B> the concrete builder type
 */
public abstract class PostgrestBuilder<B extends PostgrestBuilder<B>> {

    static final String OBJECT = "application/vnd.pgrst.object+json";
    static final String ARRAY = "application/vnd.pgrst.array+json";
    static final String CSV = "text/csv";
    static final String GEOJSON = "application/geo+json";
    private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final java.util.Set<String> MANAGED_HEADERS = java.util.Set.of("prefer", "accept",
            "accept-profile", "content-profile", "content-type", "range", "range-unit", "apikey", "authorization");

    final PostgrestContext ctx;
    final List<String> path;
    final String subject;
    String method;
    final List<Map.Entry<String, String>> params = new ArrayList<>();
    final List<Map.Entry<String, String>> filters = new ArrayList<>();
    final Map<String, String> modifiers = new LinkedHashMap<>();
    JsonNode body;
    boolean selected;
    Count count;
    Returning returning;
    String resolution;
    boolean missingDefault;
    Integer maxAffected;
    boolean rollback;
    String timezone;
    boolean stripNulls;
    Long expectedAffected;
    Duration timeout;
    Boolean repeatable;
    boolean noRetry;
    final Map<String, String> headers = new LinkedHashMap<>();

    PostgrestBuilder(PostgrestContext ctx, String method, String subject, List<String> path) {
        this.ctx = ctx;
        this.method = method;
        this.subject = subject;
        this.path = List.copyOf(path);
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /**
     * Chooses the returned columns, embedded resources included: {@code "id,title,merchant:merchants(name)"}.
     * White space outside double quotes is removed. On a write, asks for the written rows back
     * ({@code return=representation}).
     *
     * @param columns the PostgREST select list; {@code "*"} for every column
     * @return this builder
     */
    public B select(String columns) {
        if (columns == null || columns.isBlank()) {
            throw new ValidationException("select", "needs columns, e.g. \"*\" or \"id,title\"");
        }
        modifiers.put("select", Encoding.stripSelect(columns));
        selected = true;
        return self();
    }

    /**
     * Asks for every column: {@code select("*")}. On a write, asks for the written rows back
     * ({@code return=representation}) whichever terminal is called.
     *
     * @return this builder
     */
    public B select() {
        return select("*");
    }

    /**
     * Asks PostgREST to render timestamps in a time zone ({@code Prefer: timezone=...}), e.g. Québec's
     * {@code America/Toronto}; without it, {@code timestamptz} values come back in the server's zone (UTC on
     * Supabase).
     *
     * @param zone an IANA time-zone name
     * @return this builder
     * @throws ValidationException when the name is not a time zone Java knows
     */
    public B timezone(String zone) {
        try {
            this.timezone = java.time.ZoneId.of(zone == null ? "" : zone.strip()).getId();
        } catch (java.time.DateTimeException e) {
            throw new ValidationException("timezone", "is not an IANA time-zone name, e.g. America/Toronto: " + zone);
        }
        return self();
    }

    /**
     * Asks PostgREST to count the matched (or written) rows; read the total from {@link PostgrestResult#count()}
     * or {@link RowStream#count()}. {@link Count#EXACT} is slow on large tables.
     *
     * @param count how to count
     * @return this builder
     */
    public B count(Count count) {
        this.count = count;
        return self();
    }

    /**
     * Runs the request in a transaction that is rolled back ({@code Prefer: tx=rollback}): a dry run. Honoured only
     * when the server allows transaction-end overrides.
     *
     * @return this builder
     */
    public B rollback() {
        this.rollback = true;
        return self();
    }

    /**
     * Leaves null fields out of the returned rows ({@code nulls=stripped}), for smaller answers.
     *
     * @return this builder
     */
    public B stripNulls() {
        this.stripNulls = true;
        return self();
    }

    /**
     * Limits each attempt of this request, overriding the client's timeout.
     *
     * @param timeout positive
     * @return this builder
     */
    public B timeout(Duration timeout) {
        this.timeout = timeout;
        return self();
    }

    /**
     * Turns off retries for this request: it is sent at most once, whatever fails (a refused connection included).
     * To keep the retry of a connection that could not be opened while never re-sending a request that may have
     * arrived, use {@code repeatable(false)} instead.
     *
     * @return this builder
     */
    public B noRetry() {
        this.repeatable = false;
        this.noRetry = true;
        return self();
    }

    /**
     * Declares whether this request may be sent again after it may have reached the server (a failure after
     * sending, a retryable status). Declare {@code true} only for a request whose repetition has the same effect as
     * one sending, e.g. an rpc guarded by an idempotency key; upserts on a named key already are. {@code false} still retries a
     * connection that could not be opened (nothing was sent); {@link #noRetry()} does not.
     *
     * @param repeatable whether a retry is safe; unset, reads are retried and writes are not (see docs/SUPABASE.md)
     * @return this builder
     */
    public B repeatable(boolean repeatable) {
        this.repeatable = repeatable;
        return self();
    }

    /**
     * Adds a request header (the name postgrest-js uses). The database reads request headers through
     * {@code current_setting('request.headers')}: RabaisLocal's audit trigger takes {@code X-Audit-Event-Id},
     * {@code X-Request-Id} and {@code X-Forwarded-For} from there. Setting the same name again replaces the value.
     * Headers the builder or the client manage ({@code Prefer}, {@code Accept}, {@code Accept-Profile},
     * {@code Content-Profile}, {@code Content-Type}, {@code Range}, {@code apikey}, {@code Authorization}) are
     * refused: use the dedicated methods or client settings for them.
     *
     * @param name a header name (letters, digits and {@code !#$%&'*+-.^_`|~})
     * @param value the value, without line breaks
     * @return this builder
     * @throws ValidationException if the name is invalid or managed, or the value is null or holds a line break
     */
    public B setHeader(String name, String value) {
        if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw new ValidationException("header", "name " + (name == null ? "is null" : "\"" + name
                    + "\" is not a valid header name"));
        }
        if (MANAGED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new ValidationException("header", name + " is set by the query builder or the client; use its"
                    + " dedicated method or setting instead");
        }
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new ValidationException("header", "value of " + name + (value == null ? " is null"
                    : " must not contain a line break"));
        }
        headers.put(name, value);
        return self();
    }

    // ---- terminal operations -------------------------------------------------------------------------------

    /**
     * Sends the request and returns the rows as JSON trees, with count and status. On a write, rows come back only
     * if {@code select(...)} or {@code returning(REPRESENTATION)} asked for them.
     *
     * @return the result
     */
    public PostgrestResult<JsonNode> execute() {
        return result(type(JsonNode.class), shape(null, false, null, null));
    }

    /**
     * Sends the request and binds the rows; a write is asked to return them.
     *
     * @param rowType the row class or record
     * @param <T> the row type
     * @return the rows, count and status
     */
    public <T> PostgrestResult<T> execute(Class<T> rowType) {
        return result(type(rowType), shape(null, true, null, null));
    }

    /**
     * Sends the request and binds the rows to a generic type.
     *
     * @param rowType e.g. {@code new TypeReference<Map<String, Object>>() {}}
     * @param <T> the row type
     * @return the rows, count and status
     */
    public <T> PostgrestResult<T> execute(TypeReference<T> rowType) {
        return result(type(rowType), shape(null, true, null, null));
    }

    /**
     * Sends the request and returns the rows.
     *
     * @param rowType the row class or record
     * @param <T> the row type
     * @return the rows, possibly empty
     */
    public <T> List<T> list(Class<T> rowType) {
        return execute(rowType).rows();
    }

    /**
     * Sends the request and returns the rows, bound to a generic type.
     *
     * @param rowType the row type
     * @param <T> the row type
     * @return the rows, possibly empty
     */
    public <T> List<T> list(TypeReference<T> rowType) {
        return execute(rowType).rows();
    }

    /**
     * Sends the request asking for exactly one row ({@code Accept: application/vnd.pgrst.object+json}). PostgREST
     * refuses with {@code PGRST116} otherwise, and rolls a write back.
     *
     * @param rowType the row class or record
     * @param <T> the row type
     * @return the row
     * @throws UnexpectedRowCountException when there were zero rows or several
     */
    public <T> T single(Class<T> rowType) {
        return singleRow(type(rowType));
    }

    /**
     * As {@link #single(Class)}, bound to a generic type.
     *
     * @param rowType the row type
     * @param <T> the row type
     * @return the row
     * @throws UnexpectedRowCountException when there were zero rows or several
     */
    public <T> T single(TypeReference<T> rowType) {
        return singleRow(type(rowType));
    }

    /**
     * Sends the request expecting zero or one row. A table read asks for at most two rows ({@code limit=2}), so it
     * stays cheap whatever the filter matches; a write or rpc reads what comes back.
     *
     * @param rowType the row class or record
     * @param <T> the row type
     * @return the row, or empty when there was none
     * @throws UnexpectedRowCountException when there were several
     */
    public <T> Optional<T> maybeSingle(Class<T> rowType) {
        return maybeSingleRow(type(rowType));
    }

    /**
     * As {@link #maybeSingle(Class)}, bound to a generic type.
     *
     * @param rowType the row type
     * @param <T> the row type
     * @return the row, or empty when there was none
     * @throws UnexpectedRowCountException when there were several
     */
    public <T> Optional<T> maybeSingle(TypeReference<T> rowType) {
        return maybeSingleRow(type(rowType));
    }

    /**
     * Sends the request and reads the rows as they arrive, holding one at a time. Close the stream.
     *
     * @param rowType the row class or record
     * @param <T> the row type
     * @return the open stream of rows
     */
    public <T> RowStream<T> stream(Class<T> rowType) {
        return streamRows(type(rowType));
    }

    /**
     * As {@link #stream(Class)}, bound to a generic type.
     *
     * @param rowType the row type
     * @param <T> the row type
     * @return the open stream of rows
     */
    public <T> RowStream<T> stream(TypeReference<T> rowType) {
        return streamRows(type(rowType));
    }

    /**
     * Sends the request asking for CSV ({@code Accept: text/csv}).
     *
     * @return the CSV text, header line included
     */
    public String csv() {
        SdkRequest r = request(shape(CSV, true, null, null));
        SdkResponse resp = send(r);
        checkAffected(resp.header("Content-Range").orElse(null), null, r);
        return resp.bodyString();
    }

    /**
     * Sends the request and returns the whole body as a JSON tree (an array of rows, or whatever an rpc returns).
     *
     * @return the tree; a missing node when the body was empty
     */
    public JsonNode json() {
        SdkRequest r = request(shape(null, true, null, null));
        SdkResponse resp = send(r);
        checkAffected(resp.header("Content-Range").orElse(null), null, r);
        return resp.jsonNode();
    }

    /**
     * Sends the request asking for GeoJSON ({@code Accept: application/geo+json}; needs PostGIS geometry columns).
     *
     * @return the FeatureCollection
     */
    public JsonNode geojson() {
        SdkRequest r = request(shape(GEOJSON, true, null, null));
        return send(r).jsonNode();
    }

    /**
     * Sends the request asking for its execution plan instead of its rows ({@code Accept:
     * application/vnd.pgrst.plan+json; for="application/json"}), as postgrest-js's {@code explain()}: PostgreSQL's
     * {@code EXPLAIN (FORMAT JSON)} of the query PostgREST would run. The server must allow it
     * ({@code db-plan-enabled}); otherwise it answers 406.
     *
     * @param analyze run the query and report actual times ({@code EXPLAIN ANALYZE}; on a write, the write happens
     *     unless {@link #rollback()} is set)
     * @param verbose add the output columns and more detail
     * @return the plan, as PostgreSQL's JSON array
     */
    public JsonNode explain(boolean analyze, boolean verbose) {
        List<String> options = new ArrayList<>();
        if (analyze) {
            options.add("analyze");
        }
        if (verbose) {
            options.add("verbose");
        }
        String accept = "application/vnd.pgrst.plan+json; for=\"application/json\""
                + (options.isEmpty() ? "" : "; options=" + String.join("|", options));
        return send(request(shape(accept, true, null, null))).jsonNode();
    }

    /**
     * The plan of the query, without running it ({@code explain(false, false)}).
     *
     * @return the plan, as PostgreSQL's JSON array
     */
    public JsonNode explain() {
        return explain(false, false);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /** The terminal operation's needs: Accept, whether rows are wanted, a limit override, a method override. */
    static final class Shape {
        final String accept;
        final boolean rows;
        final Long limit;
        final String method;

        Shape(String accept, boolean rows, Long limit, String method) {
            this.accept = accept;
            this.rows = rows;
            this.limit = limit;
            this.method = method;
        }
    }

    static Shape shape(String accept, boolean rows, Long limit, String method) {
        return new Shape(accept, rows, limit, method);
    }

    static JavaType type(Class<?> c) {
        return SdkJson.mapper().constructType(c);
    }

    static JavaType type(TypeReference<?> t) {
        return SdkJson.mapper().getTypeFactory().constructType(t);
    }

    /**
     * The verb of the operation name listeners and metrics see ({@code rest.select}, {@code rest.insert}...): low
     * cardinality, so neither the table nor a filter is in it.
     */
    String verb(String method) {
        switch (method) {
            case "HEAD":
                return "count";
            case "POST":
                return "insert";
            case "PATCH":
                return "update";
            case "DELETE":
                return "delete";
            default:
                return "select";
        }
    }

    /** Whether this request writes rows (and so takes {@code return=}). */
    boolean isMutation() {
        return false;
    }

    /** Whether maybeSingle may add {@code limit=2} (table reads only). */
    boolean limitsMaybeSingle() {
        return false;
    }

    /** Checks the builder before a request is built. */
    void validate() {
    }

    /** The retry default when the caller declared nothing. */
    boolean repeatableByDefault(String m) {
        return m.equals("GET") || m.equals("HEAD");
    }

    void setReturning(Returning returning) {
        this.returning = returning;
    }

    void setExpectedAffected(long rows) {
        if (rows < 0) {
            throw new ValidationException("expectAffected", "must not be negative, was " + rows);
        }
        this.expectedAffected = rows;
    }

    void setDefaultToNull(boolean defaultToNull) {
        this.missingDefault = !defaultToNull;
    }

    static Map.Entry<String, String> entry(String k, String v) {
        return new AbstractMap.SimpleImmutableEntry<>(k, v);
    }

    /** Builds the request for one terminal operation. */
    SdkRequest request(Shape s) {
        validate();
        String m = s.method != null ? s.method : method;
        SdkRequest.Builder b = SdkRequest.builder(m, ctx.basePath).operation("rest." + verb(m));
        path.forEach(b::pathSegment);
        String select = modifiers.get("select");
        if (select != null) {
            b.query("select", select);
        }
        params.forEach(p -> b.query(p.getKey(), p.getValue()));
        filters.forEach(f -> b.query(f.getKey(), f.getValue()));
        Long limit = s.limit;
        for (Map.Entry<String, String> mod : modifiers.entrySet()) {
            if (mod.getKey().equals("select")) {
                continue;
            }
            if (limit != null && mod.getKey().equals("limit")) {
                limit = Math.min(limit, Long.parseLong(mod.getValue()));
                continue;
            }
            b.query(mod.getKey(), mod.getValue());
        }
        if (limit != null) {
            b.query("limit", Long.toString(limit));
        }
        headers.forEach(b::header);
        String prefer = prefer(s);
        if (!prefer.isEmpty()) {
            b.header("Prefer", prefer);
        }
        String accept = s.accept;
        if (stripNulls && (accept == null || accept.equals(OBJECT))) {
            accept = (accept == null ? ARRAY : accept) + ";nulls=stripped";
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        boolean read = m.equals("GET") || m.equals("HEAD");
        if (ctx.schema != null) {
            b.header(read ? "Accept-Profile" : "Content-Profile", ctx.schema);
        }
        if (m.equals("POST") || m.equals("PATCH")) {
            b.jsonBody(body != null ? body : SdkJson.mapper().createObjectNode());
        }
        b.repeatable(repeatable != null ? repeatable : repeatableByDefault(m));
        if (noRetry) {
            b.noRetry();
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        SdkRequest r = b.build();
        int length = ctx.http.url(r).toString().length();
        if (length > ctx.maxUrlLength) {
            throw new ValidationException("request " + r.describe(), Map.of("url", List.of("is " + length
                    + " characters, over the limit of " + ctx.maxUrlLength + " that Supabase's gateways accept;"
                    + " for a long in(...) list, call rpc(...) with an array parameter (where id = any($1))"
                    + " instead")));
        }
        return r;
    }

    private String prefer(Shape s) {
        List<String> p = new ArrayList<>();
        if (isMutation()) {
            Returning r = returning;
            if (s.rows && (r == Returning.MINIMAL || r == Returning.HEADERS_ONLY)) {
                throw new ValidationException("returning", "is " + r + ", so no rows come back; drop returning(...)"
                        + " or use execute()");
            }
            if (r == null && (selected || s.rows)) {
                r = Returning.REPRESENTATION;
            }
            if (r != null) {
                p.add("return=" + r.wire());
            }
        }
        Count c = expectedAffected != null ? Count.EXACT : count;
        if (c != null) {
            p.add("count=" + c.wire());
        }
        if (resolution != null) {
            p.add("resolution=" + resolution);
        }
        if (missingDefault) {
            p.add("missing=default");
        }
        if (maxAffected != null) {
            p.add("handling=strict");
            p.add("max-affected=" + maxAffected);
        }
        if (rollback) {
            p.add("tx=rollback");
        }
        if (timezone != null) {
            p.add("timezone=" + timezone);
        }
        return String.join(",", p);
    }

    Call call(SdkRequest r) {
        return new Call(ctx.http.service(), subject, r.describe(), filters);
    }

    SdkResponse send(SdkRequest r) {
        try {
            return ctx.http.execute(r);
        } catch (ApiException e) {
            throw PostgrestErrors.translate(e, call(r), "exactly 1 row");
        }
    }

    SdkStreamingResponse open(SdkRequest r) {
        try {
            return ctx.http.stream(r);
        } catch (ApiException e) {
            throw PostgrestErrors.translate(e, call(r), "exactly 1 row");
        }
    }

    <T> PostgrestResult<T> result(JavaType type, Shape s) {
        SdkRequest r = request(s);
        return fetch(r, type, expect(s));
    }

    /** What the top level of the answer may be for a terminal operation of this shape. */
    RowReader.Expect expect(Shape s) {
        return OBJECT.equals(s.accept) ? RowReader.Expect.OBJECT : answerShape();
    }

    /** What the top level of an answer of rows is: an array for tables; an rpc overrides it. */
    RowReader.Expect answerShape() {
        return RowReader.Expect.ARRAY;
    }

    /**
     * Sends a built request and reads every row as it arrives (the body is never held whole). The rows are read
     * inside the attempt: the deadline covers them, a body cut short is a failed attempt (retried when the request
     * is repeatable), and a body whose top level does not fit is an {@link UnexpectedResponseException}.
     */
    <T> PostgrestResult<T> fetch(SdkRequest r, JavaType type, RowReader.Expect expect) {
        Call call = call(r);
        PostgrestResult<T> result;
        try {
            result = ctx.http.execute(r, type.toCanonical(), answer -> {
                String range = answer.header("Content-Range").orElse(null);
                List<T> rows = RowReader.readAllIo(answer.body(), type, call, expect);
                return new PostgrestResult<>(rows, ContentRange.total(range), answer.status(), range,
                        answer.requestId().orElse(null));
            });
        } catch (ApiException e) {
            throw PostgrestErrors.translate(e, call, "exactly 1 row");
        }
        checkAffected(result.contentRange().orElse(null), result.rows().size(), r);
        return result;
    }

    private <T> T singleRow(JavaType type) {
        Shape s = shape(OBJECT, true, null, null);
        SdkRequest r = request(s);
        PostgrestResult<T> res = fetch(r, type, expect(s));
        if (res.rows().size() != 1) {
            Call c = call(r);
            throw new UnexpectedRowCountException(subject, c.call, c.filters, "exactly 1 row",
                    (long) res.rows().size(), null);
        }
        return res.rows().get(0);
    }

    private <T> Optional<T> maybeSingleRow(JavaType type) {
        boolean limited = limitsMaybeSingle();
        Shape s = shape(null, true, limited ? 2L : null, null);
        SdkRequest r = request(s);
        PostgrestResult<T> res = fetch(r, type, expect(s));
        int n = res.rows().size();
        if (n > 1) {
            Call c = call(r);
            throw new UnexpectedRowCountException(subject, c.call, c.filters, "at most 1 row", limited ? null
                    : (long) n, limited ? n + " or more" : Integer.toString(n), null);
        }
        return n == 0 ? Optional.empty() : Optional.of(res.rows().get(0));
    }

    private <T> RowStream<T> streamRows(JavaType type) {
        Shape s = shape(null, true, null, null);
        SdkRequest r = request(s);
        SdkStreamingResponse resp = open(r);
        try {
            String range = resp.header("Content-Range").orElse(null);
            checkAffected(range, null, r);
            return new RowStream<>(resp, RowReader.over(resp.body(), type, call(r), expect(s)),
                    ContentRange.total(range));
        } catch (RuntimeException e) {
            resp.close();
            throw e;
        }
    }

    /**
     * Enforces {@code expectAffected(n)}: the count PostgREST reports (or the rows returned) must equal n.
     *
     * @param rowsSeen rows read from a representation, or null when none were read
     */
    void checkAffected(String contentRange, Integer rowsSeen, SdkRequest r) {
        if (expectedAffected == null) {
            return;
        }
        Long actual = ContentRange.total(contentRange);
        if (actual == null && rowsSeen != null && r.headers().get("Prefer") != null
                && r.headers().get("Prefer").contains("return=representation")) {
            actual = (long) rowsSeen;
        }
        Call c = call(r);
        if (actual == null) {
            throw new RabaisSdkException("supabase " + c.call + ": expectAffected(" + expectedAffected + ") could"
                    + " not be checked, the answer carried no row count (Content-Range: " + contentRange + ")");
        }
        if (actual.longValue() != expectedAffected) {
            throw new UnexpectedRowCountException(subject, c.call, c.filters, "exactly " + expectedAffected
                    + (expectedAffected == 1 ? " row" : " rows") + " affected", actual, null);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + method + " " + subject + ", filters=" + filters.size() + '}';
    }
}
