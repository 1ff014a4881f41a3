package com.rabaislocal.sdk.supabase.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The claims of a verified Supabase access token. Immutable. Typed accessors cover what Supabase puts in its
 * tokens; {@link #raw()} holds every claim as JSON values (strings, numbers, booleans, lists, maps).
 *
 * <p>Authorize on {@link #appMetadata()} (only the service role can change it), never on {@link #userMetadata()}
 * (the user can).
 */
public final class JwtClaims {

    private final Map<String, Object> raw;
    private final List<String> audience;
    private final Instant expiresAt;

    JwtClaims(Map<String, Object> raw, List<String> audience, Instant expiresAt) {
        this.raw = AuthValues.copy(raw);
        this.audience = List.copyOf(audience);
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return {@code sub}: the user's id as text; empty for tokens without a subject (API keys) */
    public Optional<String> subject() {
        return text("sub");
    }

    /** @return {@code sub} as a UUID; empty when absent or not a UUID */
    public Optional<UUID> userId() {
        try {
            return subject().map(UUID::fromString);
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    /** @return {@code role}: the database role, e.g. {@code authenticated}, {@code anon}, {@code service_role} */
    public Optional<String> role() {
        return text("role");
    }

    /** @return {@code email}, if set and not empty */
    public Optional<String> email() {
        return text("email");
    }

    /** @return {@code phone}, if set and not empty */
    public Optional<String> phone() {
        return text("phone");
    }

    /** @return {@code iss}, e.g. {@code https://<ref>.supabase.co/auth/v1} */
    public Optional<String> issuer() {
        return text("iss");
    }

    /** @return {@code aud} as a list (a single string becomes one element); empty when absent */
    public List<String> audience() {
        return audience;
    }

    /** @return {@code exp}: when the token expires */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return {@code iat}: when the token was issued, if stated */
    public Optional<Instant> issuedAt() {
        return epoch("iat");
    }

    /** @return {@code nbf}: when the token becomes valid, if stated */
    public Optional<Instant> notBefore() {
        return epoch("nbf");
    }

    /** @return {@code session_id}: the GoTrue session the token belongs to */
    public Optional<String> sessionId() {
        return text("session_id");
    }

    /** @return {@code aal}: the authenticator assurance level, {@code aal1} or {@code aal2} (MFA) */
    public Optional<String> aal() {
        return text("aal");
    }

    /** @return the {@code method} of each {@code amr} entry (e.g. {@code password}, {@code otp}), in order */
    public List<String> authenticationMethods() {
        List<String> out = new ArrayList<>();
        if (raw.get("amr") instanceof List<?> amr) {
            for (Object entry : amr) {
                if (entry instanceof Map<?, ?> m && m.get("method") instanceof String method) {
                    out.add(method);
                } else if (entry instanceof String method) {
                    out.add(method);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return {@code is_anonymous}: whether the user signed in anonymously; false when absent */
    public boolean isAnonymous() {
        return Boolean.TRUE.equals(raw.get("is_anonymous"));
    }

    /** @return {@code app_metadata}: set by the service role only; empty when absent */
    public Map<String, Object> appMetadata() {
        return map("app_metadata");
    }

    /** @return {@code user_metadata}: editable by the user, never trust it for authorization; empty when absent */
    public Map<String, Object> userMetadata() {
        return map("user_metadata");
    }

    /** @return every claim, as decoded from the token */
    public Map<String, Object> raw() {
        return raw;
    }

    private Optional<String> text(String name) {
        Object v = raw.get(name);
        return v instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    private Optional<Instant> epoch(String name) {
        Object v = raw.get(name);
        return v instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String name) {
        Object v = raw.get(name);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** Identity and validity only: no e-mail, phone or metadata. */
    @Override
    public String toString() {
        return "JwtClaims{sub=" + subject().orElse(null) + ", role=" + role().orElse(null) + ", aud=" + audience
                + ", exp=" + expiresAt + ", sessionId=" + sessionId().orElse(null) + '}';
    }
}
