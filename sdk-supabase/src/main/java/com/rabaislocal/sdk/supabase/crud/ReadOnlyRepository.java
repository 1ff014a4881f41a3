package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.Pager;
import com.rabaislocal.sdk.supabase.postgrest.RowStream;
import com.rabaislocal.sdk.supabase.postgrest.SelectQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads of one table through the query builder, as the client's caller (Row Level Security applies to users).
 * Immutable and thread-safe. Tables whose rows nobody writes directly ({@code logs_audit},
 * {@code credits_transactions}) have only this; the other repositories add writes.
 *
 * <p>On a soft-deleted table, reads leave out soft-deleted rows ({@code deleted_at=is.null}) unless the repository
 * came from {@link SoftDeleteRepository#includeDeleted()}.
 *
 * @param <T> the row type
 * @param <K> the id type
 * @param <R> the concrete repository type
 */
public abstract class ReadOnlyRepository<T, K, R extends ReadOnlyRepository<T, K, R>> {

    final Table<T> table;
    final CrudContext ctx;
    final RowValidator<T> validator;
    final boolean includeDeleted;

    ReadOnlyRepository(Table<T> table, CrudContext ctx, RowValidator<T> validator, boolean includeDeleted) {
        this.table = table;
        this.ctx = ctx;
        this.validator = validator;
        this.includeDeleted = includeDeleted;
    }

    /** The same repository with other settings. */
    abstract R copy(RowValidator<T> validator, boolean includeDeleted);

    /** @return the table name, e.g. {@code "offers"} */
    public String table() {
        return table.name();
    }

    /** @return the record the rows bind to */
    public Class<T> rowType() {
        return table.rowType();
    }

    /** @return who acts through this repository, as recorded on its audit events */
    public Actor actor() {
        return ctx.actor;
    }

    /**
     * Starts a read of every column, for filters and terminals the repository has no method for (stream, paginate,
     * count...). The request carries the request context's headers and, on a soft-deleted table, the
     * {@code deleted_at=is.null} filter unless deleted rows are included.
     *
     * @return the query, to filter and send
     */
    public SelectQuery select() {
        return select("*");
    }

    /**
     * Starts a read of some columns; see {@link #select()}.
     *
     * @param columns the PostgREST select list, e.g. {@code "id,title,merchant:users(display_name)"}
     * @return the query, to filter and send
     */
    public SelectQuery select(String columns) {
        SelectQuery q = ctx.withRequest(ctx.client.from(table.name()).select(columns));
        if (table.softDelete() && !includeDeleted) {
            q.eq(Table.DELETED_AT, null);
        }
        return q;
    }

    /**
     * Reads one row by id.
     *
     * @param id the id
     * @return the row; empty when it does not exist, Row Level Security hides it, or it is soft-deleted and deleted
     *     rows are not included
     * @throws ValidationException if {@code id} is null
     */
    public Optional<T> findById(K id) {
        return select().eq(Table.ID, idText(id)).maybeSingle(table.rowType());
    }

    /**
     * Reads the rows a query selects, e.g. {@code list(q -> q.eq("city", "Laval").order("starts_at").limit(50))}.
     *
     * @param query adds filters, order and limits to {@link #select()}
     * @return the rows, possibly empty
     */
    public List<T> list(UnaryOperator<SelectQuery> query) {
        if (query == null) {
            throw new ValidationException("query", "must not be null; pass q -> q for every row");
        }
        return query.apply(select()).list(table.rowType());
    }

    /**
     * Streams the rows a query selects as they arrive, bound to this repository's row type, in constant memory:
     * {@code try (RowStream<Offer> rows = offers.stream(q -> q.order("id"))) { ... }}. Close the stream.
     *
     * @param query adds filters and order to {@link #select()}
     * @return the open stream of rows
     */
    public RowStream<T> stream(UnaryOperator<SelectQuery> query) {
        if (query == null) {
            throw new ValidationException("query", "must not be null; pass q -> q for every row");
        }
        return query.apply(select()).stream(table.rowType());
    }

    /**
     * Walks the rows a query selects page by page ({@code limit}/{@code offset}), bound to this repository's row
     * type; the query must be ordered on a unique key (see {@code SelectQuery.paginate}).
     *
     * @param query adds filters and an order to {@link #select()}
     * @param pageSize rows per request, at least 1
     * @return the lazy pager
     */
    public Pager<T> paginate(UnaryOperator<SelectQuery> query, int pageSize) {
        if (query == null) {
            throw new ValidationException("query", "must not be null; pass q -> q.order(\"id\")");
        }
        return query.apply(select()).paginate(table.rowType(), pageSize);
    }

    /** The id as sent in filters and recorded on events; refuses null before any request. */
    String idText(K id) {
        if (id == null) {
            throw new ValidationException(table.subject(), Map.of(Table.ID, List.of("is required")));
        }
        return id.toString();
    }

    /** Reads a row by id as JSON, deleted or not; null when this client cannot see it. */
    JsonNode readRaw(String id) {
        return ctx.withRequest(ctx.client.from(table.name()).select("*")).eq(Table.ID, id)
                .maybeSingle(JsonNode.class).orElse(null);
    }

    T bind(JsonNode row, String what) {
        return RowJson.bind(row, table.rowType(), what + " " + table.name());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + table.name() + ", " + ctx.actor
                + (includeDeleted ? ", deleted rows included" : "") + '}';
    }
}
