package com.rabaislocal.sdk.supabase.tables;

import java.time.Instant;

/**
 * A row builder for a table with the {@code created_at} and {@code updated_at} columns, both set by the database.
 *
 * @param <B> the concrete builder
 */
abstract class TimestampedRowBuilder<B extends TimestampedRowBuilder<B>> extends RowBuilder<B> {
    Instant createdAt;
    Instant updatedAt;

    TimestampedRowBuilder() {
    }

    /**
     * Sets {@code created_at}.
     *
     * @param createdAt set by the database
     * @return this builder
     */
    public B createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return self();
    }

    /**
     * Sets {@code updated_at}.
     *
     * @param updatedAt set by the database on every change
     * @return this builder
     */
    public B updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return self();
    }
}
