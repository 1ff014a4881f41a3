package com.rabaislocal.sdk.supabase.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A call of a database function: {@code POST /rest/v1/rpc/<fn>} with the arguments as a JSON object, or, after
 * {@link #get()} / {@link #head()}, {@code GET}/{@code HEAD} with the arguments as query parameters (only for
 * {@code STABLE} or {@code IMMUTABLE} functions: PostgREST runs them read-only). A set-returning function takes
 * the same filters, ordering and paging as a table.
 *
 * <p>Retries: GET and HEAD calls are retried like reads; a POST call is sent once, since the function may write.
 */
public final class RpcQuery extends FilterBuilder<RpcQuery> {

    private final ObjectNode args;

    RpcQuery(PostgrestContext ctx, String function, Object args) {
        super(ctx, "POST", "function " + function, List.of("rpc", function));
        if (args == null) {
            this.args = SdkJson.mapper().createObjectNode();
        } else {
            JsonNode node = args instanceof JsonNode ? (JsonNode) args : SdkJson.mapper().valueToTree(args);
            if (!(node instanceof ObjectNode)) {
                throw new ValidationException("rpc " + function + " args", "must be an object of named arguments"
                        + " (a Map, record or bean)");
            }
            this.args = (ObjectNode) node;
        }
    }

    /**
     * Calls with GET, arguments in the query string: arrays become Postgres array literals ({@code {1,2}}), text is
     * sent as is, objects as JSON; null arguments are left out (the function's default applies).
     *
     * @return this call
     */
    public RpcQuery get() {
        this.method = "GET";
        return this;
    }

    /**
     * Calls with HEAD: no body, only headers (e.g. a {@link Count}).
     *
     * @return this call
     */
    public RpcQuery head() {
        this.method = "HEAD";
        return this;
    }

    /**
     * Sends the call and binds the whole answer, for functions returning a scalar, an array or one composite.
     *
     * @param type the target type
     * @param <T> the target type
     * @return the value, null when the body was empty
     */
    public <T> T value(Class<T> type) {
        return send(request(shape(null, true, null, null))).json(type);
    }

    /**
     * As {@link #value(Class)}, bound to a generic type.
     *
     * @param type the target type
     * @param <T> the target type
     * @return the value, null when the body was empty
     */
    public <T> T value(TypeReference<T> type) {
        return send(request(shape(null, true, null, null))).json(type);
    }

    /** A function may return rows or one value. */
    @Override
    RowReader.Expect answerShape() {
        return RowReader.Expect.ANY;
    }

    @Override
    void validate() {
        params.clear();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read) {
            for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> a = it.next();
                if (!a.getValue().isNull()) {
                    params.add(entry(a.getKey(), Encoding.rpcArg(a.getKey(), a.getValue())));
                }
            }
            body = null;
        } else {
            body = args;
        }
    }

    @Override
    String verb(String method) {
        return "rpc";
    }
}
