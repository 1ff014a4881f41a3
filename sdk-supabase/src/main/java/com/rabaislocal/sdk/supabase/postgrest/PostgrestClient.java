package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.ServiceClient;
import java.util.Optional;

/**
 * The Data API (PostgREST) of one Supabase project, in one schema. Immutable and thread-safe; the queries it starts
 * are not. Usually reached through {@code SupabaseClient.from(...)}, {@code rpc(...)} and {@code schema(...)}.
 */
public final class PostgrestClient {

    /** The URL length above which a request is refused before sending: the limit of Supabase's gateways. */
    public static final int DEFAULT_MAX_URL_LENGTH = 8000;

    private static final String BASE_PATH = "/rest/v1";

    private final PostgrestContext ctx;

    private PostgrestClient(PostgrestContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates a client over a configured Supabase {@link ServiceClient} (base URL the project URL, credentials,
     * error parser and retry policy set), using the default schema.
     *
     * @param http the service client
     * @return the PostgREST client
     */
    public static PostgrestClient create(ServiceClient http) {
        if (http == null) {
            throw new ValidationException("http", "must not be null");
        }
        return new PostgrestClient(new PostgrestContext(http, BASE_PATH, null, DEFAULT_MAX_URL_LENGTH));
    }

    /**
     * Starts a request on a table or view.
     *
     * @param table the table or view name, e.g. {@code offers}
     * @return the table, to choose the operation
     */
    public TableQuery from(String table) {
        if (table == null || table.isBlank()) {
            throw new ValidationException("table", "is required");
        }
        return new TableQuery(ctx, table);
    }

    /**
     * Calls a database function without arguments.
     *
     * @param function the function name
     * @return the call, POST by default
     */
    public RpcQuery rpc(String function) {
        return rpc(function, null);
    }

    /**
     * Calls a database function.
     *
     * @param function the function name
     * @param args the named arguments: a Map, record, bean or {@code ObjectNode}; null for none
     * @return the call, POST by default
     */
    public RpcQuery rpc(String function, Object args) {
        if (function == null || function.isBlank()) {
            throw new ValidationException("function", "is required");
        }
        return new RpcQuery(ctx, function, args);
    }

    /**
     * Returns a client for another exposed schema: reads send {@code Accept-Profile}, writes
     * {@code Content-Profile}. PostgREST answers {@code PGRST106} for a schema it does not expose.
     *
     * @param schema the schema name
     * @return the client for that schema
     */
    public PostgrestClient schema(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new ValidationException("schema", "must not be blank");
        }
        return new PostgrestClient(new PostgrestContext(ctx.http, ctx.basePath, schema, ctx.maxUrlLength));
    }

    /**
     * Returns a client that refuses URLs longer than the given length.
     *
     * @param maxUrlLength at least 256; default {@value #DEFAULT_MAX_URL_LENGTH}
     * @return the new client
     */
    public PostgrestClient withMaxUrlLength(int maxUrlLength) {
        if (maxUrlLength < 256) {
            throw new ValidationException("maxUrlLength", "must be at least 256, was " + maxUrlLength);
        }
        return new PostgrestClient(new PostgrestContext(ctx.http, ctx.basePath, ctx.schema, maxUrlLength));
    }

    /** @return the schema chosen with {@link #schema(String)}, empty for the server's default */
    public Optional<String> currentSchema() {
        return Optional.ofNullable(ctx.schema);
    }

    /** @return the longest URL sent */
    public int maxUrlLength() {
        return ctx.maxUrlLength;
    }

    @Override
    public String toString() {
        return "PostgrestClient{" + ctx.http.baseUrl() + BASE_PATH
                + (ctx.schema == null ? "" : ", schema=" + ctx.schema) + '}';
    }
}
