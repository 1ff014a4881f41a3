package com.rabaislocal.sdk.supabase.tables;

import java.util.UUID;

/**
 * The part every row builder of this package shares: the {@code id} primary key. Each row's nested
 * {@code Builder} extends this type (or one of its subclasses) with itself as {@code B}, so that the shared
 * setters return the concrete builder and calls keep chaining. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
abstract class RowBuilder<B extends RowBuilder<B>> {
    UUID id;

    RowBuilder() {
    }

    /**
     * Sets {@code id}, the primary key. What a table expects on insert (null for a random UUID, or a required
     * value) is described on the row type.
     *
     * @param id the primary key, or null
     * @return this builder
     */
    public B id(UUID id) {
        this.id = id;
        return self();
    }

    /** @return this builder as its concrete type */
    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
