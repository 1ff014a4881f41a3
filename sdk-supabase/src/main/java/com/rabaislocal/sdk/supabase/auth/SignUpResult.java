package com.rabaislocal.sdk.supabase.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-up returned: always the user, and a session only when the project signs users in at once (e-mail
 * confirmation off). With confirmation on, the user must follow the e-mailed link first.
 */
public final class SignUpResult {

    private final User user;
    private final Session session;

    /**
     * Creates a result.
     *
     * @param user the new (or, with confirmation on, possibly obfuscated existing) user
     * @param session the session, or null when confirmation is pending
     */
    public SignUpResult(User user, Session session) {
        this.user = Objects.requireNonNull(user, "user");
        this.session = session;
    }

    /** @return the user */
    public User user() {
        return user;
    }

    /** @return the session, empty while the user's confirmation is pending */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** Tokens masked. */
    @Override
    public String toString() {
        return "SignUpResult{user=" + user.id() + ", session=" + session + '}';
    }
}
