package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Supabase Auth user as GoTrue returns it. Fields GoTrue adds later are ignored; absent timestamps are null and
 * absent metadata is empty.
 *
 * <p>Authorize on {@link #appMetadata()}, which only the service role can change; {@link #userMetadata()} is
 * editable by the user.
 *
 * @param id the user's id
 * @param aud the audience, normally {@code authenticated}
 * @param role the database role, normally {@code authenticated}
 * @param email the e-mail address, null or empty when none
 * @param phone the phone number, null or empty when none
 * @param emailConfirmedAt when the e-mail address was confirmed, or null
 * @param phoneConfirmedAt when the phone number was confirmed, or null
 * @param confirmedAt when the user was first confirmed, or null
 * @param lastSignInAt when the user last signed in, or null
 * @param appMetadata metadata only the service role can change (provider, roles, ...), never null
 * @param userMetadata metadata the user can change, never null
 * @param identities the linked identities (provider, identity_data, ...), never null
 * @param createdAt when the user was created
 * @param updatedAt when the user last changed
 * @param bannedUntil until when the user is banned, or null
 * @param deletedAt when the user was soft-deleted, or null
 * @param anonymous whether the user signed in anonymously
 */
public record User(
        UUID id,
        String aud,
        String role,
        String email,
        String phone,
        @JsonProperty("email_confirmed_at") Instant emailConfirmedAt,
        @JsonProperty("phone_confirmed_at") Instant phoneConfirmedAt,
        @JsonProperty("confirmed_at") Instant confirmedAt,
        @JsonProperty("last_sign_in_at") Instant lastSignInAt,
        @JsonProperty("app_metadata") Map<String, Object> appMetadata,
        @JsonProperty("user_metadata") Map<String, Object> userMetadata,
        List<Map<String, Object>> identities,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("banned_until") Instant bannedUntil,
        @JsonProperty("deleted_at") Instant deletedAt,
        @JsonProperty("is_anonymous") boolean anonymous) {

    /**
     * Creates the value, copying its collections.
     *
     * @param id the user's id
     * @param aud the audience, normally {@code authenticated}
     * @param role the database role, normally {@code authenticated}
     * @param email the e-mail address, null or empty when none
     * @param phone the phone number, null or empty when none
     * @param emailConfirmedAt when the e-mail address was confirmed, or null
     * @param phoneConfirmedAt when the phone number was confirmed, or null
     * @param confirmedAt when the user was first confirmed, or null
     * @param lastSignInAt when the user last signed in, or null
     * @param appMetadata metadata only the service role can change (provider, roles, ...), never null
     * @param userMetadata metadata the user can change, never null
     * @param identities the linked identities (provider, identity_data, ...), never null
     * @param createdAt when the user was created
     * @param updatedAt when the user last changed
     * @param bannedUntil until when the user is banned, or null
     * @param deletedAt when the user was soft-deleted, or null
     * @param anonymous whether the user signed in anonymously
     */
    public User {
        // Copies, so the record stays immutable whatever the caller or the JSON binder holds.
        appMetadata = AuthValues.copy(appMetadata);
        userMetadata = AuthValues.copy(userMetadata);
        List<Map<String, Object>> ids = new ArrayList<>();
        if (identities != null) {
            for (Map<String, Object> i : identities) {
                ids.add(AuthValues.copy(i));
            }
        }
        identities = Collections.unmodifiableList(ids);
    }

    /**
     * Returns one field of {@link #appMetadata()}.
     *
     * @param key the field name, e.g. {@code "provider"}
     * @return its value, or null when absent
     */
    public Object appMetadata(String key) {
        return appMetadata.get(key);
    }
}
