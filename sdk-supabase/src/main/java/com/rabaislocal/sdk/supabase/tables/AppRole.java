package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.OpenValue;
import java.util.List;

/**
 * A RabaisLocal application role ({@code users.role}, and {@code app_metadata.role} in a user's token): consumer,
 * merchant, affiliate or admin. Open: a role the database holds that this SDK version does not know is read as an
 * {@code AppRole} of that name rather than failing, and {@link #isKnown()} tells which.
 */
public final class AppRole extends OpenValue {

    // Exact: the database compares text exactly, so a differently written value is another value.
    private static final Vocabulary<AppRole> VOCABULARY = Vocabulary.exact(AppRole::new);

    /** The default role: their own data, live offers, active AI agents. */
    public static final AppRole CONSUMER = VOCABULARY.constant("consumer");

    /** A merchant: manages their own offers. */
    public static final AppRole MERCHANT = VOCABULARY.constant("merchant");

    /** An affiliate of the programme: reads the offers it promotes. */
    public static final AppRole AFFILIATE = VOCABULARY.constant("affiliate");

    /** An administrator: every table, within the policies for admins. */
    public static final AppRole ADMIN = VOCABULARY.constant("admin");

    private AppRole(String value, Boolean known) {
        super(value, known);
    }

    /**
     * Reads a value from its text, the way the database stores it.
     *
     * @param value e.g. {@code merchant}; compared exactly, as the database does
     * @return the known constant, or an open value for a text this version does not know
     * @throws ValidationException when the text is null or blank
     */
    @JsonCreator
    public static AppRole of(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("role", "must be non-blank, e.g. consumer, merchant, affiliate, admin");
        }
        return VOCABULARY.of(value);
    }

    /** @return the four roles of the database's check constraint, in order */
    public static List<AppRole> known() {
        return VOCABULARY.constants();
    }
}
