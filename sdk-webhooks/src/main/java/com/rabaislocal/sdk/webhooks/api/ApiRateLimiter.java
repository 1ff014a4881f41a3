package com.rabaislocal.sdk.webhooks.api;

import com.rabaislocal.sdk.webhooks.StandardResponse;
import com.rabaislocal.sdk.webhooks.WebhookCode;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import com.rabaislocal.sdk.webhooks.internal.Refusals;
import com.rabaislocal.sdk.webhooks.limit.BlockList;
import com.rabaislocal.sdk.webhooks.limit.BlockPolicy;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.RateLimitDecision;
import com.rabaislocal.sdk.webhooks.limit.RateLimiter;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API rate limit, framework-neutral: the same limiter and block list as the webhook receiver, for RabaisLocal's
 * own API. 100 requests a minute per IP by default; a route (a path prefix, optionally one method) may have its own
 * limit, and the longest matching prefix wins. Each route counts in its own bucket. A blocked IP (after failed
 * webhook authentications, or failures the application reports with {@link #recordAuthenticationFailure(String)}) is
 * refused 403. {@link com.rabaislocal.sdk.webhooks.servlet.ApiRateLimitFilter} is the servlet form.
 *
 * <p>Thread-safe.
 */
public final class ApiRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRateLimiter.class);

    private final RateLimiter limiter;
    private final BlockList blockList;
    private final RateLimit defaultLimit;
    private final List<Route> routes;

    private ApiRateLimiter(Builder b) {
        this.limiter = b.stateStore.rateLimiter();
        this.blockList = b.stateStore.blockList(b.blockPolicy);
        this.defaultLimit = b.defaultLimit;
        List<Route> sorted = new ArrayList<>(b.routes);
        // Longest prefix first; a route with a method before the same prefix without one.
        sorted.sort(Comparator.comparingInt((Route r) -> -r.pathPrefix().length())
                .thenComparing(r -> r.method() == null));
        this.routes = List.copyOf(sorted);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A route's own limit. */
    private record Route(String method, String pathPrefix, RateLimit limit) {
        boolean matches(String m, String path) {
            return (method == null || method.equals(m)) && path.startsWith(pathPrefix);
        }

        String key() {
            return (method == null ? "*" : method) + " " + pathPrefix;
        }
    }

    /**
     * The decision for one request, with the headers to send whatever it is.
     *
     * @param allowed true when the request may go on
     * @param headers {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, and {@code Retry-After} when refused
     * @param refusal the standard answer to send when refused; empty when allowed
     */
    public record Decision(boolean allowed, Map<String, String> headers, Optional<StandardResponse> refusal) {
    }

    /**
     * Checks one request.
     *
     * @param clientIp the resolved client IP (see {@link com.rabaislocal.sdk.webhooks.ClientIpResolver})
     * @param method the HTTP method
     * @param path the request path
     * @param incomingRequestId the caller's {@code X-Request-Id}, or null
     * @return the decision; a refused one carries its 429 or 403 standard answer
     */
    public Decision check(String clientIp, String method, String path, String incomingRequestId) {
        String m = method.toUpperCase(Locale.ROOT);
        Route route = null;
        for (Route r : routes) {
            if (r.matches(m, path)) {
                route = r;
                break;
            }
        }
        RateLimit limit = route == null ? defaultLimit : route.limit();
        String requestId = Refusals.requestId(incomingRequestId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Long.toString(limit.permits()));
        Optional<Duration> blocked = blockList.blockedFor(clientIp);
        if (blocked.isPresent()) {
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("Retry-After", Long.toString(Math.max(1, (blocked.get().toMillis() + 999) / 1000)));
            return refused(WebhookCode.IP_BLOCKED, clientIp, path, requestId, headers);
        }
        RateLimitDecision d = limiter.tryAcquire("api:" + (route == null ? "*" : route.key()) + ":" + clientIp,
                limit);
        headers.put("X-RateLimit-Remaining", Long.toString(d.remaining()));
        if (!d.allowed()) {
            headers.put("Retry-After", Long.toString(d.retryAfterSeconds()));
            return refused(WebhookCode.RATE_LIMITED, clientIp, path, requestId, headers);
        }
        return new Decision(true, Map.copyOf(headers), Optional.empty());
    }

    /**
     * Reports a failed authentication on the API (a bad key or password), so that repeated failures block the IP on
     * the API and on the webhooks alike.
     *
     * @param clientIp the client IP
     * @return true when this failure blocked the IP
     */
    public boolean recordAuthenticationFailure(String clientIp) {
        return blockList.recordFailure(clientIp);
    }

    private static Decision refused(WebhookCode code, String ip, String path, String requestId,
            Map<String, String> headers) {
        StandardResponse answer = Refusals.refuse(LOG, code, ip, path, requestId, headers);
        return new Decision(false, Map.copyOf(headers), Optional.of(answer));
    }

    /** Builds an {@link ApiRateLimiter}; the state store is required. */
    public static final class Builder {

        private StateStore stateStore;
        private RateLimit defaultLimit = RateLimit.API_DEFAULT;
        private BlockPolicy blockPolicy = BlockPolicy.DEFAULT;
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param stateStore the store shared with the webhook receivers (in memory or Redis); required
         * @return this builder
         */
        public Builder stateStore(StateStore stateStore) {
            this.stateStore = stateStore;
            return this;
        }

        /**
         * @param limit the limit of routes without their own; default 100 a minute per IP
         * @return this builder
         */
        public Builder defaultLimit(RateLimit limit) {
            this.defaultLimit = limit;
            return this;
        }

        /**
         * @param policy when failures block an IP; default 5 within 10 minutes, for 15 minutes
         * @return this builder
         */
        public Builder blockPolicy(BlockPolicy policy) {
            this.blockPolicy = policy;
            return this;
        }

        /**
         * A route's own limit, for every method.
         *
         * @param pathPrefix the path prefix, e.g. {@code /api/auth/}
         * @param limit its limit
         * @return this builder
         */
        public Builder route(String pathPrefix, RateLimit limit) {
            return route(null, pathPrefix, limit);
        }

        /**
         * A route's own limit for one method.
         *
         * @param method the method, or null for every method
         * @param pathPrefix the path prefix
         * @param limit its limit
         * @return this builder
         */
        public Builder route(String method, String pathPrefix, RateLimit limit) {
            routes.add(new Route(method == null ? null : method.toUpperCase(Locale.ROOT), pathPrefix, limit));
            return this;
        }

        /**
         * @return the limiter
         * @throws com.rabaislocal.sdk.core.error.ValidationException listing every problem at once
         */
        public ApiRateLimiter build() {
            Problems p = new Problems()
                    .require(stateStore != null, "stateStore", "is required")
                    .require(defaultLimit != null, "defaultLimit", "is required")
                    .require(blockPolicy != null, "blockPolicy", "is required");
            for (Route r : routes) {
                p.require(r.pathPrefix() != null && r.pathPrefix().startsWith("/"), "route",
                        "path prefix must start with /: " + r.pathPrefix());
                p.require(r.limit() != null, "route", "limit is required for " + r.pathPrefix());
            }
            p.throwIfAny("API rate limiter");
            return new ApiRateLimiter(this);
        }
    }
}
