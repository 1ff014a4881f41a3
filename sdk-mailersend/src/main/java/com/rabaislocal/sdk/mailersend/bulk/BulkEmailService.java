package com.rabaislocal.sdk.mailersend.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.EmailService;
import com.rabaislocal.sdk.mailersend.emails.SuppressedRecipient;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends many emails through {@code POST /bulk-email}, split into requests of at most the client's chunk size, and
 * follows them with {@code GET /bulk-email/{id}}. A cheap view over the client; thread-safe.
 *
 * <p>A bulk request is a write without an idempotency key: like a single send, it is retried only on 429, 421, 503
 * and connection failures before sending. Chunks are sent one after the other; when one fails, a
 * {@link BulkSendException} tells which were already queued.
 */
public final class BulkEmailService {

    /**
     * The default number of emails per request: 500, the per-request maximum usually given for
     * {@code POST /bulk-email} (unconfirmed by the wire reference: see docs/MAILERSEND.md; a plan with a lower
     * limit sets {@code bulkChunkSize}).
     */
    public static final int DEFAULT_CHUNK_SIZE = 500;
    /** The largest chunk the client accepts. */
    public static final int MAX_CHUNK_SIZE = 500;
    /** The first wait between two status polls. */
    public static final Duration FIRST_POLL_WAIT = Duration.ofSeconds(1);
    /** The longest wait between two status polls. */
    public static final Duration MAX_POLL_WAIT = Duration.ofSeconds(30);

    private final MailerSendHttp http;
    private final int chunkSize;
    private final RetryPolicy policy;

    /**
     * @param http the module's calls
     * @param chunkSize emails per request
     * @param policy the client's retry policy, whose sleeper and clock pace the polling
     */
    public BulkEmailService(MailerSendHttp http, int chunkSize, RetryPolicy policy) {
        this.http = http;
        this.chunkSize = chunkSize;
        this.policy = policy;
    }

    /** @return emails per request */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Sends the emails, {@link #chunkSize()} per request, in order.
     *
     * @param emails the emails, at least one, each already checked by its builder
     * @return each chunk's {@code bulk_email_id}
     * @throws ValidationException when the list is empty or holds null
     * @throws BulkSendException when a chunk fails after others were queued (or the first fails: then
     *     {@link BulkSendException#accepted()} is empty)
     */
    public BulkSendResult send(List<EmailSendParams> emails) {
        if (emails == null || emails.isEmpty()) {
            throw new ValidationException("emails", "needs at least one email");
        }
        for (int i = 0; i < emails.size(); i++) {
            if (emails.get(i) == null) {
                throw new ValidationException("emails." + i, "must not be null");
            }
        }
        List<BulkChunk> chunks = new ArrayList<>();
        for (int from = 0; from < emails.size(); from += chunkSize) {
            int to = Math.min(emails.size(), from + chunkSize);
            List<Map<String, Object>> bodies = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                bodies.add(emails.get(i).body());
            }
            SdkRequest request = SdkRequest.builder("POST", "/bulk-email").operation("bulk_emails.send")
                    .jsonBody(bodies).repeatable(false).build();
            try {
                MailerSendHttp.Answer a = http.json(request);
                String id = Json.text(a.root(), "bulk_email_id");
                if (id == null || id.isBlank()) {
                    throw a.unexpected("no \"bulk_email_id\" in the answer (the chunk may have been queued)");
                }
                chunks.add(new BulkChunk(id, from, to - from, a.rateLimit()));
            } catch (RabaisSdkException e) {
                throw new BulkSendException(new BulkSendResult(chunks), from, emails.size(), e);
            }
        }
        return new BulkSendResult(chunks);
    }

    /**
     * Reads a bulk request's state.
     *
     * @param bulkEmailId the id a chunk was given
     * @return the state, validation errors and suppressed recipients included
     */
    public BulkEmailStatus status(String bulkEmailId) {
        requireId(bulkEmailId);
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("GET", "/bulk-email").pathSegment(bulkEmailId)
                .operation("bulk_emails.status").build());
        return read(a.data(), a);
    }

    /**
     * Polls a bulk request until it is {@code completed}, waiting 1 s, 2 s, 4 s ... up to 30 s between polls
     * (through the retry policy's sleeper, so tests do not sleep).
     *
     * @param bulkEmailId the id
     * @param deadline the longest time to wait, positive
     * @return the completed state
     * @throws RequestTimeoutException when the deadline passes first
     */
    public BulkEmailStatus waitUntilCompleted(String bulkEmailId, Duration deadline) {
        requireId(bulkEmailId);
        if (deadline == null || deadline.isZero() || deadline.isNegative()) {
            throw new ValidationException("deadline", "must be positive, was " + deadline);
        }
        Instant end = policy.clock().instant().plus(deadline);
        Duration wait = FIRST_POLL_WAIT;
        while (true) {
            BulkEmailStatus s = status(bulkEmailId);
            if (s.completed()) {
                return s;
            }
            Instant now = policy.clock().instant();
            if (!now.plus(wait).isBefore(end)) {
                throw new RequestTimeoutException(MailerSendHttp.SERVICE, "mailersend bulk email " + bulkEmailId
                        + " is still " + s.state() + " after waiting " + deadline.toMillis() + " ms", null);
            }
            try {
                policy.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RabaisSdkException("mailersend: interrupted while waiting for bulk email " + bulkEmailId, e);
            }
            wait = wait.multipliedBy(2).compareTo(MAX_POLL_WAIT) > 0 ? MAX_POLL_WAIT : wait.multipliedBy(2);
        }
    }

    /**
     * Waits for every chunk of a bulk send, within one deadline for all.
     *
     * @param result the send's chunks
     * @param deadline the longest time to wait in all
     * @return each chunk's completed state, in order
     */
    public List<BulkEmailStatus> waitUntilCompleted(BulkSendResult result, Duration deadline) {
        Objects.requireNonNull(result, "result");
        if (deadline == null || deadline.isZero() || deadline.isNegative()) {
            throw new ValidationException("deadline", "must be positive, was " + deadline);
        }
        Instant end = policy.clock().instant().plus(deadline);
        List<BulkEmailStatus> out = new ArrayList<>();
        for (BulkChunk c : result.chunks()) {
            Duration left = Duration.between(policy.clock().instant(), end);
            if (left.isZero() || left.isNegative()) {
                left = Duration.ofMillis(1);
            }
            out.add(waitUntilCompleted(c.bulkEmailId(), left));
        }
        return out;
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new ValidationException("bulkEmailId", "is required");
        }
    }

