package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.supabase.tables.AppRole;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in user whose access token {@link JwtVerifier} has verified: the token itself (a {@link Secret}, to hand
 * to the database so Row Level Security applies to that user), its claims, the user's id and application role.
 * Made by {@link JwtVerifier#verifyUser(String)}; given to {@code SupabaseCrud.as(user)} to run the CRUD template as
 * that user in one call. {@code toString()} never shows the token.
 */
public final class VerifiedUser {

    private final Secret accessToken;
    private final JwtClaims claims;
    private final UUID id;

    VerifiedUser(Secret accessToken, JwtClaims claims) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.id = claims.userId().orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MALFORMED,
                "the token names no user: its sub is missing or not a UUID"));
    }

    /** @return the verified access token, to act as this user (RLS) */
    public Secret accessToken() {
        return accessToken;
    }

    /** @return every verified claim */
    public JwtClaims claims() {
        return claims;
    }

    /** @return the user's id ({@code sub}) */
    public UUID id() {
        return id;
    }

    /**
     * The application role the token carries in {@code app_metadata.role} (set by the service role, never by the
     * user). The database's {@code users.role} stays the authority for Row Level Security; this is for routing and
     * display before any query.
     *
     * @return the role, or empty when the token carries none
     */
    public Optional<AppRole> appRole() {
        Object role = claims.appMetadata().get("role");
        return role instanceof String && !((String) role).isBlank() ? Optional.of(AppRole.of((String) role))
                : Optional.empty();
    }

    /**
     * Tells whether the token's {@code app_metadata.role} is a role.
     *
     * @param role the role to compare with
     * @return true when the token carries exactly that role
     */
    public boolean hasRole(AppRole role) {
        return appRole().map(r -> r.equals(role)).orElse(false);
    }

    /** @return the user's {@code user_metadata} (set by the user: never authorize on it) */
    public Map<String, Object> userMetadata() {
        return claims.userMetadata();
    }

    /** @return the user id and role; never the token */
    @Override
    public String toString() {
        return "VerifiedUser{id=" + id + ", appRole=" + appRole().map(AppRole::value).orElse("none") + '}';
    }
}
