package com.rabaislocal.sdk.supabase.testing;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer standing in for a Supabase project, with a client whose retries record their waits. */
public final class MockSupabase implements AutoCloseable {

    /** A legacy anon key: a JWT whose payload says {@code "role":"anon"}. */
    public static final String ANON_JWT = jwt("{\"role\":\"anon\",\"iss\":\"supabase\"}");
    /** A legacy service_role key. */
    public static final String SERVICE_JWT = jwt("{\"role\":\"service_role\",\"iss\":\"supabase\"}");
    /** A user's access token. */
    public static final String USER_JWT = jwt("{\"sub\":\"8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e\","
            + "\"role\":\"authenticated\"}");
    /** A new-style publishable key (not a JWT). */
    public static final String PUBLISHABLE = "sb_publishable_abcDEF123_secretish";
    /** A new-style secret key (not a JWT). */
    public static final String SECRET = "sb_secret_zyxWVU987_verysecret";

    public final MockWebServer server = new MockWebServer();
    /** Records the retries' waits and moves a fake clock by them, so no test sleeps. */
    public final RecordingSleeper sleeper = new RecordingSleeper(FakeClock.at(Instant.parse("2026-03-01T12:00:00Z")));

    public MockSupabase() {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwt(String payloadJson) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** A retry policy that never sleeps: it records each wait and advances the fake clock. */
    public RetryPolicy.Builder retryPolicy() {
        return SupabaseClient.defaultRetryPolicy().toBuilder().clock(sleeper.clock()).sleeper(sleeper).minJitter(1.0);
    }

    /** @return every wait the retries asked for, in order */
    public List<Duration> sleeps() {
        return sleeper.delays();
    }

    public SupabaseClient.Builder builder(String key) {
        return SupabaseClient.builder().url(url()).apiKey(CredentialProvider.of(key))
                .retryPolicy(retryPolicy().build());
    }

    /** A client with the legacy anon JWT key. */
    public SupabaseClient client() {
        return builder(ANON_JWT).build();
    }

    public void enqueue(MockResponse r) {
        server.enqueue(r);
    }

    public void json(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type",
                "application/json; charset=utf-8").setBody(body));
    }

    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request reached the server");
            }
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded query parameters in order, as {@code name=value} strings. */
    public static List<String> params(RecordedRequest r) {
        HttpUrl u = r.getRequestUrl();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < u.querySize(); i++) {
            out.add(u.queryParameterName(i) + "=" + u.queryParameterValue(i));
        }
        return out;
    }

    /** The decoded query parameters, as an ordered map of name to values joined by "|". */
    public static Map<String, String> paramMap(RecordedRequest r) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        HttpUrl u = r.getRequestUrl();
        for (int i = 0; i < u.querySize(); i++) {
            out.merge(u.queryParameterName(i), u.queryParameterValue(i), (a, b) -> a + "|" + b);
        }
        return out;
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException ignored) {
            // best effort in tests
        }
    }
}
