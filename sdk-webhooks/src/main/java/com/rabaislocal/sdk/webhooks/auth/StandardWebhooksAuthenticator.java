package com.rabaislocal.sdk.webhooks.auth;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import com.rabaislocal.sdk.webhooks.WebhookDelivery;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import com.rabaislocal.sdk.webhooks.limit.IdempotencyStore;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Standard Webhooks (standardwebhooks.com) symmetric signatures: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64>} entries, each an HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>}
 * keyed with the Base64 part of a {@code whsec_<base64>} secret.
 *
 * <p>Checked in this order: the three headers present once each (else {@code credentials_missing} or
 * {@code signature_invalid}); the signature (any v1 entry, any configured secret); the timestamp within the tolerance
 * of the clock, in both directions ({@code timestamp_out_of_tolerance}); and the pair (id, timestamp) seen for the
 * first time ({@code replayed}). A sender's retry signs a new timestamp, so it passes here and is then answered as a
 * duplicate by the receiver's idempotency on {@code webhook-id}; only a byte-for-byte replay is refused. For several
 * instances, give the replay store of a shared {@link StateStore}.
 *
 * <p>Immutable and thread-safe.
 */
public final class StandardWebhooksAuthenticator implements WebhookAuthenticator {

    /** Default timestamp tolerance: 5 minutes, as the Standard Webhooks libraries use. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Longest {@code webhook-id} accepted, in characters. */
    public static final int MAX_ID_LENGTH = 256;

    private static final String SECRET_PREFIX = "whsec_";

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;
    private final IdempotencyStore replays;

    private StandardWebhooksAuthenticator(Builder b, List<byte[]> keys) {
        this.keys = keys;
        this.tolerance = b.tolerance;
        this.clock = b.clock;
        this.replays = b.replayStore != null ? b.replayStore : StateStore.inMemory(b.clock).idempotency();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AuthenticationResult authenticate(WebhookDelivery delivery) {
        List<String> ids = delivery.request().headerValues("webhook-id");
        List<String> stamps = delivery.request().headerValues("webhook-timestamp");
        List<String> sigs = delivery.request().headerValues("webhook-signature");
        if (ids.isEmpty() || stamps.isEmpty() || sigs.isEmpty()) {
            return AuthenticationResult.missing();
        }
        if (ids.size() > 1 || stamps.size() > 1 || sigs.size() > 1) {
            return AuthenticationResult.invalid();
        }
        String id = ids.get(0);
        String stamp = stamps.get(0);
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !isDigits(stamp)) {
            return AuthenticationResult.invalid();
        }
        if (!signatureMatches(id, stamp, delivery.bodyView(), sigs.get(0))) {
            return AuthenticationResult.invalid();
        }
        long now = clock.millis() / 1000;
        long ts = Long.parseLong(stamp);
        if (Math.abs(now - ts) > tolerance.toSeconds()) {
            return AuthenticationResult.stale();
        }
        // A timestamp older than the tolerance is refused above, so remembering a pair twice as long is enough.
        if (!replays.claim("swh:" + id + ":" + stamp, tolerance.multipliedBy(2))) {
            return AuthenticationResult.replayed();
        }
        return AuthenticationResult.authenticated(id);
    }

    private boolean signatureMatches(String id, String stamp, byte[] body, String header) {
        byte[] prefix = (id + "." + stamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        List<String> candidates = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            if (entry.startsWith("v1,")) {
                candidates.add(entry.substring(3));
            }
        }
        boolean ok = false;
        for (byte[] key : keys) {
            String expected = WebhookSignatures.hmacSha256Base64(key, content);
            for (String c : candidates) {
                ok |= WebhookSignatures.constantTimeEquals(expected, c);
            }
        }
        return ok;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes a {@code whsec_<base64>} secret (the prefix is optional) into its key bytes.
     *
     * @param secret the secret
     * @return the key, or null when the text is not Base64
     */
    static byte[] decodeKey(Secret secret) {
        String s = secret.reveal();
        String b64 = s.startsWith(SECRET_PREFIX) ? s.substring(SECRET_PREFIX.length()) : s;
        try {
            byte[] key = Base64.getDecoder().decode(b64);
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "StandardWebhooksAuthenticator[" + keys.size() + " secret(s), tolerance=" + tolerance + "]";
    }

    /** Builds a {@link StandardWebhooksAuthenticator}; at least one secret is required. */
    public static final class Builder {

        private final List<Secret> secrets = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();
        private IdempotencyStore replayStore;

        private Builder() {
        }

        /**
         * Adds a signing secret; add several while one is being rotated.
         *
         * @param secret {@code whsec_<base64>}
         * @return this builder
         */
        public Builder secret(Secret secret) {
            secrets.add(Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /**
         * @param tolerance how far the signed timestamp may be from the clock, either way; default 5 minutes
         * @return this builder
         */
        public Builder tolerance(Duration tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /**
         * @param clock the clock timestamps are compared with; default the system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param replayStore where (id, timestamp) pairs are remembered; default a private in-memory store, so pass
         *     {@code stateStore.idempotency()} of a Redis store when several instances receive the same webhook
         * @return this builder
         */
        public Builder replayStore(IdempotencyStore replayStore) {
            this.replayStore = replayStore;
            return this;
        }

        /**
         * @return the authenticator
         * @throws com.rabaislocal.sdk.core.error.ValidationException listing every problem: no secret, a secret that
         *     is not {@code whsec_<base64>}, a tolerance below one second, no clock
         */
        public StandardWebhooksAuthenticator build() {
            Problems p = new Problems();
            p.require(!secrets.isEmpty(), "secret", "at least one secret is required");
            List<byte[]> keys = new ArrayList<>();
            for (int i = 0; i < secrets.size(); i++) {
                byte[] k = decodeKey(secrets.get(i));
                p.require(k != null, "secret", "secret #" + (i + 1) + " is not whsec_<base64>");
                keys.add(k);
            }
            p.require(tolerance != null && tolerance.toSeconds() >= 1, "tolerance", "must be at least 1 s");
            p.require(clock != null, "clock", "is required");
            p.throwIfAny("standard webhooks authenticator");
            return new StandardWebhooksAuthenticator(this, List.copyOf(keys));
        }
    }
}
