package com.rabaislocal.sdk.supabase.auth;

import java.util.Locale;

/** Which sessions a sign-out ends ({@code POST /logout?scope=}). */
public enum SignOutScope {
    /** Every session of the user, on every device (GoTrue's default). */
    GLOBAL,
    /** Only the session the access token belongs to. */
    LOCAL,
    /** Every session of the user except this one. */
    OTHERS;

    /** @return the wire value, e.g. {@code global} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
