package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Realistic GoTrue bodies and helpers shared by the Auth tests. */
final class AuthFixtures {

    static final String USER_ID = "8f3c1c52-4a7e-4d4e-9a55-1f0b6f1e2a10";

    private AuthFixtures() {
    }

    /** A user object as GoTrue 2.x writes it. */
    static String userJson(String id, String email) {
        return "{\"id\":\"" + id + "\",\"aud\":\"authenticated\",\"role\":\"authenticated\",\"email\":\"" + email
                + "\",\"email_confirmed_at\":\"2025-03-01T10:15:30.123456Z\",\"phone\":\"\","
                + "\"confirmed_at\":\"2025-03-01T10:15:30.123456Z\",\"last_sign_in_at\":\"2025-03-02T08:00:00Z\","
                + "\"app_metadata\":{\"provider\":\"email\",\"providers\":[\"email\"],\"merchant_id\":42},"
                + "\"user_metadata\":{\"display_name\":\"Marie\"},"
                + "\"identities\":[{\"identity_id\":\"1b0f\",\"provider\":\"email\",\"identity_data\":{\"sub\":\""
                + id + "\"}}],\"created_at\":\"2025-03-01T10:15:00.000000Z\","
                + "\"updated_at\":\"2025-03-02T08:00:00.000000Z\",\"is_anonymous\":false,"
                + "\"factors\":null,\"some_future_field\":{\"x\":1}}";
    }

    /** A token answer. */
    static String sessionJson(String access, String refresh, boolean withExpiresAt) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                + (withExpiresAt ? "\"expires_at\":1767225600," : "")
                + "\"refresh_token\":\"" + refresh + "\",\"user\":" + userJson(USER_ID, "marie@example.com") + "}";
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("X-Supabase-Api-Version", "2024-01-01").setBody(body);
    }

    static JsonNode tree(String json) {
        try {
            return SdkJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(RecordedRequest r) {
        return tree(r.getBody().readUtf8());
    }

    /** A retry policy that records its waits instead of sleeping. */
    static RetryPolicy noSleep(List<Duration> waits) {
        return AuthClient.defaultRetryPolicy().toBuilder().sleeper(waits::add).build();
    }

    static RetryPolicy noSleep() {
        return noSleep(new ArrayList<>());
    }
}
