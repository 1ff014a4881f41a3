package com.rabaislocal.sdk.examples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.spring.test.RabaisStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The Supabase project the sample application's test talks to: the one place that chooses it. Today a
 * MockWebServer answering the calls the application makes with PostgREST's and GoTrue's shapes, and users' tokens
 * signed HS256 with the project's (test) JWT secret; sdk-testing's {@code SupabaseStandIn} (HS256 tokens with a
 * configurable secret, {@code mintUserToken}) can take its place here without the rest of the test changing.
 *
 * <p>Serves Auth's health, {@code GET /rest/v1/<table>} (no rows), {@code POST /rest/v1/offers} (the row written,
 * with the server's timestamps) and {@code POST /rest/v1/logs_audit}; records every request; signs users' access
 * tokens with the project's (test) JWT secret.
 */
public final class SupabaseBackend implements RabaisStandIn {

    /** The publishable key of the test project. */
    public static final String PUBLISHABLE_KEY = "sb_publishable_ZaqV0Ae7Vm5Fm2yqnJbSzQ_JIt7dpFZ";
    /** The secret (service-role) key of the test project. */
    public static final String SECRET_KEY = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";
    /** The test project's legacy JWT secret. */
    public static final String JWT_SECRET = "sample-application-test-jwt-secret-0123456789";

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /** Starts the server on a free loopback port. */
    public SupabaseBackend() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                requests.add(r);
                return answer(r);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse answer(RecordedRequest r) {
        String target = r.getTarget();
        String method = r.getMethod();
        if (method.equals("GET") && target.startsWith("/auth/v1/health")) {
            return json(200, "{\"version\":\"v2.170.0\",\"name\":\"GoTrue\"}");
        }
        if (method.equals("POST") && target.startsWith("/rest/v1/logs_audit")) {
            return new MockResponse.Builder().code(201).build();
        }
        if (method.equals("POST") && target.startsWith("/rest/v1/offers")) {
            ObjectNode row = (ObjectNode) read(r.getBody().utf8());
            String now = Instant.now().toString();
            row.put("created_at", now).put("updated_at", now).putNull("deleted_at");
            ArrayNode rows = SdkJson.mapper().createArrayNode().add(row);
            return json(201, rows.toString());
        }
        if (method.equals("GET") && target.startsWith("/rest/v1/")) {
            return json(200, "[]");
        }
        return json(404, "{\"code\":\"PGRST205\",\"details\":null,\"hint\":null,"
                + "\"message\":\"Could not find the table in the schema cache\"}");
    }

    private static JsonNode read(String body) {
        try {
            return SdkJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    /** @return the project URL */
    public String url() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("SUPABASE_URL", url(), "SUPABASE_ANON_KEY", PUBLISHABLE_KEY,
                "SUPABASE_SERVICE_ROLE_KEY", SECRET_KEY, "SUPABASE_JWT_SECRET", JWT_SECRET);
    }

    /** @return every request received so far */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * An access token of a signed-in user, as the project's Auth issues it.
     *
     * @param user the user's id
     * @return the compact JWT
     */
    public String accessToken(UUID user) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user.toString()).issuer(url() + "/auth/v1")
                .audience("authenticated").claim("role", "authenticated").claim("email", "marchand@example.com")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops answering, as a project that went down. */
    @Override
    public void close() {
        server.close();
    }
}
