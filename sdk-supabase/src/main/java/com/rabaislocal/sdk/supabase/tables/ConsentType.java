package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * What a legal consent is about ({@code legal_consents.consent_type}): the documents RabaisLocal asks about, plus
 * any other lower-case name ({@code [a-z][a-z0-9_]*}, at most 50 characters, checked by the repository and the
 * database) a later document adds. {@link #isKnown()} tells the documents this SDK names.
 */
public final class ConsentType extends TextValue {

    /** The terms of use. */
    public static final ConsentType TERMS = new ConsentType("terms");
    /** The privacy policy (Québec's Law 25). */
    public static final ConsentType PRIVACY = new ConsentType("privacy");
    /** Commercial messages (Canada's anti-spam law: an express consent). */
    public static final ConsentType MARKETING = new ConsentType("marketing");

    private static final List<ConsentType> KNOWN = List.of(TERMS, PRIVACY, MARKETING);

    private ConsentType(String value) {
        super(value);
    }

    /**
     * Reads a consent type from its text.
     *
     * @param value e.g. {@code marketing}; compared exactly, as the database does
     * @return the known constant, or an open value
     * @throws com.rabaislocal.sdk.core.error.ValidationException when the text is null or blank
     */
    @JsonCreator
    public static ConsentType of(String value) {
        return of("consent_type", value, KNOWN, ConsentType::new, "terms, privacy, marketing");
    }

    /** @return the documents this SDK names, in order */
    public static List<ConsentType> known() {
        return KNOWN;
    }

    /** @return whether this is one of the documents this SDK names */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
