package com.rabaislocal.sdk.supabase.postgrest;

/**
 * What a write answers ({@code Prefer: return=...}).
 */
public enum Returning {
    /** {@code return=minimal}: no body (PostgREST's default). */
    MINIMAL("minimal"),
    /** {@code return=representation}: the written rows, shaped by {@code select}. */
    REPRESENTATION("representation"),
    /** {@code return=headers-only}: no body, but a {@code Location} header for a single inserted row. */
    HEADERS_ONLY("headers-only");

    private final String wire;

    Returning(String wire) {
        this.wire = wire;
    }

    /** @return the {@code Prefer} value, e.g. {@code representation} */
    public String wire() {
        return wire;
    }
}
