package com.rabaislocal.sdk.mailersend.emails;

import java.util.Locale;

/**
 * Email address checks and redaction, shared by params, results and logs.
 */
public final class Addresses {

    /** The longest address accepted (RFC 5321's path limit, less the brackets). */
    public static final int MAX_LENGTH = 254;

    private Addresses() {
    }

    /**
     * Tells what is wrong with an address, cheaply: one {@code @}, a non-empty local part of at most 64 characters,
     * a domain with a dot and no empty label, no blank or control characters, at most {@value #MAX_LENGTH}
     * characters. Whether the mailbox exists is MailerSend's to find out.
     *
     * @param email the address, possibly null
     * @return the problem, or null when it looks like an address
     */
    public static String problem(String email) {
        if (email == null || email.isBlank()) {
            return "is required";
        }
        if (email.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters (had " + email.length() + ")";
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return "is not an email address (needs one @ between a local part and a domain)";
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c == 127 || c == '<' || c == '>' || c == ',' || c == ';') {
                return "is not an email address (contains a blank, a control character or one of <>,;)";
            }
        }
        if (at > 64) {
            return "has a local part longer than 64 characters";
        }
        String domain = email.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "has no valid domain (e.g. example.com)";
        }
        return null;
    }

    /**
     * Masks an address for logs: the first character of the local part, then {@code ***}, then the domain
     * ({@code client@example.com} becomes {@code c***@example.com}). Something that is not an address becomes
     * {@code ***}.
     *
     * @param email the address, possibly null
     * @return the masked form
     */
    public static String redact(String email) {
        if (email == null) {
            return "null";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return "***";
        }
        return email.substring(0, 1) + "***@" + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
