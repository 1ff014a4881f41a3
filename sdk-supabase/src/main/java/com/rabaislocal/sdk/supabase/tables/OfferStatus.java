package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.OpenValue;
import java.util.List;

/**
 * The status of an offer ({@code offers.status}): draft, active or expired. Open: a status a later migration adds
 * is read as an {@code OfferStatus} of that name rather than failing ({@link #isKnown()} tells which); the
 * repository refuses to write one this version does not know.
 */
public final class OfferStatus extends OpenValue {

    // Exact: the database compares text exactly, so a differently written value is another value.
    private static final Vocabulary<OfferStatus> VOCABULARY = Vocabulary.exact(OfferStatus::new);

    /** Not yet visible to consumers; the default on insert. */
    public static final OfferStatus DRAFT = VOCABULARY.constant("draft");

    /** Live: consumers see it between its start and end. */
    public static final OfferStatus ACTIVE = VOCABULARY.constant("active");

    /** Over: kept for history ({@code expire_offers()} sets it). */
    public static final OfferStatus EXPIRED = VOCABULARY.constant("expired");

    private OfferStatus(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a value from its text, the way the database stores it.
     *
     * @param value e.g. {@code active}; compared exactly, as the database does
     * @return the known constant, or an open value for a text this version does not know
     * @throws ValidationException when the text is null or blank
     */
    @JsonCreator
    public static OfferStatus of(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("status", "must be non-blank, e.g. draft, active, expired");
        }
        return VOCABULARY.of(value);
    }

    /** @return the statuses of the database's check constraint, in order */
    public static List<OfferStatus> known() {
        return VOCABULARY.constants();
    }
}
