package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A RabaisLocal application role ({@code users.role}, and {@code app_metadata.role} in a user's token): consumer,
 * merchant, affiliate or admin. Open: a role the database holds that this SDK version does not know is read as an
 * {@code AppRole} of that name rather than failing, and {@link #isKnown()} tells which.
 */
public final class AppRole extends TextValue {

    /** The default role: their own data, live offers, active AI agents. */
    public static final AppRole CONSUMER = new AppRole("consumer");
    /** A merchant: manages their own offers. */
    public static final AppRole MERCHANT = new AppRole("merchant");
    /** An affiliate of the programme: reads the offers it promotes. */
    public static final AppRole AFFILIATE = new AppRole("affiliate");
    /** An administrator: every table, within the policies for admins. */
    public static final AppRole ADMIN = new AppRole("admin");

    private static final List<AppRole> KNOWN = List.of(CONSUMER, MERCHANT, AFFILIATE, ADMIN);

    private AppRole(String value) {
        super(value);
    }

    /**
     * Reads a role from its text, the way the database stores it.
     *
     * @param value e.g. {@code merchant}; compared exactly, as the database does
     * @return the known constant, or an open value for a name this version does not know
     * @throws com.rabaislocal.sdk.core.error.ValidationException when the text is null or blank
     */
    @JsonCreator
    public static AppRole of(String value) {
        return of("role", value, KNOWN, AppRole::new, "consumer, merchant, affiliate, admin");
    }

    /** @return the four roles of the database's check constraint, in order */
    public static List<AppRole> known() {
        return KNOWN;
    }

    /** @return whether this is one of the roles this SDK knows */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }
}