    static BulkEmailStatus read(JsonNode d, MailerSendHttp.Answer a) {
        String id = a.required(d, "id");
        return new BulkEmailStatus(id, Json.text(d, "state"), Json.number(d, "total_recipients_count", 0),
                Json.number(d, "suppressed_recipients_count", 0), suppressed(d.path("suppressed_recipients")),
                Json.number(d, "validation_errors_count", 0), validationErrors(d.path("validation_errors")),
                Json.texts(d, "messages_id"), Json.instant(d, "created_at"), Json.instant(d, "updated_at"), d);
    }

    private static List<SuppressedRecipient> suppressed(JsonNode node) {
        if (node.isArray()) {
            return EmailService.suppressed(node);
        }
        List<SuppressedRecipient> out = new ArrayList<>();
        if (node.isObject()) {
            // Keyed by message or email index: every value that holds recipients is kept.
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    out.addAll(EmailService.suppressed(v));
                } else if (v.isObject()) {
                    if (v.has("email")) {
                        out.add(new SuppressedRecipient(Json.text(v, "email"), Json.text(v, "name"),
                                Json.texts(v, "reasons")));
                    } else {
                        for (Iterator<Map.Entry<String, JsonNode>> in = v.fields(); in.hasNext(); ) {
                            Map.Entry<String, JsonNode> r = in.next();
                            List<String> reasons = r.getValue().isArray() ? Json.texts(v, r.getKey())
                                    : List.of(r.getValue().asText());
                            out.add(new SuppressedRecipient(r.getKey(), null, reasons));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<BulkValidationError> validationErrors(JsonNode node) {
        List<BulkValidationError> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new BulkValidationError(e.getKey(), messages(e.getValue())));
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode e : node) {
                if (e.isObject() && e.has("errors") && e.path("errors").isObject()) {
                    String prefix = Json.optText(e, "index").orElse(Integer.toString(i));
                    for (Iterator<Map.Entry<String, JsonNode>> it = e.path("errors").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        out.add(new BulkValidationError(prefix + "." + f.getKey(), messages(f.getValue())));
                    }
                } else {
                    out.add(new BulkValidationError(Integer.toString(i), messages(e)));
                }
                i++;
            }
        }
        return out;
    }

    private static List<String> messages(JsonNode v) {
        List<String> m = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> m.add(x.isValueNode() ? x.asText() : x.toString()));
        } else if (v.isValueNode()) {
            m.add(v.asText());
        } else {
            m.add(v.toString());
        }
        return m;
    }
}
