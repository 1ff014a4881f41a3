package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.OpenValue;
import java.util.List;

/**
 * What a legal consent is about ({@code legal_consents.consent_type}): the documents RabaisLocal asks about, plus
 * any other lower-case name ({@code [a-z][a-z0-9_]*}, at most 50 characters, checked by the repository and the
 * database) a later document adds. {@link #isKnown()} tells the documents this SDK names.
 */
public final class ConsentType extends OpenValue {

    // Exact: the database compares text exactly, so a differently written value is another value.
    private static final Vocabulary<ConsentType> VOCABULARY = Vocabulary.exact(ConsentType::new);

    /** The terms of use. */
    public static final ConsentType TERMS = VOCABULARY.constant("terms");

    /** The privacy policy (Québec's Law 25). */
    public static final ConsentType PRIVACY = VOCABULARY.constant("privacy");

    /** Commercial messages (Canada's anti-spam law: an express consent). */
    public static final ConsentType MARKETING = VOCABULARY.constant("marketing");

    private ConsentType(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a value from its text, the way the database stores it.
     *
     * @param value e.g. {@code marketing}; compared exactly, as the database does
     * @return the known constant, or an open value for a text this version does not know
     * @throws ValidationException when the text is null or blank
     */
    @JsonCreator
    public static ConsentType of(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("consent_type", "must be non-blank, e.g. terms, privacy, marketing");
        }
        return VOCABULARY.of(value);
    }

    /** @return the documents this SDK names, in order */
    public static List<ConsentType> known() {
        return VOCABULARY.constants();
    }
}
