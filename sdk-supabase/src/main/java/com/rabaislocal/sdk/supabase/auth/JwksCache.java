package com.rabaislocal.sdk.supabase.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.ServiceClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's public signing keys, fetched from its JWKS endpoint and kept for a time-to-live. A token naming an
 * unknown {@code kid} triggers a refetch, at most once per minimum interval, so a flood of forged kids cannot make
 * the SDK hammer the endpoint. When a refetch fails but keys are cached, the stale keys keep serving (a WARN says
 * so) rather than refusing every token during an outage. Thread-safe: one fetch at a time.
 */
final class JwksCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.supabase.auth");

    private final ServiceClient http;
    private final Clock clock;
    private final Duration ttl;
    private final Duration minRefetchInterval;
    private final Object lock = new Object();
    private volatile Keys keys;
    private Instant lastAttempt;

    /** The keys of one fetch, by kid. */
    private static final class Keys {
        final Map<String, JWK> byKid;
        final Instant fetchedAt;

        Keys(Map<String, JWK> byKid, Instant fetchedAt) {
            this.byKid = byKid;
            this.fetchedAt = fetchedAt;
        }
    }

    JwksCache(ServiceClient http, Clock clock, Duration ttl, Duration minRefetchInterval) {
        this.http = http;
        this.clock = clock;
        this.ttl = ttl;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** @return the JWKS URL */
    String url() {
        return http.baseUrl().toString();
    }

    /**
     * Finds the public key with this id, fetching the JWKS when none is cached, when the cache is older than the
     * TTL, or when the id is unknown (throttled).
     *
     * @return the key, or null when no key has this id
     * @throws RabaisSdkException when no keys are cached and the fetch fails
     */
    JWK find(String kid) {
        Keys seen = keys;
        if (seen == null || !clock.instant().isBefore(seen.fetchedAt.plus(ttl))) {
            seen = refetch(seen);
        }
        JWK key = seen.byKid.get(kid);
        if (key == null) {
            key = refetch(seen).byKid.get(kid);
        }
        return key;
    }

    private Keys refetch(Keys seen) {
        synchronized (lock) {
            Keys current = keys;
            if (current != seen) {
                return current;
            }
            Instant now = clock.instant();
            if (current != null && lastAttempt != null && now.isBefore(lastAttempt.plus(minRefetchInterval))) {
                return current;
            }
            lastAttempt = now;
            try {
                Keys fresh = new Keys(fetch(), now);
                keys = fresh;
                return fresh;
            } catch (RabaisSdkException e) {
                if (current == null) {
                    throw e;
                }
                LOG.warn("JWKS refetch from {} failed, keeping the {} keys fetched at {}: {}", url(),
                        current.byKid.size(), current.fetchedAt, e.getMessage());
                return current;
            }
        }
    }

    private Map<String, JWK> fetch() {
        SdkRequest request = SdkRequest.builder("GET", "").operation("auth.jwks.get").build();
        String body = http.execute(request).bodyString();
        JWKSet set;
        try {
            set = JWKSet.parse(body);
        } catch (ParseException e) {
            throw new RabaisSdkException(AuthHttp.SERVICE + " JWKS at " + url() + " is not a JSON Web Key Set: "
                    + e.getMessage(), e);
        }
        Map<String, JWK> byKid = new LinkedHashMap<>();
        for (JWK k : set.getKeys()) {
            boolean signing = k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse());
            boolean asymmetric = KeyType.RSA.equals(k.getKeyType()) || KeyType.EC.equals(k.getKeyType());
            // Only public signing keys count: a symmetric key published by mistake must never verify anything.
            if (k.getKeyID() != null && signing && asymmetric) {
                byKid.put(k.getKeyID(), k.toPublicJWK());
            }
        }
        LOG.debug("JWKS fetched from {}: {} signing keys {}", url(), byKid.size(), byKid.keySet());
        return Collections.unmodifiableMap(byKid);
    }

    @Override
    public void close() {
        http.close();
    }
}
