package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The status of an offer ({@code offers.status}): draft, active or expired. Open: a status a later migration adds
 * is read as an {@code OfferStatus} of that name rather than failing ({@link #isKnown()} tells which); the
 * repository refuses to write one this version does not know.
 */
public final class OfferStatus extends TextValue {

    /** Not yet visible to consumers; the default on insert. */
    public static final OfferStatus DRAFT = new OfferStatus("draft");
    /** Live: consumers see it between its start and end. */
    public static final OfferStatus ACTIVE = new OfferStatus("active");
    /** Over: kept for history. */
    public static final OfferStatus EXPIRED = new OfferStatus("expired");

    private static final List<OfferStatus> KNOWN = List.of(DRAFT, ACTIVE, EXPIRED);

    private OfferStatus(String value) {
        super(value);
    }

    /**
     * Reads a status from its text.
     *
     * @param value e.g. {@code active}; compared exactly, as the database does
     * @return the known constant, or an open value
     * @throws com.rabaislocal.sdk.core.error.ValidationException when the text is null or blank
     */
    @JsonCreator
    public static OfferStatus of(String value) {
        return of("status", value, KNOWN, OfferStatus::new, "draft, active, expired");
    }

    /** @return the statuses of the database's check constraint, in order */
    public static List<OfferStatus> known() {
        return KNOWN;
    }

    /** @return whether this is one of the statuses this SDK knows */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
