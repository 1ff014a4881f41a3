package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user's session: the access token (a JWT to send as {@code Authorization: Bearer}), the single-use
 * refresh token, and the user. Immutable. Both tokens are {@link Secret}s; {@link #toString()} never shows them.
 */
public final class Session {

    private final Secret accessToken;
    private final String tokenType;
    private final long expiresIn;
    private final Instant expiresAt;
    private final Secret refreshToken;
    private final User user;

    /**
     * Creates a session.
     *
     * @param accessToken the access token (JWT)
     * @param tokenType the token type, {@code bearer}
     * @param expiresIn the access token's lifetime in seconds, as issued
     * @param expiresAt when the access token expires
     * @param refreshToken the single-use refresh token
     * @param user the signed-in user
     */
    public Session(Secret accessToken, String tokenType, long expiresIn, Instant expiresAt, Secret refreshToken,
            User user) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.tokenType = tokenType == null ? "bearer" : tokenType;
        this.expiresIn = expiresIn;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
        this.user = user;
    }

    /** Reads a GoTrue token answer; {@code expires_at} defaults to now plus {@code expires_in}. */
    static Session read(JsonNode node, Clock clock, SdkRequest request) {
        String access = node.path("access_token").asText("");
        String refresh = node.path("refresh_token").asText("");
        if (access.isBlank() || refresh.isBlank()) {
            throw new RabaisSdkException(AuthHttp.SERVICE + " " + request.describe()
                    + ": the answer holds no access_token or refresh_token");
        }
        long expiresIn = node.path("expires_in").asLong(0);
        Instant expiresAt = node.hasNonNull("expires_at")
                ? Instant.ofEpochSecond(node.get("expires_at").asLong())
                : clock.instant().plusSeconds(expiresIn);
        User user = node.hasNonNull("user") ? AuthHttp.bind(node.get("user"), User.class, request) : null;
        return new Session(Secret.of(access), node.path("token_type").asText("bearer"), expiresIn, expiresAt,
                Secret.of(refresh), user);
    }

    /** @return the access token, a JWT; reveal it only to put it on the wire */
    public Secret accessToken() {
        return accessToken;
    }

    /** @return the token type, {@code bearer} */
    public String tokenType() {
        return tokenType;
    }

    /** @return the access token's lifetime in seconds, as issued */
    public long expiresIn() {
        return expiresIn;
    }

    /** @return when the access token expires */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the refresh token; it can be exchanged only once (see {@link AuthClient#refresh(Secret)}) */
    public Secret refreshToken() {
        return refreshToken;
    }

    /** @return the signed-in user; null only if GoTrue sent none */
    public User user() {
        return user;
    }

    /**
     * Tells whether the access token has expired, or will within a margin.
     *
     * @param now the current instant
     * @param marginSeconds how many seconds before expiry to already count it expired, e.g. 60 to refresh early
     * @return true when {@code now + margin} is at or after {@link #expiresAt()}
     */
    public boolean isExpired(Instant now, long marginSeconds) {
        return !now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    /** Tokens masked. */
    @Override
    public String toString() {
        return "Session{user=" + (user == null ? null : user.id()) + ", tokenType=" + tokenType + ", expiresAt="
                + expiresAt + ", accessToken=" + accessToken + ", refreshToken=" + refreshToken + '}';
    }
}
