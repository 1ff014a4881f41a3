package com.rabaislocal.sdk.testing.goaffpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in of GoAffPro's admin API with state (affiliates, orders, rewards, payments) that answers
 * the way the real service does, quirks included:
 * <ul>
 *   <li>a wrong {@code x-goaffpro-access-token} gets HTTP 200 {@code {"error":"shop not found <id>"}};</li>
 *   <li>a listing without {@code fields} gets HTTP 200 {@code {"error":"fields is required"}} (orders, rewards,
 *       payments) or a list of empty objects (affiliates);</li>
 *   <li>money goes out as strings ({@code "58.00"}); affiliate ids as numbers, order ids as strings; dates as ISO
 *       (affiliates), JavaScript {@code Date.toString()} (orders) and epoch seconds (rewards);</li>
 *   <li>creating an affiliate with a registered address gets HTTP 200 {@code {"error":"Email already
 *       registered"}};</li>
 *   <li>{@code page} is ignored; with {@link #repeatLastPage(boolean)} on, a page asked beyond the end answers the
 *       last full page again, forever (the reported "infinite pagination").</li>
 * </ul>
 * The store configuration ({@code GET /admin/store/config}, the health probe's call) names site {@link #SITE_ID}.
 * Offset paging on affiliates and payments, {@code since_id} on orders and rewards. An order earns its affiliate
 * 10 % commission; {@code GET /admin/payments/pending} owes the commissions and rewards not yet paid.
 *
 * <p>Listens on 127.0.0.1 on a free port; thread-safe; close it when done.
 */
public final class GoAffProStandIn implements AutoCloseable {

    /** The site id the stand-in's shop has. */
    public static final String SITE_ID = "4242";
    private static final BigDecimal RATE = new BigDecimal("0.10");
    private static final DateTimeFormatter JS_DATE = DateTimeFormatter.ofPattern(
            "EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final String token;
    private final Map<Long, ObjectNode> affiliates = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> orders = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> rewards = new LinkedHashMap<>();
    private final Map<Long, ObjectNode> payments = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private long nextId = 1000;
    private volatile boolean repeatLastPage;

    private GoAffProStandIn(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/admin/", this::handle);
        server.start();
    }

    /**
     * Starts a stand-in that accepts one access token.
     *
     * @param token the store token the client must send
     * @return the running stand-in
     * @throws IOException when no port can be bound
     */
    public static GoAffProStandIn start(String token) throws IOException {
        return new GoAffProStandIn(token);
    }

    /** @return the base URL to give the client, e.g. {@code http://127.0.0.1:50123/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Turns the repeating mode on or off.
     *
     * @param on true: a page beyond the end answers the last full page again
     * @return this stand-in
     */
    public GoAffProStandIn repeatLastPage(boolean on) {
        this.repeatLastPage = on;
        return this;
    }

    /** @return how many requests reached the stand-in */
    public int requestCount() {
        return requests.get();
    }

    /**
     * Adds an affiliate directly (test set-up).
     *
     * @param email the address
     * @param name the name
     * @return the new id
     */
    public synchronized long addAffiliate(String email, String name) {
        ObjectNode a = SdkJson.mapper().createObjectNode().put("email", email).put("name", name);
        return createAffiliate(a);
    }

    /** @return how many orders the stand-in holds */
    public synchronized int orderCount() {
        return orders.size();
    }

    /** @return how many payments the stand-in holds */
    public synchronized int paymentCount() {
        return payments.size();
    }

    private long createAffiliate(ObjectNode a) {
        long id = ++nextId;
        a.put("id", id);
        a.put("status", a.path("status").asText("approved"));
        a.put("ref_code", a.path("ref_code").asText("REF" + id));
        a.put("created_at", Instant.now().toString());
        affiliates.put(id, a);
        return id;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            ObjectNode answer;
            int status = 200;
            synchronized (this) {
                if (!token.equals(ex.getRequestHeaders().getFirst("x-goaffpro-access-token"))) {
                    answer = error("shop not found " + SITE_ID);
                } else {
                    answer = route(ex.getRequestMethod(), ex.getRequestURI().getRawPath().substring("/v1/admin/"
                            .length()), query(ex.getRequestURI().getRawQuery()), body(ex.getRequestBody()));
                    if (answer == null) {
                        status = 404;
                        answer = error("not found");
                    }
                }
            }
            byte[] out = SdkJson.mapper().writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static ObjectNode error(String message) {
        return SdkJson.mapper().createObjectNode().put("error", message);
    }

    private static JsonNode body(InputStream in) throws IOException {
        byte[] b = in.readAllBytes();
        return b.length == 0 ? SdkJson.mapper().createObjectNode() : SdkJson.mapper().readTree(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private ObjectNode route(String method, String path, Map<String, String> q, JsonNode body) {
        String[] p = path.split("/");
        switch (p[0]) {
            case "affiliates":
                return affiliates(method, p, q, body);
            case "orders":
                return orders(method, p, q, body);
            case "rewards":
                return rewards(method, q, body);
            case "payments":
                return payments(method, p, q, body);
            case "store":
                return p.length == 2 && p[1].equals("config") && method.equals("GET") ? storeConfig(q) : null;
            default:
                return null;
        }
    }

    /** {@code GET /admin/store/config?keys=...}: the keys asked for, of a store whose site id is {@link #SITE_ID}. */
    private static ObjectNode storeConfig(Map<String, String> q) {
        ObjectNode all = SdkJson.mapper().createObjectNode().put("site_id", SITE_ID)
                .put("store_name", "RabaisLocal (stand-in)").put("default_currency", "CAD")
                .put("website", "https://rabaislocal.example");
        ObjectNode config = SdkJson.mapper().createObjectNode();
        for (String key : q.getOrDefault("keys", "site_id").split(",")) {
            if (all.has(key)) {
                config.set(key, all.get(key));
            }
        }
        ObjectNode answer = SdkJson.mapper().createObjectNode();
        answer.set("config", config);
        return answer;
    }

    private ObjectNode affiliates(String method, String[] p, Map<String, String> q, JsonNode body) {
        if (p.length == 1 && method.equals("GET")) {
            List<ObjectNode> match = filter(affiliates, q, "id", "email");
            return listing("affiliates", match, q, false, this::affiliateOut);
        }
        if (p.length == 1 && method.equals("POST")) {
            String email = body.path("email").asText("");
            if (email.isBlank()) {
                return error("email is required");
            }
            for (ObjectNode a : affiliates.values()) {
                if (a.path("email").asText().equalsIgnoreCase(email)) {
                    return error("Email already registered");
                }
            }
            ObjectNode a = ((ObjectNode) body).deepCopy();
            a.remove("password");
            return SdkJson.mapper().createObjectNode().put("affiliate_id", createAffiliate(a));
        }
        ObjectNode a = affiliates.get(parse(p[1]));
        if (a == null) {
            return error("affiliate not found");
        }
        if (method.equals("PATCH")) {
            a.setAll((ObjectNode) body);
            return SdkJson.mapper().createObjectNode().put("success", true);
        }
        if (method.equals("DELETE")) {
            affiliates.remove(a.path("id").asLong());
            return SdkJson.mapper().createObjectNode().put("affiliate_id", a.path("id").asLong());
        }
        return null;
    }

    private ObjectNode orders(String method, String[] p, Map<String, String> q, JsonNode body) {
        if (p.length == 1 && method.equals("GET")) {
            if (!q.containsKey("fields")) {
                return error("fields is required");
            }
            return listing("orders", filter(orders, q, "id", "number", "affiliate_id", "status"), q, true,
                    this::orderOut);
        }
        if (p.length == 1 && method.equals("POST")) {
            JsonNode o = body.path("order");
            Long affiliate = body.hasNonNull("affiliate_id") ? parse(body.get("affiliate_id").asText())
                    : byRefCode(body.path("ref_code").asText(""));
            if (!o.hasNonNull("number") || !o.hasNonNull("total") || affiliate == null
                    || !affiliates.containsKey(affiliate)) {
                return error("order.number, order.total and a known affiliate_id or ref_code are required");
            }
            long id = ++nextId;
            BigDecimal total = new BigDecimal(o.get("total").asText());
            ObjectNode order = SdkJson.mapper().createObjectNode().put("id", id).put("number", o.get("number").asText())
                    .put("total", total).put("subtotal", total).put("affiliate_id", affiliate)
                    .put("commission", total.multiply(RATE)).put("status", "new")
                    .put("created", Instant.now().getEpochSecond()).put("is_paid", 0);
            orders.put(id, order);
            return SdkJson.mapper().createObjectNode().put("success", true).put("id", String.valueOf(id));
        }
        ObjectNode o = orders.get(parse(p[p.length - 1]));
        if (o == null) {
            return error("order not found");
        }
        if (method.equals("PATCH")) {
            if (body.has("status")) {
                o.put("status", body.get("status").asText().equals("pending") ? "new" : body.get("status").asText());
            }
            if (body.has("commission")) {
                o.put("commission", new BigDecimal(body.get("commission").asText()));
            }
            return SdkJson.mapper().createObjectNode().put("id", o.get("id").asLong())
                    .put("commission", money(o.get("commission")));
        }
        if (method.equals("DELETE")) {
            orders.remove(o.get("id").asLong());
            return SdkJson.mapper().createObjectNode().put("success", true).put("deleted", 1);
        }
        return null;
    }

    private ObjectNode rewards(String method, Map<String, String> q, JsonNode body) {
        if (method.equals("GET")) {
            if (!q.containsKey("fields")) {
                return error("fields is required");
            }
            return listing("rewards", filter(rewards, q, "affiliate_id", "order_id"), q, true, this::rewardOut);
        }
        if (method.equals("POST")) {
            for (JsonNode r : body.path("rewards")) {
                long id = ++nextId;
                ObjectNode reward = r.deepCopy();
                reward.put("id", id).put("created_at", Instant.now().getEpochSecond());
                reward.put("status", r.path("status").asText("approved"));
                rewards.put(id, reward);
            }
            return SdkJson.mapper().createObjectNode().put("success", true);
        }
        return null;
    }

    private ObjectNode payments(String method, String[] p, Map<String, String> q, JsonNode body) {
        if (p.length == 2 && p[1].equals("pending") && method.equals("GET")) {
            ObjectNode out = SdkJson.mapper().createObjectNode();
            ArrayNode pending = out.putArray("pending");
            for (ObjectNode a : affiliates.values()) {
                long id = a.get("id").asLong();
                BigDecimal earned = BigDecimal.ZERO;
                for (ObjectNode o : orders.values()) {
                    if (o.get("affiliate_id").asLong() == id && !o.get("status").asText().equals("rejected")) {
                        earned = earned.add(new BigDecimal(o.get("commission").asText()));
                    }
                }
                for (ObjectNode r : rewards.values()) {
                    if (r.path("affiliate_id").asLong() == id) {
                        earned = earned.add(new BigDecimal(r.get("amount").asText()));
                    }
                }
                BigDecimal paid = BigDecimal.ZERO;
                for (ObjectNode pay : payments.values()) {
                    if (pay.get("affiliate_id").asLong() == id) {
                        paid = paid.add(new BigDecimal(pay.get("amount").asText()));
                    }
                }
                BigDecimal owed = earned.subtract(paid);
                if (owed.signum() > 0 && (!q.containsKey("affiliate_id") || q.get("affiliate_id").equals(
                        String.valueOf(id)))) {
                    pending.addObject().put("affiliate_id", id).put("amount", money(owed))
                            .put("total_earned", money(earned)).put("total_paid", money(paid));
                }
            }
            out.put("upto", Instant.now().toString());
            return out;
        }
        if (p.length == 1 && method.equals("GET")) {
            if (!q.containsKey("fields")) {
                return error("fields is required");
            }
            return listing("payments", filter(payments, q, "affiliate_id"), q, false, this::paymentOut);
        }
        if (p.length == 1 && method.equals("POST")) {
            for (JsonNode pay : body.path("payments")) {
                long id = ++nextId;
                ObjectNode payment = pay.deepCopy();
                payment.put("id", id).put("affiliate_id", parse(pay.path("affiliate_id").asText()));
                if (!payment.hasNonNull("created_at")) {
                    payment.put("created_at", Instant.now().toString());
                }
                payments.put(id, payment);
            }
            return SdkJson.mapper().createObjectNode().put("success", true);
        }
        return null;
    }

    private Long byRefCode(String code) {
        for (ObjectNode a : affiliates.values()) {
            if (a.path("ref_code").asText().equals(code)) {
                return a.get("id").asLong();
            }
        }
        return null;
    }

    private static Long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static List<ObjectNode> filter(Map<Long, ObjectNode> rows, Map<String, String> q, String... keys) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode row : rows.values()) {
            boolean keep = true;
            for (String k : keys) {
                if (q.containsKey(k)) {
                    String v = row.path(k).asText();
                    String wanted = q.get(k);
                    keep &= List.of(wanted.split(",")).stream().anyMatch(w -> w.equalsIgnoreCase(v));
                }
            }
            if (keep) {
                out.add(row);
            }
        }
        return out;
    }

    /** One page of a listing: offset or since_id paging, fields applied, the repeat quirk when on. */
    private ObjectNode listing(String key, List<ObjectNode> rows, Map<String, String> q, boolean keyset,
                               java.util.function.Function<ObjectNode, ObjectNode> out) {
        int limit = Math.max(1, Math.min(250, Integer.parseInt(q.getOrDefault("limit", "25"))));
        int from = 0;
        if (keyset && q.containsKey("since_id")) {
            long since = parse(q.get("since_id"));
            while (from < rows.size() && rows.get(from).get("id").asLong() <= since) {
                from++;
            }
        } else if (!keyset) {
            from = Integer.parseInt(q.getOrDefault("offset", "0"));
        }
        if (from >= rows.size() && repeatLastPage && !rows.isEmpty()) {
            from = Math.max(0, rows.size() - limit);
        }
        List<ObjectNode> page = rows.subList(Math.min(from, rows.size()), Math.min(from + limit, rows.size()));
        ObjectNode answer = SdkJson.mapper().createObjectNode();
        ArrayNode items = answer.putArray(key);
        List<String> fields = q.containsKey("fields") ? List.of(q.get("fields").split(",")) : List.of();
        for (ObjectNode row : page) {
            ObjectNode shaped = out.apply(row);
            ObjectNode kept = items.addObject();
            // Without fields, GoAffPro answers empty objects.
            for (String f : fields) {
                if (shaped.has(f)) {
                    kept.set(f, shaped.get(f));
                }
            }
        }
        return answer;
    }

    private ObjectNode affiliateOut(ObjectNode a) {
        return a.deepCopy();
    }

    private ObjectNode orderOut(ObjectNode o) {
        ObjectNode c = o.deepCopy();
        c.put("id", String.valueOf(o.get("id").asLong()));
        c.put("total", money(o.get("total")));
        c.put("subtotal", money(o.get("subtotal")));
        c.put("commission", money(o.get("commission")));
        c.put("created", JS_DATE.format(Instant.ofEpochSecond(o.get("created").asLong())));
        return c;
    }

    private ObjectNode rewardOut(ObjectNode r) {
        ObjectNode c = r.deepCopy();
        c.put("amount", money(r.get("amount")));
        return c;
    }

    private ObjectNode paymentOut(ObjectNode p) {
        ObjectNode c = p.deepCopy();
        c.put("amount", money(p.get("amount")));
        return c;
    }

    private static String money(JsonNode v) {
        return money(new BigDecimal(v.asText()));
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }
}
