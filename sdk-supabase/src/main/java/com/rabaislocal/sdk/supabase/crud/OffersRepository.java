package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.Order;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The merchants' {@code offers}, with the whole CRUD template: idempotent inserts with SDK-chosen ids, validated
 * updates, soft delete and restore (the merchant on their own offers, admins on all), purge (service role), every
 * mutation audited. Immutable and thread-safe; get it from {@link SupabaseCrud#offers()}.
 *
 * <p>What a caller reads is decided by Row Level Security: everyone reads live offers, a merchant also all of their
 * own, an admin everything. Soft-deleted offers are left out unless {@link #includeDeleted()}.
 */
public final class OffersRepository extends SoftDeleteRepository<Offer, UUID, OffersRepository> {

    static final Table<Offer> TABLE;

    static {
        Set<String> writable = Set.of("merchant_id", "title", "description", "discount_percent",
                "discount_amount_cents", "starts_at", "ends_at", "status", "city");
        Set<String> insert = new HashSet<>(writable);
        insert.add("id");
        TABLE = new Table<>(Offer.TABLE, Offer.class, Table.Ids.CLIENT_UUID, insert, writable,
                Set.of("merchant_id", "title", "starts_at", "status", "city"), Set.of(), true);
    }

    /** The statuses of {@code offers.status}, as the database's check constraint lists them. */
    public static final List<OfferStatus> STATUSES = OfferStatus.known();

    OffersRepository(CrudContext ctx, RowValidator<Offer> validator, boolean includeDeleted) {
        super(TABLE, ctx, validator, includeDeleted);
    }

    @Override
    OffersRepository copy(RowValidator<Offer> validator, boolean includeDeleted) {
        return new OffersRepository(ctx, validator, includeDeleted);
    }

    /**
     * Returns the built-in checks of an offer, mirroring the table's constraints: {@code merchant_id} required;
     * {@code title} not blank, at most 200 characters; {@code description} at most 5000; exactly one of
     * {@code discount_percent} (more than 0, at most 100, two decimals) and {@code discount_amount_cents} (more than
     * 0); {@code ends_at} after {@code starts_at}; {@code status}, when set, one of {@link #STATUSES}; {@code city}
     * not blank, at most 100 characters.
     *
     * @return the validator every {@code OffersRepository} starts with
     */
    public static RowValidator<Offer> defaultValidator() {
        return o -> {
            Checks c = new Checks()
                    .required("merchant_id", o.merchantId())
                    .text("title", o.title(), true, 200)
                    .maxLength("description", o.description(), 5000)
                    .decimal("discount_percent", o.discountPercent(), BigDecimal.ZERO, true, BigDecimal.valueOf(100),
                            2)
                    .atLeast("discount_amount_cents", o.discountAmountCents(), 1);
            if ((o.discountPercent() == null) == (o.discountAmountCents() == null)) {
                String m = o.discountPercent() == null ? "one of discount_percent and discount_amount_cents is required"
                        : "only one of discount_percent and discount_amount_cents may be set";
                c.add("discount_percent", m).add("discount_amount_cents", m);
            }
            if (o.startsAt() != null && o.endsAt() != null && !o.endsAt().isAfter(o.startsAt())) {
                c.add("ends_at", "must be after starts_at (" + o.startsAt() + "), was " + o.endsAt());
            }
            return c.oneOf("status", o.status(), STATUSES)
                    .text("city", o.city(), true, 100)
                    .result();
        };
    }

    /**
     * Lists a merchant's offers, newest first (soft-deleted ones only with {@link #includeDeleted()}).
     *
     * @param merchantId the merchant's user id
     * @return the offers this client may see
     */
    public List<Offer> listByMerchant(UUID merchantId) {
        if (merchantId == null) {
            throw new ValidationException("merchantId", "must not be null");
        }
        return list(q -> q.eq("merchant_id", merchantId).order("created_at", Order.desc()).order("id"));
    }
}
