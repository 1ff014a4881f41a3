package com.rabaislocal.sdk.supabase.auth;

/** The kind of link {@link AuthAdminClient#generateLink} creates. */
public enum LinkType {
    /** Confirms a sign-up; needs a password. */
    SIGNUP("signup"),
    /** Accepts an invitation. */
    INVITE("invite"),
    /** Signs an existing user in. */
    MAGIC_LINK("magiclink"),
    /** Lets the user set a new password. */
    RECOVERY("recovery"),
    /** Confirms an e-mail change, sent to the current address; needs the new address. */
    EMAIL_CHANGE_CURRENT("email_change_current"),
    /** Confirms an e-mail change, sent to the new address; needs the new address. */
    EMAIL_CHANGE_NEW("email_change_new");

    private final String wireValue;

    LinkType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value GoTrue expects in {@code type}, e.g. {@code magiclink} */
    public String wireValue() {
        return wireValue;
    }
}
