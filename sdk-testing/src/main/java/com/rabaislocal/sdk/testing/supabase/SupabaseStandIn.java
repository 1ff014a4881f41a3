package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A local stand-in for a Supabase project, for applications' tests and the SDK's offline examples: an HTTP server on
 * {@code 127.0.0.1} (a free port) with in-memory data, answering Auth and Data API requests on the RabaisLocal
 * tables with the response shapes of Supabase's API gateway, GoTrue and PostgREST. A JUnit 5 test gets one from
 * {@link SupabaseStandInExtension}.
 *
 * <p><b>A test tool, not a Supabase emulator.</b> It serves exactly:
 * <ul>
 *   <li>{@code POST /auth/v1/token?grant_type=password} for one demo user, a merchant ({@link #demoEmail()},
 *       {@link #demoPassword()}), {@code POST /auth/v1/logout} and {@code GET /auth/v1/health}; access tokens are
 *       JWTs signed HS256 with {@link #jwtSecret()} carrying {@code iss} ({@link #issuer()}), {@code sub},
 *       {@code role = authenticated}, {@code aud = authenticated}, {@code exp} (one hour) and
 *       {@code app_metadata.role}, so the SDK's {@code JwtVerifier} built with the same secret accepts them;
 *       {@link #mintUserToken(UUID, String)} issues one for any user without a sign-in;</li>
 *   <li>{@code GET}, {@code POST} and {@code PATCH /rest/v1/offers}, {@code POST /rest/v1/legal_consents},
 *       {@code GET /rest/v1/credits_packages}, {@code POST /rest/v1/logs_audit}, with the filters {@code eq neq gt
 *       gte lt lte is} (also inside a flat {@code or=(...)}), {@code order}, {@code limit}, {@code offset}, a plain
 *       {@code select} list, {@code Prefer: return=representation / count=exact / handling=strict, max-affected},
 *       single-object answers and {@code Content-Range};</li>
 *   <li>{@code POST /rest/v1/rpc/purchase_credits}, {@code spend_credits} and {@code credit_balance} with the
 *       database functions' semantics (idempotency keys, {@code RLC01} on overdraw, who may call which).</li>
 * </ul>
 * The rules of the migrations that these requests can meet are applied: Row Level Security (a merchant writes only
 * their own offers, reads live offers and all of their own; a user records only their own consent; only the service
 * role inserts audit rows or records purchases), CHECK and NOT NULL constraints, the soft-delete stamp and the
 * consent evidence set by the server. Every request must carry an {@code apikey} (the {@link #publishableKey()} or
 * the {@link #secretKey()}); any other route is refused with a PostgREST-shaped 404 ({@code PGRST205}, or
 * {@code PGRST202} for a function). The database's audit trigger is not emulated.
 *
 * <p>The keys are new-style Supabase keys ({@code sb_publishable_...}, {@code sb_secret_...}) generated at start;
 * the demo password is random too, and so is the JWT secret unless {@link Builder#jwtSecret(Secret)} names one. The data starts with a few offers in Montréal and Québec City and three credit
 * packages. Requests are handled one at a time. Close the stand-in to stop the server.
 */
public final class SupabaseStandIn implements AutoCloseable {

    private static final String DEMO_EMAIL = "marchand.demo@example.com";
    /** The values {@code users_role_check} allows. */
    private static final List<String> APP_ROLES = List.of("consumer", "merchant", "affiliate", "admin");
    private static final UUID DEMO_USER = UUID.fromString("7d0c5c1e-3b2a-4f6e-9a51-2f0c8e4b6a10");
    private static final UUID BOULANGERIE = UUID.fromString("0f9a7c1e-8d2b-4c3a-b5e6-1a2b3c4d5e6f");
    private static final UUID CASSE_CROUTE = UUID.fromString("5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c");

    private final Clock clock;
    private final HttpServer server;
    private final String url;
    private final Secret publishableKey;
    private final Secret secretKey;
    private final Secret demoPassword;
    private final Secret jwtSecret;
    private final AuthApi auth;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final RestApi rest;

    private SupabaseStandIn(Clock clock, Secret jwtSecret) throws IOException {
        this.clock = clock;
        // The JDK server delays small answers (Nagle) unless told otherwise; it reads the setting once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        SecureRandom random = new SecureRandom();
        this.publishableKey = Secret.of("sb_publishable_" + randomHex(random, 16));
        this.secretKey = Secret.of("sb_secret_" + randomHex(random, 16));
        this.demoPassword = Secret.of("demo-" + randomHex(random, 12));
        this.jwtSecret = jwtSecret != null ? jwtSecret : Secret.of(randomHex(random, 32));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
        this.auth = new AuthApi(url, clock, this.jwtSecret, DEMO_EMAIL, demoPassword, DEMO_USER, "merchant",
                "Boulangerie démo");
        this.rest = new RestApi(Map.of(DEMO_USER, "merchant", BOULANGERIE, "merchant", CASSE_CROUTE, "merchant"));
        seed(clock.instant());
        server.createContext("/", this::exchange);
        server.start();
    }

    /**
     * Starts a stand-in on a free port of {@code 127.0.0.1}, on the system clock, with a random JWT secret.
     *
     * @return the running stand-in; close it to stop the server
     * @throws UncheckedIOException if no local port can be opened
     */
    public static SupabaseStandIn start() {
        return builder().start();
    }

    /**
     * Starts a stand-in whose database time ({@code now()}, token expiry, seeded offer dates) comes from a clock.
     *
     * @param clock the clock; not null
     * @return the running stand-in; close it to stop the server
     * @throws UncheckedIOException if no local port can be opened
     */
    public static SupabaseStandIn start(Clock clock) {
        return builder().clock(clock).start();
    }

    /**
     * Starts choosing a stand-in's settings.
     *
     * @return a builder with the defaults: the system clock, a random JWT secret
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Chooses a stand-in's clock and JWT secret, then starts it. */
    public static final class Builder {

        /** The shortest HS256 secret accepted: 32 bytes, as Supabase's and the JOSE rules ask. */
        public static final int MIN_SECRET_BYTES = 32;

        private Clock clock = Clock.systemUTC();
        private Secret jwtSecret;

        private Builder() {
        }

        /**
         * Sets where the stand-in's time comes from: token issue and expiry, {@code now()} in the database rules,
         * the seeded offers' dates.
         *
         * @param clock the clock; not null; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the HS256 secret access tokens are signed with, the one the code under test verifies them with
         * (a project's legacy JWT secret, {@code SUPABASE_JWT_SECRET}).
         *
         * @param secret at least {@value #MIN_SECRET_BYTES} bytes of UTF-8; not null; default a random secret of 64
         *     hexadecimal digits, readable through {@link SupabaseStandIn#jwtSecret()}
         * @return this builder
         * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_BYTES} bytes
         */
        public Builder jwtSecret(Secret secret) {
            Objects.requireNonNull(secret, "secret");
            int length = secret.reveal().getBytes(StandardCharsets.UTF_8).length;
            if (length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("jwtSecret must be at least " + MIN_SECRET_BYTES
                        + " bytes for HS256 (got " + length + ")");
            }
            this.jwtSecret = secret;
            return this;
        }

        /**
         * Starts the stand-in on a free port of {@code 127.0.0.1}.
         *
         * @return the running stand-in; close it to stop the server
         * @throws UncheckedIOException if no local port can be opened
         */
        public SupabaseStandIn start() {
            try {
                return new SupabaseStandIn(clock, jwtSecret);
            } catch (IOException e) {
                throw new UncheckedIOException("the Supabase stand-in could not listen on 127.0.0.1", e);
            }
        }
    }

    /**
     * Returns the project URL to give the SDK ({@code SUPABASE_URL}).
     *
     * @return {@code http://127.0.0.1:<port>}, without a trailing slash
     */
    public String url() {
        return url;
    }

    /**
     * Returns the publishable key ({@code SUPABASE_ANON_KEY}): requests with it alone run as {@code anon}.
     *
     * @return a key of the form {@code sb_publishable_<32 hex digits>}, random per stand-in
     */
    public Secret publishableKey() {
        return publishableKey;
    }

    /**
     * Returns the secret key ({@code SUPABASE_SERVICE_ROLE_KEY}): requests with it and no user token run as
     * {@code service_role}.
     *
     * @return a key of the form {@code sb_secret_<32 hex digits>}, random per stand-in
     */
    public Secret secretKey() {
        return secretKey;
    }

    /**
     * Returns the HS256 secret the stand-in signs access tokens with; build the code under test's {@code
     * JwtVerifier} with it ({@code JwtVerifier.builder().hs256Secret(standIn.jwtSecret())}).
     *
     * @return the secret, masked in {@code toString()}
     */
    public Secret jwtSecret() {
        return jwtSecret;
    }

    /**
     * Returns the issuer ({@code iss}) of the stand-in's tokens, as a project's Auth server names itself.
     *
     * @return {@code <url>/auth/v1}
     */
    public String issuer() {
        return url + "/auth/v1";
    }

    /**
     * Issues an access token for a user, as a sign-in would, without asking for a password: signed HS256 with
     * {@link #jwtSecret()}, valid one hour from the stand-in's clock, {@code sub} = the user,
     * {@code role = authenticated}, {@code aud = authenticated}, {@code app_metadata.role} = the application role.
     * The Data API side of the stand-in then treats the user as having that role ({@code users.role}), for example
     * a merchant writing their own offers.
     *
     * @param userId the user's id ({@code auth.uid()}); not null
     * @param appRole the application role: {@code consumer}, {@code merchant}, {@code affiliate} or {@code admin}
     * @return the token, masked in {@code toString()}; give it to {@code SupabaseClient.withAccessToken} or to a
     *     {@code JwtVerifier}
     * @throws IllegalArgumentException for another role
     */
    public synchronized Secret mintUserToken(UUID userId, String appRole) {
        Objects.requireNonNull(userId, "userId");
        if (!APP_ROLES.contains(appRole)) {
            throw new IllegalArgumentException("appRole must be one of " + APP_ROLES + " (users_role_check), got "
                    + appRole);
        }
        rest.addUser(userId, appRole);
        return Secret.of(auth.mint(userId, appRole));
    }

    /**
     * Returns the e-mail address of the demo user, a merchant.
     *
     * @return the address
     */
    public String demoEmail() {
        return DEMO_EMAIL;
    }

    /**
     * Returns the demo user's password.
     *
     * @return a random password, per stand-in
     */
    public Secret demoPassword() {
        return demoPassword;
    }

    /**
     * Returns the demo user's id ({@code auth.uid()} once signed in).
     *
     * @return the id
     */
    public UUID demoUserId() {
        return DEMO_USER;
    }

    /**
     * Returns a copy of the rows of a table, for checks after a run.
     *
     * @param table {@code offers}, {@code legal_consents}, {@code logs_audit}, {@code credits_packages} or
     *     {@code credits_transactions}
     * @return the rows in insertion order, as PostgREST would return them
     * @throws IllegalArgumentException for another name
     */
    public synchronized List<JsonNode> rows(String table) {
        Table t;
        switch (table) {
            case "offers": t = rest.offers; break;
            case "legal_consents": t = rest.consents; break;
            case "logs_audit": t = rest.audit; break;
            case "credits_packages": t = rest.packages; break;
            case "credits_transactions": t = rest.ledger; break;
            default: throw new IllegalArgumentException("the stand-in has no table " + table);
        }
        return List.copyOf(t.rows());
    }

    /**
     * Returns a user's credit balance, as {@code credit_balance(p_user_id)} would.
     *
     * @param user the user's id
     * @return the balance, 0 before any movement
     */
    public synchronized int creditBalance(UUID user) {
        return rest.credits.balance(user.toString());
    }

    /** Stops the server at once; requests in flight are cut off. Closing again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }

    /** @return the stand-in's URL; never a key or password */
    @Override
    public String toString() {
        return "SupabaseStandIn{" + url + '}';
    }

    // Serving -------------------------------------------------------------------------------------------------------

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                synchronized (this) {
                    answer = answer(exchange);
                }
            } catch (Refusal r) {
                answer = r.answer;
            } catch (RuntimeException e) {
                answer = Answer.postgrestError(500, "XX000", "the stand-in failed: " + e, null, null);
            }
            write(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String apiKey = headers.get("apikey");
        if (apiKey == null) {
            return Answer.gatewayError("No API key found in request",
                    "No `apikey` request header or url param was found.");
        }
        boolean publishable = apiKey.equals(publishableKey.reveal());
        if (!publishable && !apiKey.equals(secretKey.reveal())) {
            return Answer.gatewayError("Invalid API key",
                    "Double check your Supabase `anon` or `service_role` API key.");
        }
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        JsonNode body = readBody(exchange.getRequestBody());
        String remoteIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        List<Map.Entry<String, String>> params = params(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        if (path.startsWith("/auth/v1/")) {
            Request r = new Request(method, path, params, headers, body, Caller.ANON, remoteIp);
            Answer a = auth.handle(r);
            if (a == null) {
                throw RestApi.notServed(r);
            }
            return a;
        }
        Caller caller = caller(publishable, headers.get("authorization"));
        Request r = new Request(method, path, params, headers, body, caller, remoteIp);
        if (!path.startsWith("/rest/v1/")) {
            throw RestApi.notServed(r);
        }
        return rest.handle(r, clock.instant());
    }

    /** The role: a user token wins; otherwise the key's role ({@code anon} or {@code service_role}). */
    private Caller caller(boolean publishableKeyUsed, String authorization) {
        Caller keyRole = publishableKeyUsed ? Caller.ANON : Caller.SERVICE_ROLE;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return keyRole;
        }
        String token = authorization.substring(7).strip();
        if (token.equals(publishableKey.reveal()) || token.equals(secretKey.reveal())) {
            return keyRole;
        }
        Caller user = auth.caller(token);
        return new Caller(user.role(), user.userId(), rest.appRole(user.userId()));
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return SdkJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw Refusal.badRequest("PGRST102", "Empty or invalid json", null, null);
        }
    }

    private static List<Map.Entry<String, String>> params(String rawQuery) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new AbstractMap.SimpleImmutableEntry<>(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static void write(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers.forEach((n, v) -> exchange.getResponseHeaders().set(n, v));
        exchange.getResponseHeaders().set("sb-request-id", UUID.randomUUID().toString());
        if (answer.body == null) {
            exchange.sendResponseHeaders(answer.status, -1);
            return;
        }
        boolean object = answer.body.isObject() && answer.status < 300
                && exchange.getRequestHeaders().getFirst("Accept") != null
                && exchange.getRequestHeaders().getFirst("Accept").contains("application/vnd.pgrst.object+json");
        exchange.getResponseHeaders().set("Content-Type", (object ? "application/vnd.pgrst.object+json"
                : "application/json") + "; charset=utf-8");
        byte[] bytes = SdkJson.mapper().writeValueAsBytes(answer.body);
        exchange.sendResponseHeaders(answer.status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // Seed data -----------------------------------------------------------------------------------------------------

    private void seed(Instant now) {
        Duration day = Duration.ofDays(1);
        offer(now, BOULANGERIE, "Croissants au beurre : 2 pour 1 avant 10 h", "Montréal", "50", null,
                now.minus(day.multipliedBy(5)), now.plus(day.multipliedBy(25)), "active", null);
        offer(now, CASSE_CROUTE, "Poutine gratinée : 4 $ de rabais", "Québec", null, 400,
                now.minus(day.multipliedBy(2)), null, "active", null);
        offer(now, BOULANGERIE, "Café équitable : 15 % sur les grains", "Montréal", "15", null,
                now.minus(day.multipliedBy(10)), now.plus(day.multipliedBy(10)), "active", null);
        // Hidden from the live list, each for its own reason:
        offer(now, CASSE_CROUTE, "Cabane à sucre : tire d'érable offerte", "Québec", null, 500,
                now.minus(day.multipliedBy(30)), now.minus(day), "active", null);
        offer(now, BOULANGERIE, "Pâtisseries du week-end : 20 % de rabais", "Montréal", "20", null,
                now.plus(day.multipliedBy(3)), now.plus(day.multipliedBy(10)), "active", null);
        offer(now, CASSE_CROUTE, "Fromages d'ici : 10 % le vendredi", "Québec", "10", null,
                now.minus(day), null, "draft", null);
        offer(now, BOULANGERIE, "Pain de campagne : le deuxième à moitié prix", "Montréal", "25", null,
                now.minus(day.multipliedBy(20)), null, "active", now.minus(day.multipliedBy(2)));

        creditPackage(now, "Forfait découverte", 100, 999, true);
        creditPackage(now, "Forfait quartier", 500, 3999, true);
        creditPackage(now, "Forfait lancement 2024", 1000, 4999, false);
    }

    private void offer(Instant now, UUID merchant, String title, String city, String percent, Integer amountCents,
                       Instant startsAt, Instant endsAt, String status, Instant deletedAt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("merchant_id", merchant.toString());
        body.put("title", title);
        body.put("city", city);
        if (percent != null) {
            body.put("discount_percent", percent);
        } else {
            body.put("discount_amount_cents", amountCents);
        }
        body.put("starts_at", startsAt.toString());
        body.put("ends_at", endsAt == null ? null : endsAt.toString());
        body.put("status", status);
        body.put("deleted_at", deletedAt == null ? null : deletedAt.toString());
        Instant created = startsAt.isBefore(now) ? startsAt : now.minus(Duration.ofDays(1));
        body.put("created_at", created.toString());
        body.put("updated_at", created.toString());
        if (deletedAt != null) {
            body.put("deleted_by", merchant.toString());
        }
        rest.offers.insert(rest.offers.newRow(body, now));
    }

    private void creditPackage(Instant now, String name, int credits, int priceCents, boolean active) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", name);
        body.put("credits", credits);
        body.put("price_cents", priceCents);
        body.put("active", active);
        rest.packages.insert(rest.packages.newRow(body, now));
    }
}
