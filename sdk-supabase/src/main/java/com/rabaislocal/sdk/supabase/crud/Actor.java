package com.rabaislocal.sdk.supabase.crud;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who acts through a {@link SupabaseCrud}, as recorded on its audit events: the {@code sub} and {@code role} claims
 * of the user JWT the client sends, or the key's role when it sends none. Immutable.
 *
 * <p>The JWT is decoded, not verified: it is the caller's own token, and PostgREST verifies it on every request.
 * Never authorize with an {@code Actor}; use {@link com.rabaislocal.sdk.supabase.auth.JwtVerifier}.
 */
public final class Actor {

    /** The role of the service-role (secret) key. */
    public static final String SERVICE_ROLE = "service_role";
    /** The role of a request without a user JWT on the publishable key. */
    public static final String ANON = "anon";
    /** The role of a signed-in user's token when the token names none. */
    public static final String AUTHENTICATED = "authenticated";

    private final String id;
    private final String role;

    private Actor(String id, String role) {
        this.id = id;
        this.role = role;
    }

    /**
     * Tells who a client acts as.
     *
     * @param client the client
     * @return the user of its JWT ({@code sub}, {@code role}); else id null and role {@value #SERVICE_ROLE} for the
     *     service-role client, {@value #ANON} for the publishable key
     * @throws ValidationException if the client's JWT carries no readable claims
     */
    public static Actor of(SupabaseClient client) {
        Optional<Secret> token = client.accessToken();
        if (token.isEmpty()) {
            return new Actor(null, client.isServiceRole() ? SERVICE_ROLE : ANON);
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(token.get().reveal()).getJWTClaimsSet();
            String sub = claims.getSubject();
            String role = claims.getClaim("role") instanceof String r && !r.isBlank() ? r : AUTHENTICATED;
            return new Actor(sub == null || sub.isBlank() ? null : sub, role);
        } catch (ParseException e) {
            // The message of a parse failure may quote the token; keep it out.
            throw new ValidationException("accessToken", "is not a readable JWT: its claims cannot be decoded");
        }
    }

    /** @return the acting user's id ({@code sub}), or null for the service role and anonymous requests */
    public String id() {
        return id;
    }

    /** @return the acting user's id as a UUID; empty when there is no user or {@code sub} is not a UUID */
    public Optional<UUID> userId() {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    /** @return the role: the JWT's {@code role} claim (e.g. {@code authenticated}), else the key's role */
    public String role() {
        return role;
    }

    /** @return whether this is the service role acting on its own (no user JWT) */
    public boolean isServiceRole() {
        return id == null && SERVICE_ROLE.equals(role);
    }

    /**
     * Compares id and role.
     *
     * @param o another object
     * @return whether {@code o} is the same actor
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && Objects.equals(id, a.id) && role.equals(a.role);
    }

    /** @return a hash of id and role */
    @Override
    public int hashCode() {
        return Objects.hash(id, role);
    }

    /** @return e.g. {@code Actor{8d0f... (authenticated)}} */
    @Override
    public String toString() {
        return "Actor{" + (id == null ? "no user" : id) + " (" + role + ")}";
    }
}
