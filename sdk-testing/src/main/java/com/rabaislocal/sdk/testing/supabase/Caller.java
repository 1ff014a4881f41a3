package com.rabaislocal.sdk.testing.supabase;

import java.util.UUID;

/**
 * Who sent a request, as PostgREST sees it: the database role taken from the JWT (or from the key when there is no
 * user token), and for a signed-in user their id ({@code auth.uid()}) and application role ({@code users.role}).
 */
record Caller(String role, UUID userId, String appRole) {

    static final Caller ANON = new Caller("anon", null, null);
    static final Caller SERVICE_ROLE = new Caller("service_role", null, null);

    boolean isAnon() {
        return "anon".equals(role);
    }

    boolean isServiceRole() {
        return "service_role".equals(role);
    }

    boolean isUser() {
        return userId != null;
    }

    boolean isAdmin() {
        return "admin".equals(appRole);
    }

    /** {@code auth.uid()} as text, or null. */
    String uid() {
        return userId == null ? null : userId.toString();
    }
}
