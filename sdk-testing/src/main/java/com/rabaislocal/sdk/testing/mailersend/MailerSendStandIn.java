package com.rabaislocal.sdk.testing.mailersend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.webhook.WebhookSignatures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in of MailerSend's email API that answers the way the real service does:
 * <ul>
 *   <li>{@code POST /v1/email}: the same checks as the API (to 1-50, cc/bcc 10, subject 998, a body or template,
 *       tags 5, personalization keys without dots...), refused with 422 and MailerSend's error shape
 *       ({@code {"message": "... (and N more errors)", "errors": {"to.0.email": [...]}}}); accepted with 202, an
 *       {@code X-Message-Id} and the rate-limit and quota headers, the email kept in the {@link #outbox()};
 *       suppressed recipients ({@link #suppress(String, String)}) answered with {@code SOME_SUPPRESSED} or
 *       {@code ALL_SUPPRESSED} warnings (nothing is kept when all are suppressed);</li>
 *   <li>{@code POST /v1/bulk-email}: 202 with a {@code bulk_email_id}; invalid emails and suppressed recipients
 *       reported by {@code GET /v1/bulk-email/{id}}, which answers {@code queued} for the first
 *       {@link #bulkPollsBeforeCompleted(int)} polls, then {@code completed};</li>
 *   <li>{@code GET /v1/api-quota}; a wrong token gets 401 {@code {"message":"Unauthenticated."}};
 *       {@link #failNext(int, int, String)} makes the next calls fail with a status (429 with
 *       {@code Retry-After}, 503...);</li>
 *   <li>{@link #deliverEvent(String, Secret, String, SentEmail)} posts a signed {@code activity.*} webhook event
 *       to a URL, as MailerSend does.</li>
 * </ul>
 * Listens on 127.0.0.1 on a free port; thread-safe; close it when done.
 */
public final class MailerSendStandIn implements AutoCloseable {

    /** The per-minute limit the stand-in reports. */
    public static final int RATE_LIMIT = 120;
    /** The daily quota the stand-in reports. */
    public static final int DAILY_QUOTA = 100_000;

    /**
     * An email the stand-in accepted.
     *
     * @param messageId its {@code X-Message-Id}
     * @param body the email as sent (one element of a bulk request, or the whole single request)
     * @param recipients the addresses it went to (suppressed ones left out)
     * @param bulkEmailId the bulk request it came in, or null for a single send
     */
    public record SentEmail(String messageId, JsonNode body, List<String> recipients, String bulkEmailId) {

        /**
         * @param email a recipient's address
         * @return that recipient's personalization data, a missing node when none
         */
        public JsonNode personalization(String email) {
            for (JsonNode p : body.path("personalization")) {
                if (email.equalsIgnoreCase(p.path("email").asText())) {
                    return p.path("data");
                }
            }
            return SdkJson.mapper().missingNode();
        }
    }

    private record Failure(int status, String body) {
    }

    private final HttpServer server;
    private final String token;
    private final List<SentEmail> outbox = new ArrayList<>();
    private final Map<String, List<String>> suppressed = new LinkedHashMap<>();
    private final Map<String, ObjectNode> bulks = new LinkedHashMap<>();
    private final Map<String, Integer> bulkPolls = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger emailRequests = new AtomicInteger();
    private final AtomicInteger bulkRequests = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong(0x63189f260a946e37L);
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int pollsBeforeCompleted = 1;
    private volatile boolean keepBodies = true;

    private MailerSendStandIn(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "mailersend-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /**
     * Starts a stand-in that accepts one API token.
     *
     * @param token the token the client must send as {@code Authorization: Bearer}
     * @return the running stand-in
     * @throws IOException when no port can be bound
     */
    public static MailerSendStandIn start(String token) throws IOException {
        return new MailerSendStandIn(token);
    }

    /** @return the base URL to give the client, e.g. {@code http://127.0.0.1:50123/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Suppresses an address: sends to it are answered with a suppression warning.
     *
     * @param email the address
     * @param reason e.g. {@code hard_bounced}, {@code blocklisted}, {@code unsubscribed}
     * @return this stand-in
     */
    public synchronized MailerSendStandIn suppress(String email, String reason) {
        suppressed.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(reason);
        return this;
    }

    /**
     * Makes the next calls fail.
     *
     * @param status e.g. 429 (sent with {@code Retry-After: 1}), 503, 500
     * @param times how many calls fail
     * @param message the error's message
     * @return this stand-in
     */
    public synchronized MailerSendStandIn failNext(int status, int times, String message) {
        String body = SdkJson.mapper().createObjectNode().put("message", message).toString();
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, body));
        }
        return this;
    }

    /**
     * @param polls how many status polls answer {@code queued} before {@code completed}; default 1
     * @return this stand-in
     */
    public MailerSendStandIn bulkPollsBeforeCompleted(int polls) {
        this.pollsBeforeCompleted = polls;
        return this;
    }

    /**
     * @param keep false to keep only message ids and recipients, not bodies (long benchmarks); default true
     * @return this stand-in
     */
    public MailerSendStandIn keepBodies(boolean keep) {
        this.keepBodies = keep;
        return this;
    }

    /** @return a copy of the accepted emails, in order */
    public synchronized List<SentEmail> outbox() {
        return List.copyOf(outbox);
    }

    /** Empties the outbox and the counters. */
    public synchronized void reset() {
        outbox.clear();
        bulks.clear();
        bulkPolls.clear();
        requests.set(0);
        emailRequests.set(0);
        bulkRequests.set(0);
    }

    /** @return how many requests reached the stand-in */
    public int requestCount() {
        return requests.get();
    }

    /** @return how many {@code POST /email} requests reached it */
    public int emailRequestCount() {
        return emailRequests.get();
    }

    /** @return how many {@code POST /bulk-email} requests reached it */
    public int bulkRequestCount() {
        return bulkRequests.get();
    }

    /**
     * Posts a signed webhook event about an accepted email, as MailerSend does: {@code Signature} is the lowercase
     * hex HMAC-SHA256 of the body with the webhook's secret.
     *
     * @param url the receiving URL
     * @param secret the webhook's signing secret
     * @param type e.g. {@code activity.delivered}, {@code activity.hard_bounced}
     * @param email the email it is about (its first recipient)
     * @return the receiver's HTTP status
     * @throws IOException when the receiver cannot be reached
     * @throws InterruptedException when interrupted
     */
    public int deliverEvent(String url, Secret secret, String type, SentEmail email)
            throws IOException, InterruptedException {
        return deliverSigned(url, secret, event(type, email).toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts a body signed with a secret (any event, or a tampered one for tests).
     *
     * @param url the receiving URL
     * @param secret the signing secret
     * @param body the raw body
     * @return the receiver's HTTP status
     * @throws IOException when the receiver cannot be reached
     * @throws InterruptedException when interrupted
     */
    public int deliverSigned(String url, Secret secret, byte[] body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Signature", WebhookSignatures.hmacSha256Hex(secret, body))
                .header("User-Agent", "MailerSend-Webhook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return webhookClient.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Builds an {@code activity.*} event about an email, in MailerSend's shape.
     *
     * @param type e.g. {@code activity.delivered}
     * @param email the email
     * @return the event
     */
    public ObjectNode event(String type, SentEmail email) {
        String now = Instant.now().toString();
        ObjectNode e = SdkJson.mapper().createObjectNode().put("type", type).put("domain_id", "standin-domain")
                .put("created_at", now).put("webhook_id", "standin-webhook");
        ObjectNode data = e.putObject("data").put("object", "activity").put("id", newId())
                .put("type", type.substring(type.indexOf('.') + 1)).put("created_at", now);
        ObjectNode em = data.putObject("email").put("object", "email").put("id", newId())
                .put("status", type.substring(type.indexOf('.') + 1))
                .put("subject", email.body().path("subject").asText(""));
        em.putObject("message").put("object", "message").put("id", email.messageId());
        em.putObject("recipient").put("object", "recipient").put("email",
                email.recipients().isEmpty() ? "" : email.recipients().get(0));
        if (type.endsWith("bounced")) {
            data.putObject("morph").put("object", "recipient_bounce").put("reason", "550 5.1.1 mailbox unavailable");
        }
        return e;
    }

    private String newId() {
        return String.format("%024x", nextId.incrementAndGet()).substring(0, 24);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath().substring("/v1/".length());
            String method = ex.getRequestMethod();
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"message\":\"Unauthenticated.\"}", null);
                return;
            }
            Failure f;
            synchronized (this) {
                f = failures.poll();
            }
            if (f != null) {
                if (f.status() == 429) {
                    ex.getResponseHeaders().set("Retry-After", "1");
                }
                send(ex, f.status(), f.body(), null);
                return;
            }
            if (method.equals("POST") && path.equals("email")) {
                emailRequests.incrementAndGet();
                email(ex, in);
            } else if (method.equals("POST") && path.equals("bulk-email")) {
                bulkRequests.incrementAndGet();
                bulk(ex, in);
            } else if (method.equals("GET") && path.startsWith("bulk-email/")) {
                bulkStatus(ex, path.substring("bulk-email/".length()));
            } else if (method.equals("GET") && path.equals("api-quota")) {
                LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
                send(ex, 200, SdkJson.mapper().createObjectNode().put("quota", DAILY_QUOTA)
                        .put("remaining", DAILY_QUOTA - requests.get())
                        .put("reset", tomorrow.atStartOfDay().toInstant(ZoneOffset.UTC).toString()).toString(), null);
            } else {
                send(ex, 404, "{\"message\":\"Resource not found.\"}", null);
            }
        }
    }

    private JsonNode parse(byte[] in) {
        try {
            return in.length == 0 ? null : SdkJson.mapper().readTree(in);
        } catch (IOException e) {
            return null;
        }
    }

    private void email(HttpExchange ex, byte[] in) throws IOException {
        JsonNode body = parse(in);
        if (body == null || !body.isObject()) {
            send(ex, 400, "{\"message\":\"Malformed JSON.\"}", null);
            return;
        }
        Map<String, List<String>> errors = validate(body);
        if (!errors.isEmpty()) {
            send(ex, 422, errorBody(errors).toString(), null);
            return;
        }
        ArrayNode warnings = SdkJson.mapper().createArrayNode();
        String messageId;
        synchronized (this) {
            List<String> ok = new ArrayList<>();
            ArrayNode suppressedRecipients = SdkJson.mapper().createArrayNode();
            split(body, ok, suppressedRecipients);
            if (ok.isEmpty()) {
                warnings.addObject().put("type", "ALL_SUPPRESSED").put("warning",
                        "All of the recipients have been suppressed.").set("recipients", suppressedRecipients);
                messageId = null;
            } else {
                if (!suppressedRecipients.isEmpty()) {
                    warnings.addObject().put("type", "SOME_SUPPRESSED").put("warning",
                            "Some of the recipients have been suppressed.").set("recipients", suppressedRecipients);
                }
                messageId = newId();
                outbox.add(new SentEmail(messageId, keepBodies ? body : SdkJson.mapper().createObjectNode(),
                        List.copyOf(ok), null));
            }
        }
        String answer = warnings.isEmpty() ? null : SdkJson.mapper().createObjectNode()
                .put("message", "There are some warnings for your request.").set("warnings", warnings).toString();
        send(ex, 202, answer, messageId);
    }

    private void split(JsonNode body, List<String> ok, ArrayNode suppressedRecipients) {
        for (String field : List.of("to", "cc", "bcc")) {
            for (JsonNode r : body.path(field)) {
                String email = r.path("email").asText();
                List<String> reasons = suppressed.get(email.toLowerCase(Locale.ROOT));
                if (reasons == null) {
                    ok.add(email);
                } else {
                    ObjectNode s = suppressedRecipients.addObject().put("email", email);
                    if (r.hasNonNull("name")) {
                        s.put("name", r.path("name").asText());
                    } else {
                        s.putNull("name");
                    }
                    ArrayNode rs = s.putArray("reasons");
                    reasons.forEach(rs::add);
                }
            }
        }
    }

    private void bulk(HttpExchange ex, byte[] in) throws IOException {
        JsonNode body = parse(in);
        if (body == null || !body.isArray()) {
            send(ex, 422, errorBody(Map.of("0", List.of("The bulk email must be an array of emails."))).toString(),
                    null);
            return;
        }
        String id = newId();
        ObjectNode status = SdkJson.mapper().createObjectNode().put("id", id).put("state", "queued");
        ObjectNode validation = SdkJson.mapper().createObjectNode();
        ArrayNode suppressedRecipients = SdkJson.mapper().createArrayNode();
        ArrayNode messageIds = SdkJson.mapper().createArrayNode();
        int total = 0;
        synchronized (this) {
            for (int i = 0; i < body.size(); i++) {
                JsonNode email = body.get(i);
                Map<String, List<String>> errors = validate(email);
                if (!errors.isEmpty()) {
                    int index = i;
                    errors.forEach((k, v) -> {
                        ArrayNode a = validation.putArray(index + "." + k);
                        v.forEach(a::add);
                    });
                    continue;
                }
                List<String> ok = new ArrayList<>();
                split(email, ok, suppressedRecipients);
                total += email.path("to").size() + email.path("cc").size() + email.path("bcc").size();
                if (!ok.isEmpty()) {
                    String messageId = newId();
                    messageIds.add(messageId);
                    outbox.add(new SentEmail(messageId, keepBodies ? email : SdkJson.mapper().createObjectNode(),
                            List.copyOf(ok), id));
                }
            }
            status.put("total_recipients_count", total).put("suppressed_recipients_count",
                    suppressedRecipients.size());
            status.set("suppressed_recipients", suppressedRecipients.isEmpty() ? null : suppressedRecipients);
            status.put("validation_errors_count", validation.size()).set("validation_errors", validation);
            status.set("messages_id", messageIds);
            String now = Instant.now().toString();
            status.put("created_at", now).put("updated_at", now);
            bulks.put(id, status);
            bulkPolls.put(id, 0);
        }
        send(ex, 202, SdkJson.mapper().createObjectNode().put("message", "The bulk email is being processed.")
                .put("bulk_email_id", id).toString(), null);
    }

    private void bulkStatus(HttpExchange ex, String id) throws IOException {
        ObjectNode status;
        synchronized (this) {
            status = bulks.get(id);
            if (status != null) {
                int polls = bulkPolls.merge(id, 1, Integer::sum);
                status = status.deepCopy();
                if (polls > pollsBeforeCompleted) {
                    status.put("state", "completed");
                } else {
                    // Until completed, MailerSend reports no message ids yet.
                    status.putNull("messages_id");
                }
            }
        }
        if (status == null) {
            send(ex, 404, "{\"message\":\"Resource not found.\"}", null);
            return;
        }
        ObjectNode answer = SdkJson.mapper().createObjectNode();
        answer.set("data", status);
        send(ex, 200, answer.toString(), null);
    }

    /** The API's checks, with its dotted field names. */
    static Map<String, List<String>> validate(JsonNode b) {
        Map<String, List<String>> e = new LinkedHashMap<>();
        boolean template = b.hasNonNull("template_id") && !b.path("template_id").asText().isBlank();
        if (!b.has("from") && !template) {
            add(e, "from.email", "The from.email field is required.");
        } else if (b.has("from") && !isEmail(b.path("from").path("email").asText(null))) {
            add(e, "from.email", "The from.email must be a valid email address.");
        }
        JsonNode to = b.path("to");
        if (!to.isArray() || to.isEmpty()) {
            add(e, "to", "The to field is required.");
        } else if (to.size() > 50) {
            add(e, "to", "The to may not have more than 50 items.");
        }
        checkRecipients(e, "to", to);
        for (String f : List.of("cc", "bcc")) {
            if (b.path(f).size() > 10) {
                add(e, f, "The " + f + " may not have more than 10 items.");
            }
            checkRecipients(e, f, b.path(f));
        }
        String subject = b.path("subject").asText(null);
        if ((subject == null || subject.isBlank()) && !template) {
            add(e, "subject", "The subject field is required when template id is not present.");
        } else if (subject != null && subject.length() > 998) {
            add(e, "subject", "The subject may not be greater than 998 characters.");
        }
        if (!b.hasNonNull("text") && !b.hasNonNull("html") && !template) {
            add(e, "text", "The text field is required when none of html / template id are present.");
        }
        if (b.path("tags").size() > 5) {
            add(e, "tags", "The tags may not have more than 5 items.");
        }
        int i = 0;
        for (JsonNode p : b.path("personalization")) {
            if (!isEmail(p.path("email").asText(null))) {
                add(e, "personalization." + i + ".email", "The personalization." + i
                        + ".email must be a valid email address.");
            }
            if (hasDottedKey(p.path("data"))) {
                add(e, "personalization." + i + ".data", "The personalization." + i
                        + ".data keys must not use dot notation.");
            }
            i++;
        }
        if (b.has("send_at")) {
            long at = b.path("send_at").asLong();
            long now = Instant.now().getEpochSecond();
            if (at < now - 60 || at > now + 72 * 3600 + 60) {
                add(e, "send_at", "The send at must be a date between now and 72 hours from now.");
            }
        }
        return e;
    }

    private static void checkRecipients(Map<String, List<String>> e, String field, JsonNode list) {
        for (int i = 0; i < list.size(); i++) {
            if (!isEmail(list.get(i).path("email").asText(null))) {
                add(e, field + "." + i + ".email", "The " + field + "." + i + ".email must be a valid email address.");
            }
        }
    }

    private static boolean hasDottedKey(JsonNode data) {
        if (data.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().contains(".") || hasDottedKey(f.getValue())) {
                    return true;
                }
            }
        } else if (data.isArray()) {
            for (JsonNode n : data) {
                if (hasDottedKey(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isEmail(String s) {
        if (s == null) {
            return false;
        }
        int at = s.indexOf('@');
        return at > 0 && at == s.lastIndexOf('@') && s.indexOf('.', at) > at + 1 && !s.endsWith(".")
                && s.chars().noneMatch(c -> c <= ' ');
    }

    private static void add(Map<String, List<String>> e, String field, String message) {
        e.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    private static ObjectNode errorBody(Map<String, List<String>> errors) {
        int count = errors.values().stream().mapToInt(List::size).sum();
        String first = errors.values().iterator().next().get(0);
        ObjectNode root = SdkJson.mapper().createObjectNode().put("message", count == 1 ? first
                : first + " (and " + (count - 1) + " more error" + (count > 2 ? "s" : "") + ")");
        ObjectNode map = root.putObject("errors");
        errors.forEach((k, v) -> {
            ArrayNode a = map.putArray(k);
            v.forEach(a::add);
        });
        return root;
    }

    private void send(HttpExchange ex, int status, String body, String messageId) throws IOException {
        ex.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
        ex.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(Math.max(0, RATE_LIMIT - 1)));
        ex.getResponseHeaders().set("X-ApiQuota-Remaining", Integer.toString(DAILY_QUOTA - requests.get()));
        ex.getResponseHeaders().set("X-ApiQuota-Reset", LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC).toString());
        if (messageId != null) {
            ex.getResponseHeaders().set("X-Message-Id", messageId);
        }
        byte[] out = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (out.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Override
    public String toString() {
        return "MailerSendStandIn{" + baseUrl() + ", outbox=" + outbox().size() + "}";
    }
}
