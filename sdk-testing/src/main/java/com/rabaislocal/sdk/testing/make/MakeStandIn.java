package com.rabaislocal.sdk.testing.make;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Make.com for tests and offline examples: a JDK HTTP server on 127.0.0.1 that answers Make's API
 * under {@code /api/v2} (token, scopes, scenarios with blueprints and versions, activation, runs, executions, logs
 * newest first with {@code pg[...]} paging, incomplete executions, usage, hooks) and its webhooks at
 * {@code /<udid>} ({@code Accepted}, {@code Queue is full}, {@code Webhook not found.}), with Make's error bodies
 * and {@code x-ratelimit-*} headers. Thread-safe; state is kept in memory.
 *
 * <p>{@link #withSampleData(Clock)} builds RabaisLocal's three workflows, one of which failed its last 5 runs.
 */
public final class MakeStandIn implements AutoCloseable {

    /** The team every scenario belongs to. */
    public static final long TEAM_ID = 4242;
    /** The organization of the team. */
    public static final long ORGANIZATION_ID = 77;
    /** The token the stand-in accepts (a UUID, as Make's are); not a real key. */
    public static final String TOKEN = "00000000-0000-4000-8000-00000000beef";
    /** The rate limit reported per minute. */
    public static final int RATE_LIMIT = 30;

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<Long, ScenarioState> scenarios = new LinkedHashMap<>();
    private final Map<Long, HookState> hooks = new LinkedHashMap<>();
    private final Set<String> scopes = new LinkedHashSet<>(List.of("scenarios:read", "scenarios:write",
            "scenarios:run", "hooks:read", "dlqs:read", "teams:read", "organizations:read"));
    private final AtomicLong ids = new AtomicLong(1);
    private int requestsThisMinute;
    private long minute = -1;

    private MakeStandIn(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "make-stand-in");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts an empty stand-in.
     *
     * @param clock the clock of log times and run times
     * @return the running stand-in; close it
     * @throws IOException when no loopback port can be bound
     */
    public static MakeStandIn start(Clock clock) throws IOException {
        return new MakeStandIn(clock);
    }

    /**
     * Starts a stand-in holding RabaisLocal's sample workflows: 101 "Coupon redeemed - notify merchant" (active,
     * a webhook, succeeding), 102 "Weekly affiliate digest" (active, scheduled, its last 5 runs failed) and
     * 103 "Offer expiry cleanup" (inactive), each with a blueprint (one saved version), and one webhook.
     *
     * @param clock the clock of log times
     * @return the running stand-in
     * @throws IOException when no loopback port can be bound
     */
    public static MakeStandIn withSampleData(Clock clock) throws IOException {
        MakeStandIn m = start(clock);
        Instant now = clock.instant();
        m.addScenario(101, "Coupon redeemed - notify merchant", true, blueprint("Coupon redeemed - notify merchant",
                "gateway:CustomWebHook", "mailersend:SendEmail"));
        m.addScenario(102, "Weekly affiliate digest", true, blueprint("Weekly affiliate digest",
                "http:ActionSendData", "json:ParseJSON", "google-sheets:addRow"));
        m.addScenario(103, "Offer expiry cleanup", false, blueprint("Offer expiry cleanup",
                "http:ActionSendData"));
        for (int i = 10; i >= 1; i--) {
            m.addLog(101, now.minus(Duration.ofHours(i * 3L)), 1, 900 + i * 10L, null);
        }
        m.addLog(101, now.minus(Duration.ofHours(2)), 2, 1500, "DataError");
        for (int i = 8; i >= 6; i--) {
            m.addLog(102, now.minus(Duration.ofDays(i)), 1, 4000, null);
        }
        for (int i = 5; i >= 1; i--) {
            m.addLog(102, now.minus(Duration.ofDays(i)), 3, 2500, "ConnectionError");
        }
        m.addHook(881, "Coupon redeemed", 101, 50);
        return m;
    }

    /**
     * Builds a blueprint whose modules are numbered from 1 in order.
     *
     * @param name the blueprint's name
     * @param modules the modules' {@code app:Module} names
     * @return the blueprint JSON
     */
    public static ObjectNode blueprint(String name, String... modules) {
        ObjectNode b = SdkJson.mapper().createObjectNode();
        b.put("name", name);
        ArrayNode flow = b.putArray("flow");
        for (int i = 0; i < modules.length; i++) {
            ObjectNode m = flow.addObject();
            m.put("id", i + 1).put("module", modules[i]).put("version", 1);
            m.putObject("parameters").put("__IMTCONN__", 5000 + i);
            m.putObject("mapper").put("value", "{{" + i + ".value}}");
            m.putObject("metadata").putObject("designer").put("x", i * 300).put("y", 0);
        }
        ObjectNode meta = b.putObject("metadata");
        meta.put("version", 1);
        meta.putObject("scenario").put("roundtrips", 1).put("maxErrors", 3).put("autoCommit", true);
        return b;
    }

    /** @return the API base URL, {@code http://127.0.0.1:<port>/api/v2} */
    public String baseUrl() {
        return origin() + "/api/v2";
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Adds a scenario with its first blueprint version.
     *
     * @param id the scenario id
     * @param name its name
     * @param active whether it is active
     * @param blueprint its blueprint
     */
    public synchronized void addScenario(long id, String name, boolean active, JsonNode blueprint) {
        ScenarioState s = new ScenarioState(id, name, active);
        s.versions.add(blueprint.deepCopy());
        scenarios.put(id, s);
    }

    /**
     * Saves a new blueprint version of a scenario (as an edit in Make's designer does).
     *
     * @param id the scenario
     * @param blueprint the new blueprint
     */
    public synchronized void updateBlueprint(long id, JsonNode blueprint) {
        scenario(id).versions.add(blueprint.deepCopy());
    }

    /**
     * Returns a scenario's current blueprint, for tests to edit.
     *
     * @param id the scenario
     * @return a copy
     */
    public synchronized ObjectNode currentBlueprint(long id) {
        List<JsonNode> v = scenario(id).versions;
        return (ObjectNode) v.get(v.size() - 1).deepCopy();
    }

    /**
     * Removes a scenario.
     *
     * @param id the scenario
     */
    public synchronized void removeScenario(long id) {
        scenarios.remove(id);
    }

    /**
     * Appends an execution to a scenario's log.
     *
     * @param scenarioId the scenario
     * @param at when it ran
     * @param status 1 success, 2 warning, 3 error
     * @param durationMs how long it ran
     * @param errorName the error's name for a failed or warned run, else null
     * @return the execution id
     */
    public synchronized String addLog(long scenarioId, Instant at, int status, long durationMs, String errorName) {
        String id = String.format("%032x", ids.getAndIncrement());
        ObjectNode log = SdkJson.mapper().createObjectNode();
        log.put("imtId", at.toEpochMilli() + "_" + id).put("id", id).put("scenarioId", scenarioId)
                .put("status", status).put("type", "auto").put("eventType", "EXECUTION_END")
                .put("duration", durationMs).put("operations", 3).put("centicredits", 300).put("transfer", 2048)
                .put("organizationId", ORGANIZATION_ID).put("teamId", TEAM_ID).put("timestamp", at.toString());
        if (errorName != null) {
            log.putObject("error").put("name", errorName).put("message", errorName + " in module 2");
        }
        scenario(scenarioId).logs.add(log);
        return id;
    }

    /**
     * Adds a custom webhook attached to a scenario.
     *
     * @param id the hook id
     * @param name its name
     * @param scenarioId the scenario it triggers
     * @param queueLimit its queue size
     * @return its address (a secret in real Make)
     */
    public synchronized String addHook(long id, String name, long scenarioId, int queueLimit) {
        String udid = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(id).putLong(~id).array());
        hooks.put(id, new HookState(id, name, scenarioId, udid, queueLimit));
        return origin() + "/" + udid;
    }

    /**
     * Marks a hook gone (deleted or retired): it answers 410.
     *
     * @param id the hook
     */
    public synchronized void retireHook(long id) {
        hooks.get(id).gone = true;
    }

    /**
     * Returns the payloads a hook queued, in arrival order.
     *
     * @param id the hook
     * @return the JSON bodies
     */
    public synchronized List<JsonNode> hookQueue(long id) {
        return List.copyOf(hooks.get(id).queue);
    }

    /**
     * Sets the token's scopes, e.g. to test the start-up check.
     *
     * @param granted the scopes
     */
    public synchronized void scopes(Set<String> granted) {
        scopes.clear();
        scopes.addAll(granted);
    }

    private ScenarioState scenario(long id) {
        ScenarioState s = scenarios.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no scenario " + id + " in the stand-in");
        }
        return s;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = ex.getRequestURI().getRawPath();
            Reply reply;
            synchronized (this) {
                reply = path.startsWith("/api/v2/") ? api(ex, path.substring("/api/v2".length()), body)
                        : hook(ex, path.substring(1), body);
            }
            byte[] out = reply.body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", reply.contentType);
            reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    private Reply hook(HttpExchange ex, String udid, byte[] body) {
        HookState h = hooks.values().stream().filter(x -> x.udid.equals(udid)).findFirst().orElse(null);
        if (h == null || h.gone) {
            return Reply.text(410, "Webhook not found.");
        }
        if (!"POST".equals(ex.getRequestMethod()) && !"GET".equals(ex.getRequestMethod())) {
            return Reply.text(405, "Method not allowed.");
        }
        if (h.queue.size() >= h.queueLimit) {
            return Reply.text(400, "Queue is full.");
        }
        try {
            h.queue.add(body.length == 0 ? SdkJson.mapper().createObjectNode() : SdkJson.mapper().readTree(body));
        } catch (IOException e) {
            h.queue.add(SdkJson.mapper().createObjectNode().put("value", new String(body, StandardCharsets.UTF_8)));
        }
        return Reply.text(200, "Accepted");
    }

    private Reply api(HttpExchange ex, String path, byte[] body) {
        String agent = ex.getRequestHeaders().getFirst("User-Agent");
        if (agent == null || agent.startsWith("Python-urllib") || agent.startsWith("Java-http-client")) {
            return Reply.text(403, "error code: 1010");
        }
        if (!("Token " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return Reply.error(401, "Invalid token.", "Unauthorized", "SC401");
        }
        long m = clock.millis() / 60_000;
        if (m != minute) {
            minute = m;
            requestsThisMinute = 0;
        }
        requestsThisMinute++;
        Reply r = route(ex.getRequestMethod(), path.split("/"), query(ex.getRequestURI().getRawQuery()), body);
        r.headers.put("x-ratelimit-limit", Integer.toString(RATE_LIMIT));
        r.headers.put("x-ratelimit-remaining", Integer.toString(Math.max(0, RATE_LIMIT - requestsThisMinute)));
        r.headers.put("x-ratelimit-reset", Long.toString((m + 1) * 60));
        r.headers.put("x-request-id", "standin-" + ids.getAndIncrement());
        return r;
    }

    private Reply route(String method, String[] p, Map<String, String> q, byte[] body) {
        // p[0] is empty: the path starts with '/'.
        String a = p.length > 1 ? p[1] : "";
        boolean get = method.equals("GET");
        if (a.equals("users") && p.length == 3 && get) {
            return Reply.json(obj().set("authUser", obj().put("id", 7).put("name", "RabaisLocal ops")));
        }
        if (a.equals("users") && p.length == 4 && p[3].equals("current-authorization") && get) {
            ObjectNode auth = obj().put("authUsed", "token");
            ArrayNode s = auth.putArray("scope");
            scopes.forEach(s::add);
            return Reply.json(obj().set("authorization", auth));
        }
        if (a.equals("scenarios")) {
            return scenarios(method, p, q, body);
        }
        if (a.equals("teams") && p.length >= 3 && Long.parseLong(p[2]) == TEAM_ID && get) {
            if (!scopes.contains("teams:read")) {
                return Reply.error(403, "Access denied.", "Permission denied", "SC403");
            }
            return p.length == 3 ? Reply.json(obj().set("team", obj().put("id", TEAM_ID).put("name", "RabaisLocal")
                    .put("organizationId", ORGANIZATION_ID))) : usage();
        }
        if (a.equals("organizations") && p.length == 4 && Long.parseLong(p[2]) == ORGANIZATION_ID && get) {
            if (!scopes.contains("organizations:read")) {
                return Reply.error(403, "Access denied.", "Permission denied", "SC403");
            }
            return usage();
        }
        if (a.equals("dlqs") && get) {
            return Reply.json(page(obj(), "dlqs", List.of(), q));
        }
        if (a.equals("hooks") && get) {
            if (p.length == 3) {
                HookState h = hooks.get(Long.parseLong(p[2]));
                return h == null ? notFound("Hook") : Reply.json(obj().set("hook", hookJson(h)));
            }
            List<JsonNode> list = new ArrayList<>();
            hooks.values().forEach(h -> list.add(hookJson(h)));
            return Reply.json(page(obj(), "hooks", list, q));
        }
        return Reply.error(404, "Not found.", "Not Found", "SC404");
    }

    private Reply scenarios(String method, String[] p, Map<String, String> q, byte[] body) {
        boolean get = method.equals("GET");
        if (p.length == 2 && get) {
            if (!q.containsKey("teamId")) {
                return Reply.error(400, "Missing required parameter teamId or organizationId", "Bad Request",
                        "SC400");
            }
            if (Long.parseLong(q.get("teamId")) != TEAM_ID) {
                return Reply.error(403, "Insufficient rights", "Permission denied", "IM002");
            }
            List<JsonNode> list = new ArrayList<>();
            scenarios.values().stream().sorted((x, y) -> Long.compare(x.id, y.id))
                    .forEach(s -> list.add(scenarioJson(s)));
            return Reply.json(page(obj(), "scenarios", list, q));
        }
        ScenarioState s = scenarios.get(Long.parseLong(p[2]));
        if (s == null) {
            return notFound("Scenario");
        }
        String sub = p.length > 3 ? p[3] : "";
        if (sub.isEmpty() && get) {
            return Reply.json(obj().set("scenario", scenarioJson(s)));
        }
        if ((sub.equals("start") || sub.equals("stop")) && method.equals("POST")) {
            boolean start = sub.equals("start");
            if (s.active == start) {
                return Reply.error(400, start ? "Scenario is already running." : "Scenario is not running.",
                        "Bad Request", "SC400");
            }
            s.active = start;
            return Reply.json(obj().set("scenario", obj().put("id", s.id).put("isActive", start)
                    .put("islinked", start)));
        }
        if (sub.equals("run") && method.equals("POST")) {
            return run(s, body);
        }
        if (sub.equals("executions") && p.length == 5 && get) {
            JsonNode log = s.logs.stream().filter(l -> l.path("id").asText().equals(p[4])).findFirst().orElse(null);
            if (log == null) {
                return notFound("Execution");
            }
            ObjectNode e = obj().put("status", switch (log.path("status").asInt()) {
                case 1 -> "SUCCESS";
                case 2 -> "WARNING";
                case 3 -> "ERROR";
                default -> "RUNNING";
            });
            e.putObject("outputs");
            if (log.has("error")) {
                e.set("error", log.get("error"));
            }
            return Reply.json(e);
        }
        if (sub.equals("logs") && get) {
            List<JsonNode> newest = new ArrayList<>(s.logs);
            java.util.Collections.reverse(newest);
            if (p.length == 5) {
                return newest.stream().filter(l -> l.path("id").asText().equals(p[4])).findFirst()
                        .map(l -> Reply.json(obj().set("scenarioLog", l))).orElseGet(() -> notFound("Log"));
            }
            long from = q.containsKey("from") ? Long.parseLong(q.get("from")) : Long.MIN_VALUE;
            long to = q.containsKey("to") ? Long.parseLong(q.get("to")) : Long.MAX_VALUE;
            newest.removeIf(l -> {
                long at = Instant.parse(l.path("timestamp").asText()).toEpochMilli();
                return at < from || at >= to || (q.containsKey("status")
                        && l.path("status").asInt() != Integer.parseInt(q.get("status")));
            });
            return Reply.json(page(obj(), "scenarioLogs", newest, q));
        }
        if (sub.equals("blueprint") && get) {
            int v = q.containsKey("blueprintId") ? Integer.parseInt(q.get("blueprintId")) : s.versions.size();
            if (v < 1 || v > s.versions.size()) {
                return notFound("Blueprint");
            }
            ObjectNode response = obj();
            response.set("blueprint", s.versions.get(v - 1));
            response.putObject("scheduling").put("type", s.id == 101 ? "immediately" : "indefinitely")
                    .put("interval", 900);
            response.put("idSequence", 10);
            return Reply.json(obj().put("code", "OK").set("response", response));
        }
        if (sub.equals("blueprints") && get) {
            ArrayNode list = SdkJson.mapper().createArrayNode();
            for (int i = 1; i <= s.versions.size(); i++) {
                list.addObject().put("version", i).put("scenarioId", s.id).put("draft", false)
                        .put("created", clock.instant().minus(Duration.ofDays(s.versions.size() - i)).toString());
            }
            return Reply.json(obj().set("scenariosBlueprints", list));
        }
        return Reply.error(404, "Not found.", "Not Found", "SC404");
    }

    private Reply run(ScenarioState s, byte[] body) {
        if (!scopes.contains("scenarios:run")) {
            return Reply.error(403, "Access denied.", "Permission denied", "SC403");
        }
        if (!s.active) {
            return Reply.error(400, "Scenario is not activated.", "Bad Request", "SC400");
        }
        boolean responsive;
        try {
            responsive = body.length > 0 && SdkJson.mapper().readTree(body).path("responsive").asBoolean(false);
        } catch (IOException e) {
            return Reply.error(400, "Invalid JSON body.", "Bad Request", "SC400");
        }
        String executionId = addLog(s.id, clock.instant(), 1, 1200, null);
        ObjectNode r = obj().put("executionId", executionId);
        if (responsive) {
            r.put("status", 1).putObject("outputs");
        } else {
            r.put("statusUrl", baseUrl() + "/scenarios/" + s.id + "/executions/" + executionId);
        }
        return Reply.json(r);
    }

    private Reply usage() {
        ArrayNode rows = SdkJson.mapper().createArrayNode();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (int i = 6; i >= 0; i--) {
            java.time.LocalDate d = today.minusDays(i);
            rows.addObject().put("date", String.format("%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(),
                    d.getYear())).put("operations", 18 + i).put("dataTransfer", 4096).put("centicredits", 1800);
        }
        return Reply.json(obj().set("data", rows));
    }

    private ObjectNode scenarioJson(ScenarioState s) {
        ObjectNode n = obj().put("id", s.id).put("name", s.name).put("teamId", TEAM_ID).put("isActive", s.active)
                .put("islinked", s.active).put("isinvalid", false).put("islocked", false).put("isPaused", false);
        n.putObject("scheduling").put("type", s.id == 101 ? "immediately" : "indefinitely");
        n.put("lastEdit", clock.instant().toString());
        return n;
    }

    private ObjectNode hookJson(HookState h) {
        return obj().put("id", h.id).put("name", h.name).put("teamId", TEAM_ID).put("udid", h.udid)
                .put("type", "web").put("typeName", "gateway-webhook").put("enabled", true).put("gone", h.gone)
                .put("queueCount", h.queue.size()).put("queueLimit", h.queueLimit).put("scenarioId", h.scenarioId)
                .put("url", origin() + "/" + h.udid);
    }

    private static ObjectNode page(ObjectNode root, String key, List<JsonNode> items, Map<String, String> q) {
        int offset = Integer.parseInt(q.getOrDefault("pg[offset]", "0"));
        int limit = Integer.parseInt(q.getOrDefault("pg[limit]", "10"));
        ArrayNode list = root.putArray(key);
        items.stream().skip(offset).limit(limit).forEach(list::add);
        root.putObject("pg").put("limit", limit).put("offset", offset).put("returnTotalCount", false);
        return root;
    }

    private static Reply notFound(String what) {
        return Reply.error(404, what + " not found.", "Not Found", "SC404");
    }

    private static ObjectNode obj() {
        return SdkJson.mapper().createObjectNode();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                q.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static final class ScenarioState {
        final long id;
        final String name;
        boolean active;
        final List<JsonNode> versions = new ArrayList<>();
        final List<JsonNode> logs = new ArrayList<>();

        ScenarioState(long id, String name, boolean active) {
            this.id = id;
            this.name = name;
            this.active = active;
        }
    }

    private static final class HookState {
        final long id;
        final String name;
        final long scenarioId;
        final String udid;
        final int queueLimit;
        final List<JsonNode> queue = new ArrayList<>();
        boolean gone;

        HookState(long id, String name, long scenarioId, String udid, int queueLimit) {
            this.id = id;
            this.name = name;
            this.scenarioId = scenarioId;
            this.udid = udid;
            this.queueLimit = queueLimit;
        }
    }

    private static final class Reply {
        final int status;
        final String contentType;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Reply(int status, String contentType, String body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Reply json(JsonNode n) {
            return new Reply(200, "application/json; charset=utf-8", n.toString());
        }

        static Reply text(int status, String text) {
            return new Reply(status, "text/plain; charset=utf-8", text);
        }

        static Reply error(int status, String detail, String message, String code) {
            return new Reply(status, "application/json; charset=utf-8", obj().put("detail", detail)
                    .put("message", message).put("code", code).toString());
        }
    }
}
