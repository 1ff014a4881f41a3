package com.rabaislocal.sdk.supabase.postgrest;

/**
 * How PostgREST counts the rows a query matches ({@code Prefer: count=...}); the total comes back in
 * {@code Content-Range} and is read into {@link PostgrestResult#count()}.
 */
public enum Count {
    /** {@code count=exact}: a real {@code count(*)}; slow on large tables. */
    EXACT("exact"),
    /** {@code count=planned}: the planner's estimate, fast but approximate. */
    PLANNED("planned"),
    /** {@code count=estimated}: exact below the server's {@code db-max-rows}, the planner's estimate above. */
    ESTIMATED("estimated");

    private final String wire;

    Count(String wire) {
        this.wire = wire;
    }

    /** @return the {@code Prefer} value, e.g. {@code exact} */
    public String wire() {
        return wire;
    }
}
