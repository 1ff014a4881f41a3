package com.rabaislocal.sdk.make;

import java.util.Set;

/**
 * Whom a Make API token belongs to and what it may do, from {@code GET /users/me} and
 * {@code GET /users/me/current-authorization}.
 *
 * @param userId the token's user
 * @param userName the user's name
 * @param scopes the token's scopes, e.g. {@code scenarios:read}
 */
public record TokenInfo(long userId, String userName, Set<String> scopes) {

    /**
     * Copies the scopes.
     *
     * @param userId the token's user
     * @param userName the user's name
     * @param scopes the token's scopes, e.g. {@code scenarios:read}
     */
    public TokenInfo {
        scopes = Set.copyOf(scopes);
    }
}
