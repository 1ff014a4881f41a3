package com.rabaislocal.sdk.supabase.tables;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.List;
import java.util.Locale;

/**
 * A RabaisLocal application role ({@code users.role}, and {@code app_metadata.role} in a user's token): consumer,
 * merchant, affiliate or admin. Open: a role the database holds that this SDK version does not know (a later
 * migration) is read as an {@code AppRole} of that name rather than failing, and {@link #isKnown()} tells which.
 * Compared by value; {@link #value()} is the database's text.
 */
public final class AppRole {

    /** The default role: their own data, live offers, active AI agents. */
    public static final AppRole CONSUMER = new AppRole("consumer");
    /** A merchant: manages their own offers. */
    public static final AppRole MERCHANT = new AppRole("merchant");
    /** An affiliate of the programme: reads the offers it promotes. */
    public static final AppRole AFFILIATE = new AppRole("affiliate");
    /** An administrator: every table, within the policies for admins. */
    public static final AppRole ADMIN = new AppRole("admin");

    private static final List<AppRole> KNOWN = List.of(CONSUMER, MERCHANT, AFFILIATE, ADMIN);

    private final String value;

    private AppRole(String value) {
        this.value = value;
    }

    /**
     * Reads a role from its text, the way the database stores it.
     *
     * @param value e.g. {@code merchant}; case and surrounding spaces are ignored
     * @return the known constant, or an open value for a name this version does not know
     * @throws ValidationException when the text is null or blank
     */
    @JsonCreator
    public static AppRole of(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("role", "must be a non-blank role name (consumer, merchant, affiliate,"
                    + " admin)");
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (AppRole r : KNOWN) {
            if (r.value.equals(v)) {
                return r;
            }
        }
        return new AppRole(v);
    }

    /** @return the four roles this SDK knows, in order */
    public static List<AppRole> known() {
        return KNOWN;
    }

    /** @return the role's text, as stored in {@code users.role} */
    @JsonValue
    public String value() {
        return value;
    }

    /** @return whether this is one of the four roles this SDK knows */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppRole && ((AppRole) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the role's text */
    @Override
    public String toString() {
        return value;
    }
}
