package com.rabaislocal.sdk.mailersend.emails;

import java.util.List;

/**
 * A recipient MailerSend did not send to, with why ({@code blocklisted}, {@code hard_bounced},
 * {@code spam_complaint}, {@code unsubscribed}, {@code on_hold}...: open values).
 *
 * @param email the address
 * @param name the display name, or null
 * @param reasons the reasons MailerSend gave, possibly empty
 */
public record SuppressedRecipient(String email, String name, List<String> reasons) {

    /** Copies the reasons. */
    public SuppressedRecipient {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Masks the address. */
    @Override
    public String toString() {
        return "SuppressedRecipient[" + Addresses.redact(email) + ", reasons=" + reasons + "]";
    }
}
