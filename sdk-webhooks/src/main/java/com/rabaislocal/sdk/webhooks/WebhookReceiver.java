package com.rabaislocal.sdk.webhooks;

import com.rabaislocal.sdk.webhooks.auth.AuthenticationResult;
import com.rabaislocal.sdk.webhooks.auth.WebhookAuthenticator;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import com.rabaislocal.sdk.webhooks.internal.Refusals;
import com.rabaislocal.sdk.webhooks.limit.BlockList;
import com.rabaislocal.sdk.webhooks.limit.BlockPolicy;
import com.rabaislocal.sdk.webhooks.limit.IdempotencyStore;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.RateLimitDecision;
import com.rabaislocal.sdk.webhooks.limit.RateLimiter;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.validation.PayloadValidation;
import com.rabaislocal.sdk.webhooks.validation.PayloadValidator;
import com.rabaislocal.sdk.webhooks.validation.RequiredFieldsPayloadValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard webhook template, framework-neutral: takes a {@link WebhookRequest} (raw body, headers, peer address,
 * path) and answers a {@link StandardResponse}, the same JSON shape for every outcome. Checks, in this order, each
 * with its own code:
 * <ol>
 *   <li>method ({@code method_not_allowed} 405) and content type ({@code unsupported_media_type} 415);</li>
 *   <li>declared body size ({@code payload_too_large} 413), before anything is read;</li>
 *   <li>block list ({@code ip_blocked} 403 with {@code Retry-After}): a blocked IP is refused before anything else
 *   about it is evaluated, so it consumes no rate-limit permit and its answer stays 403 for the whole block;</li>
 *   <li>client IP rate limit, 10 a minute by default ({@code rate_limited} 429 with {@code Retry-After});</li>
 *   <li>actual body size while reading, at most {@code maxBodyBytes + 1} bytes read (413);</li>
 *   <li>authentication through the {@link WebhookAuthenticator} (401 codes; each counts towards the block list:
 *   5 within 10 minutes block the IP for 15 minutes by default);</li>
 *   <li>payload validation through the {@link PayloadValidator} ({@code malformed_payload} 400,
 *   {@code invalid_payload} 422);</li>
 *   <li>idempotency by event id (a duplicate answers 200 {@code duplicate} and is not handed on);</li>
 *   <li>the {@link WebhookHandler}: 200 {@code accepted}; 202 {@code queued} when it asks to finish later or overruns
 *   {@code handlerTimeout} (it goes on in the background); 500 {@code handler_failed} when it throws, without its
 *   message, and the event id is released so the sender's retry is processed.</li>
 * </ol>
 * When the shared state (Redis) or the handler pool cannot answer, the request gets 503 {@code unavailable} with
 * {@code Retry-After: 1}: the receiver fails closed.
 *
 * <p>Each refusal logs one line at WARN with its code, status, client IP, path and request id; no header, query,
 * signature, token or body is ever logged. Thread-safe; close it to stop its handler pool (and the state store when
 * the receiver created it).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** Default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** Default time the handler may take before the delivery is acknowledged 202 while it goes on: 10 seconds. */
    public static final Duration DEFAULT_HANDLER_TIMEOUT = Duration.ofSeconds(10);
    /** Default time an event id is remembered: 24 hours (MailerSend and Standard Webhooks retry within a day). */
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);

    private final String name;
    private final WebhookAuthenticator authenticator;
    private final PayloadValidator validator;
    private final WebhookHandler handler;
    private final StateStore ownedStore;
    private final RateLimiter rateLimiter;
    private final BlockList blockList;
    private final IdempotencyStore idempotency;
    private final RateLimit rateLimit;
    private final int maxBodyBytes;
    private final Set<String> methods;
    private final Set<String> contentTypes;
    private final ClientIpResolver ipResolver;
    private final Duration idempotencyTtl;
    private final Duration handlerTimeout;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Clock clock;

    private WebhookReceiver(Builder b) {
        this.name = b.name;
        this.authenticator = b.authenticator;
        this.validator = b.validator;
        this.handler = b.handler;
        this.ownedStore = b.stateStore == null ? StateStore.inMemory(b.clock) : null;
        StateStore store = b.stateStore != null ? b.stateStore : ownedStore;
        this.rateLimiter = store.rateLimiter();
        this.blockList = store.blockList(b.blockPolicy);
        this.idempotency = store.idempotency();
        this.rateLimit = b.rateLimit;
        this.maxBodyBytes = b.maxBodyBytes;
        this.methods = Set.copyOf(b.methods);
        this.contentTypes = Set.copyOf(b.contentTypes);
        this.ipResolver = b.ipResolver;
        this.idempotencyTtl = b.idempotencyTtl;
        this.handlerTimeout = b.handlerTimeout;
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? defaultExecutor(name) : b.executor;
        this.clock = b.clock;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every check on a request and, when all pass, hands the event to the handler.
     *
     * @param request the request; its body stream is read here, at most {@code maxBodyBytes + 1} bytes
     * @return the standard answer; never null, never an exception
     */
    public StandardResponse handle(WebhookRequest request) {
        String requestId = Refusals.requestId(request.header("X-Request-Id"));
        String ip = ipResolver.resolve(request);
        try {
            return process(request, requestId, ip);
        } catch (RuntimeException e) {
            // The shared state (Redis) or a collaborator failed: refuse, and let the sender retry shortly.
            LOG.warn("refused code={} status={} ip={} path={} request_id={} cause={}", WebhookCode.UNAVAILABLE.code(),
                    WebhookCode.UNAVAILABLE.status(), ip, Refusals.loggable(request.path()), requestId,
                    e.getClass().getName());
            return StandardResponse.of(WebhookCode.UNAVAILABLE, requestId, Map.of("Retry-After", "1"));
        }
    }

    private StandardResponse process(WebhookRequest request, String requestId, String ip) {
        String path = request.path();
        if (!methods.contains(request.method())) {
            return refuse(WebhookCode.METHOD_NOT_ALLOWED, ip, path, requestId,
                    Map.of("Allow", String.join(", ", methods)));
        }
        if (!contentTypes.contains(mediaType(request.contentType()))) {
            return refuse(WebhookCode.UNSUPPORTED_MEDIA_TYPE, ip, path, requestId, Map.of());
        }
        if (request.contentLength() > maxBodyBytes) {
            return refuse(WebhookCode.PAYLOAD_TOO_LARGE, ip, path, requestId, Map.of());
        }
        Optional<Duration> blocked = blockList.blockedFor(ip);
        if (blocked.isPresent()) {
            return refuse(WebhookCode.IP_BLOCKED, ip, path, requestId,
                    Map.of("Retry-After", Long.toString(ceilSeconds(blocked.get()))));
        }
        RateLimitDecision rate = rateLimiter.tryAcquire("wh:" + name + ":" + ip, rateLimit);
        if (!rate.allowed()) {
            return refuse(WebhookCode.RATE_LIMITED, ip, path, requestId,
                    Map.of("Retry-After", Long.toString(rate.retryAfterSeconds())));
        }
        byte[] body;
        try {
            body = readBounded(request.body(), maxBodyBytes);
        } catch (IOException e) {
            return refuse(WebhookCode.MALFORMED_PAYLOAD, ip, path, requestId, Map.of());
        }
        if (body == null) {
            return refuse(WebhookCode.PAYLOAD_TOO_LARGE, ip, path, requestId, Map.of());
        }
        WebhookDelivery delivery = new WebhookDelivery(request, body, ip, requestId, clock.instant());
        AuthenticationResult auth = authenticator.authenticate(delivery);
        if (!auth.isAuthenticated()) {
            if (blockList.recordFailure(ip)) {
                LOG.warn("blocked ip={} path={} request_id={}", ip, Refusals.loggable(path), requestId);
            }
            return refuse(auth.refusal().orElseThrow(), ip, path, requestId, Map.of());
        }
        PayloadValidation validation = validator.validate(delivery);
        if (!validation.isValid()) {
            return refuse(validation.refusal().orElseThrow(), ip, path, requestId, Map.of());
        }
        String eventId = validation.eventId().or(auth::deliveryId).orElse(null);
        String claim = eventId == null ? null : name + ":" + eventId;
        if (claim != null && !idempotency.claim(claim, idempotencyTtl)) {
            LOG.debug("duplicate ip={} path={} request_id={}", ip, Refusals.loggable(path), requestId);
            return StandardResponse.of(WebhookCode.DUPLICATE, requestId);
        }
        return dispatch(new WebhookEvent(delivery, validation, eventId), claim, ip, path, requestId);
    }

    private StandardResponse dispatch(WebhookEvent event, String claim, String ip, String path, String requestId) {
        CompletableFuture<HandlerResult> run;
        try {
            run = CompletableFuture.supplyAsync(() -> call(event), executor);
        } catch (RejectedExecutionException e) {
            release(claim);
            return refuse(WebhookCode.UNAVAILABLE, ip, path, requestId, Map.of("Retry-After", "1"));
        }
        try {
            HandlerResult result = run.get(handlerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result != null && result.work() != null) {
                runLater(result.work(), claim, requestId);
                return StandardResponse.of(WebhookCode.QUEUED, requestId);
            }
            return StandardResponse.of(WebhookCode.ACCEPTED, requestId);
        } catch (ExecutionException e) {
            release(claim);
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            LOG.debug("handler failure request_id={}", requestId, cause);
            LOG.warn("refused code={} status={} ip={} path={} request_id={} cause={}",
                    WebhookCode.HANDLER_FAILED.code(), WebhookCode.HANDLER_FAILED.status(), ip,
                    Refusals.loggable(path), requestId, cause.getClass().getName());
            return StandardResponse.of(WebhookCode.HANDLER_FAILED, requestId);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Acknowledge now; the handler goes on, and its outcome is dealt with when it ends.
            run.whenComplete((result, failure) -> {
                if (failure != null) {
                    release(claim);
                    LOG.warn("late handler failure request_id={} cause={}", requestId, failure.getClass().getName());
                } else if (result != null && result.work() != null) {
                    runLater(result.work(), claim, requestId);
                }
            });
            return StandardResponse.of(WebhookCode.QUEUED, requestId);
        }
    }

    private HandlerResult call(WebhookEvent event) {
        try {
            return handler.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private void runLater(HandlerResult.Work work, String claim, String requestId) {
        Runnable task = () -> {
            try {
                work.run();
            } catch (Exception e) {
                release(claim);
                LOG.debug("deferred work failure request_id={}", requestId, e);
                LOG.warn("deferred work failed request_id={} cause={}", requestId, e.getClass().getName());
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            release(claim);
            LOG.warn("deferred work rejected request_id={}", requestId);
        }
    }

    private void release(String claim) {
        if (claim != null) {
            try {
                idempotency.release(claim);
            } catch (RuntimeException e) {
                // The claim lapses with its time-to-live; the sender's retry is then processed.
                LOG.warn("could not release event claim cause={}", e.getClass().getName());
            }
        }
    }

    private static StandardResponse refuse(WebhookCode code, String ip, String path, String requestId,
            Map<String, String> headers) {
        return Refusals.refuse(LOG, code, ip, path, requestId, headers);
    }

    /** Reads at most {@code max + 1} bytes: null means the body is larger than {@code max}. */
    static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        return b.length > max ? null : b;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static long ceilSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static ExecutorService defaultExecutor(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000),
                r -> {
                    Thread t = new Thread(r, "webhook-" + name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Stops the handler pool it created (letting running handlers finish) and the state store it created. */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdown();
        }
        if (ownedStore != null) {
            ownedStore.close();
        }
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + name + ", " + authenticator + ", limit=" + rateLimit.tag() + "]";
    }

    /** Builds a {@link WebhookReceiver}; the authenticator and the handler are required. */
    public static final class Builder {

        private String name = "webhook";
        private WebhookAuthenticator authenticator;
        private PayloadValidator validator = RequiredFieldsPayloadValidator.jsonOnly();
        private WebhookHandler handler;
        private StateStore stateStore;
        private RateLimit rateLimit = RateLimit.WEBHOOK_DEFAULT;
        private BlockPolicy blockPolicy = BlockPolicy.DEFAULT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Set<String> methods = Set.of("POST");
        private Set<String> contentTypes = Set.of("application/json");
        private ClientIpResolver ipResolver = ClientIpResolver.direct();
        private Duration idempotencyTtl = DEFAULT_IDEMPOTENCY_TTL;
        private Duration handlerTimeout = DEFAULT_HANDLER_TIMEOUT;
        private ExecutorService executor;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param name the webhook's name (e.g. {@code mailersend}): scopes its rate-limit buckets and event ids;
         *     letters, digits, {@code .}, {@code _} and {@code -}; default {@code webhook}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param authenticator how deliveries are authenticated; required
         * @return this builder
         */
        public Builder authenticator(WebhookAuthenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /**
         * @param validator how payloads are validated; default: well-formed JSON only
         * @return this builder
         */
        public Builder validator(PayloadValidator validator) {
            this.validator = validator;
            return this;
        }

        /**
         * @param handler the application's handler; required
         * @return this builder
         */
        public Builder handler(WebhookHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * @param stateStore where limits, blocks and event ids live ({@link StateStore#redis(String, String)} for
         *     several instances); default a private in-memory store on the builder's clock, closed with the receiver
         * @return this builder
         */
        public Builder stateStore(StateStore stateStore) {
            this.stateStore = stateStore;
            return this;
        }

        /**
         * @param rateLimit the per-IP limit; default 10 a minute
         * @return this builder
         */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /**
         * @param blockPolicy when failed authentications block an IP; default 5 within 10 minutes, for 15 minutes
         * @return this builder
         */
        public Builder blockPolicy(BlockPolicy blockPolicy) {
            this.blockPolicy = blockPolicy;
            return this;
        }

        /**
         * @param maxBodyBytes the largest body accepted, in bytes; default 1 MiB, at most 64 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * @param methods the accepted methods; default {@code POST}
         * @return this builder
         */
        public Builder methods(String... methods) {
            Set<String> s = new LinkedHashSet<>();
            for (String m : methods) {
                s.add(m.toUpperCase(Locale.ROOT));
            }
            this.methods = s;
            return this;
        }

        /**
         * @param mediaTypes the accepted media types, parameters ignored; default {@code application/json}
         * @return this builder
         */
        public Builder contentTypes(String... mediaTypes) {
            Set<String> s = new LinkedHashSet<>();
            for (String m : mediaTypes) {
                s.add(mediaType(m));
            }
            this.contentTypes = s;
            return this;
        }

        /**
         * @param ipResolver how the client IP is found; default the connection's peer ({@link ClientIpResolver#direct()})
         * @return this builder
         */
        public Builder clientIpResolver(ClientIpResolver ipResolver) {
            this.ipResolver = ipResolver;
            return this;
        }

        /**
         * @param ttl how long an event id is remembered; default 24 hours, at least 1 second
         * @return this builder
         */
        public Builder idempotencyTtl(Duration ttl) {
            this.idempotencyTtl = ttl;
            return this;
        }

        /**
         * @param timeout how long the answer waits for the handler before acknowledging 202; default 10 seconds
         * @return this builder
         */
        public Builder handlerTimeout(Duration timeout) {
            this.handlerTimeout = timeout;
            return this;
        }

        /**
         * @param executor where handlers and deferred work run; default a pool of 8 daemon threads with a queue of
         *     1000, stopped with the receiver (a caller's executor is not stopped)
         * @return this builder
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /**
         * @param clock the clock of the default state store and of {@link WebhookDelivery#receivedAt()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @return the receiver
         * @throws com.rabaislocal.sdk.core.error.ValidationException listing every problem at once
         */
        public WebhookReceiver build() {
            new Problems()
                    .require(name != null && name.matches("[A-Za-z0-9._-]{1,64}"), "name",
                            "must be 1 to 64 letters, digits, '.', '_' or '-'")
                    .require(authenticator != null, "authenticator", "is required")
                    .require(validator != null, "validator", "is required")
                    .require(handler != null, "handler", "is required")
                    .require(rateLimit != null, "rateLimit", "is required")
                    .require(blockPolicy != null, "blockPolicy", "is required")
                    .require(maxBodyBytes >= 1 && maxBodyBytes <= 64 << 20, "maxBodyBytes",
                            "must be between 1 and 67108864, was " + maxBodyBytes)
                    .require(!methods.isEmpty(), "methods", "at least one method is required")
                    .require(!contentTypes.isEmpty(), "contentTypes", "at least one media type is required")
                    .require(ipResolver != null, "clientIpResolver", "is required")
                    .require(idempotencyTtl != null && idempotencyTtl.toSeconds() >= 1, "idempotencyTtl",
                            "must be at least 1 s")
                    .require(handlerTimeout != null && handlerTimeout.toMillis() >= 1, "handlerTimeout",
                            "must be at least 1 ms")
                    .require(clock != null, "clock", "is required")
                    .throwIfAny("webhook receiver");
            return new WebhookReceiver(this);
        }
    }

    /** @return the accepted methods, for adapters that answer OPTIONS or HEAD themselves */
    public List<String> methods() {
        return List.copyOf(methods);
    }
}
