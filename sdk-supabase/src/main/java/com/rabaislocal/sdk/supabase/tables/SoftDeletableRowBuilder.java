package com.rabaislocal.sdk.supabase.tables;

import java.time.Instant;
import java.util.UUID;

/**
 * A row builder for a soft-deleted table: besides the timestamps, the {@code deleted_at} and {@code deleted_by}
 * columns, which the repositories' softDelete and restore change (a database trigger sets {@code deleted_by}).
 *
 * @param <B> the concrete builder
 */
abstract class SoftDeletableRowBuilder<B extends SoftDeletableRowBuilder<B>> extends TimestampedRowBuilder<B> {
    Instant deletedAt;
    UUID deletedBy;

    SoftDeletableRowBuilder() {
    }

    /**
     * Sets {@code deleted_at}.
     *
     * @param deletedAt when the row was soft-deleted, or null; changed only by softDelete and restore
     * @return this builder
     */
    public B deletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
        return self();
    }

    /**
     * Sets {@code deleted_by}.
     *
     * @param deletedBy who soft-deleted the row, set by a database trigger; or null
     * @return this builder
     */
    public B deletedBy(UUID deletedBy) {
        this.deletedBy = deletedBy;
        return self();
    }
}
