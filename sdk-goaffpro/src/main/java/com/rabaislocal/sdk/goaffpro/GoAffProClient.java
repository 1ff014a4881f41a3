package com.rabaislocal.sdk.goaffpro;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.GoAffProSettings;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateService;
import com.rabaislocal.sdk.goaffpro.commissions.CommissionPlanService;
import com.rabaislocal.sdk.goaffpro.coupons.CouponService;
import com.rabaislocal.sdk.goaffpro.error.GoAffProErrorParser;
import com.rabaislocal.sdk.goaffpro.groups.GroupService;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.orders.OrderService;
import com.rabaislocal.sdk.goaffpro.payments.PaymentService;
import com.rabaislocal.sdk.goaffpro.rewards.RewardService;
import com.rabaislocal.sdk.goaffpro.store.StoreService;
import com.rabaislocal.sdk.goaffpro.traffic.TrafficService;
import com.rabaislocal.sdk.goaffpro.transactions.TransactionService;
import com.rabaislocal.sdk.goaffpro.webhooks.WebhookService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The client of GoAffPro's admin API ({@code https://api.goaffpro.com/v1/admin/...}): the merchant's affiliate
 * programme. Immutable and thread-safe; keep one per store token. One accessor per resource:
 * {@link #affiliates()}, {@link #orders()}, {@link #rewards()}, {@link #payments()}, {@link #transactions()},
 * {@link #coupons()}, {@link #commissions()}, {@link #groups()}, {@link #traffic()}, {@link #store()} and
 * {@link #webhooks()}.
 *
 * <p>What it absorbs of GoAffPro's quirks:
 * <ul>
 *   <li>the token goes in {@code x-goaffpro-access-token} (never logged), read from its provider on every
 *       attempt;</li>
 *   <li>{@code fields} is always sent, with each resource's default set plus the caller's extra names;</li>
 *   <li>an HTTP 200 answer carrying only {@code {"error": ...}} is an exception (see {@link GoAffProErrorParser});
 *       a 2xx answer missing the promised payload key is an
 *       {@link com.rabaislocal.sdk.core.error.UnexpectedResponseException};</li>
 *   <li>money is {@code BigDecimal}, ids {@code String}, dates {@code Instant}, statuses open values;</li>
 *   <li>listings stop on a short page, on a page with no unseen id and after {@link Builder#maxPages(int)}
 *       pages.</li>
 * </ul>
 *
 * <p>Retries ({@link #DEFAULT_RETRY_POLICY}): GET, PATCH, PUT and DELETE on I/O failures and HTTP 429, 502, 503,
 * 504. POST creates money-bearing records without an idempotency key, so it is only re-sent when the connection
 * failed before anything was written; before retrying one by hand, ask
 * {@link OrderService#findByNumber(String)} or {@link RewardService#findForOrder(String)}.
 *
 * <pre>{@code
 * try (GoAffProClient goaffpro = GoAffProClient.fromSettings(SdkConfig.fromEnvironment())) {
 *     String id = goaffpro.affiliates().create(AffiliateCreateParams.builder().email("ana@example.com").build());
 *     goaffpro.payments().pending().forEach(p -> System.out.println(p.affiliateId() + " " + p.amount()));
 * }
 * }</pre>
 */
public final class GoAffProClient implements AutoCloseable {

    /** The service name in logs, metrics and exceptions. */
    public static final String SERVICE = "goaffpro";
    /** The public admin API, version path included. */
    public static final String DEFAULT_BASE_URL = "https://api.goaffpro.com/v1";
    /** The header carrying the store's access token. */
    public static final String TOKEN_HEADER = "x-goaffpro-access-token";
    /** The storefront token header; never sent by this client, registered as sensitive in case a caller adds it. */
    public static final String PUBLIC_TOKEN_HEADER = "x-goaffpro-public-token";

    /**
     * GoAffPro's retry policy: up to 3 retries (4 attempts, as the public Java integration does) on I/O failures
     * and HTTP 429, 502, 503 and 504, waiting 1 s, 2 s, 4 s... up to 16 s (with jitter) or what
     * {@code Retry-After} asks (capped at 60 s), within a 60 s deadline per call. 500 is not retried: GoAffPro
     * answers it for requests it refuses.
     */
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder().maxRetries(3)
            .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(16))
            .retryableStatuses(Set.of(429, 502, 503, 504)).retryOnIoFailure(true).build();

    /** The default cap of pages one listing walk requests. */
    public static final int DEFAULT_MAX_PAGES = 1_000;

    private final ClientOptions options;
    private final String programId;
    private final GoAffProHttp.RateLimit rateLimit;
    private final int maxPages;
    private final ServiceClient http;
    private final AffiliateService affiliates;
    private final OrderService orders;
    private final RewardService rewards;
    private final PaymentService payments;
    private final TransactionService transactions;
    private final CouponService coupons;
    private final CommissionPlanService commissions;
    private final GroupService groups;
    private final TrafficService traffic;
    private final StoreService store;
    private final WebhookService webhooks;

    private GoAffProClient(ClientOptions options, Builder b) {
        this.options = options;
        this.programId = b.programId == null ? null : b.programId.strip();
        this.rateLimit = b.rateLimit;
        this.maxPages = b.maxPages;
        this.http = ServiceClient.builder().service(SERVICE).options(options)
                .authenticator(RequestAuthenticator.scheme(TOKEN_HEADER, "", options.credential()))
                .sensitiveHeader(PUBLIC_TOKEN_HEADER)
                .errorParser(new GoAffProErrorParser()).build();
        GoAffProHttp calls = new GoAffProHttp(http, rateLimit, maxPages);
        this.affiliates = new AffiliateService(calls);
        this.orders = new OrderService(calls);
        this.rewards = new RewardService(calls);
        this.payments = new PaymentService(calls);
        this.transactions = new TransactionService(calls);
        this.coupons = new CouponService(calls);
        this.commissions = new CommissionPlanService(calls);
        this.groups = new GroupService(calls);
        this.traffic = new TrafficService(calls);
        this.store = new StoreService(calls, programId);
        this.webhooks = new WebhookService(calls);
    }

    /** @return a builder with the defaults; the credential (the store's access token) is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from validated configuration: GOAFFPRO_API_KEY (read through its provider on every request,
     * so a rotated token applies without a rebuild), GOAFFPRO_BASE_URL and GOAFFPRO_PROGRAM_ID.
     *
     * @param settings the GoAffPro settings
     * @return the client
     */
    public static GoAffProClient fromSettings(GoAffProSettings settings) {
        return builder().baseUrl(settings.baseUrl().toString()).credential(settings.apiKey())
                .programId(settings.programId().orElse(null)).build();
    }

    /**
     * Builds a client from the SDK configuration.
     *
     * @param config the configuration
     * @return the client
     * @throws com.rabaislocal.sdk.core.error.ConfigException when GoAffPro is not configured
     */
    public static GoAffProClient fromSettings(SdkConfig config) {
        return fromSettings(config.goAffPro());
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        Builder b = new Builder().options(options).programId(programId).maxPages(maxPages);
        b.rateLimit = rateLimit;
        return b;
    }

    /**
     * Derives a client with changed settings that shares this one's connection pool.
     *
     * @param change edits a builder holding this client's settings
     * @return the new client
     */
    public GoAffProClient withOptions(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the shared settings */
    public ClientOptions options() {
        return options;
    }

    /** @return the program (store, site) id from GOAFFPRO_PROGRAM_ID, when configured */
    public Optional<String> programId() {
        return Optional.ofNullable(programId);
    }

    /** @return the affiliates: list, search, create, update, delete, commissions, coupons, referral codes, tags */
    public AffiliateService affiliates() {
        return affiliates;
    }

    /** @return the referred orders: list, create, update, delete, recalculate, and the dedupe lookup */
    public OrderService orders() {
        return orders;
    }

    /** @return the rewards (bonuses and commissions): list, create, update, delete */
    public RewardService rewards() {
        return rewards;
    }

    /** @return the payouts: list, pending, mark paid, update, delete, payout requests */
    public PaymentService payments() {
        return payments;
    }

    /** @return the ledger of transactions */
    public TransactionService transactions() {
        return transactions;
    }

    /** @return the store's affiliate coupons */
    public CouponService coupons() {
        return coupons;
    }

    /** @return the commission plan's special rates */
    public CommissionPlanService commissions() {
        return commissions;
    }

    /** @return the affiliate groups */
    public GroupService groups() {
        return groups;
    }

    /** @return the referral traffic (visits) */
    public TrafficService traffic() {
        return traffic;
    }

    /** @return the store's configuration */
    public StoreService store() {
        return store;
    }

    /** @return the webhook subscriptions (list, create, delete) */
    public WebhookService webhooks() {
        return webhooks;
    }

    /** @return the HTTP client every call goes through, for admin endpoints this class has no method for */
    public ServiceClient http() {
        return http;
    }

    /** Marks this client closed: later calls throw. The shared transport stays open. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "GoAffProClient{baseUrl=" + options.baseUrl() + ", token=" + (options.credential() == null ? "none"
                : "set") + ", programId=" + (programId == null ? "absent" : programId)
                + ", rateLimit=" + (rateLimit == null ? "off" : rateLimit.requests() + "/" + rateLimit.period())
                + ", maxPages=" + maxPages + '}';
    }

    /**
     * Builds a {@link GoAffProClient}; {@link #build()} validates every setting at once.
     */
    public static final class Builder extends ClientOptions.Base<Builder> {
        private String programId;
        private GoAffProHttp.RateLimit rateLimit;
        private int maxPages = DEFAULT_MAX_PAGES;
        private Integer limitRequests;
        private Duration limitPeriod;
        private Duration limitMaxWait;
        private boolean limitSet;

        private Builder() {
            super(DEFAULT_RETRY_POLICY);
            baseUrl(DEFAULT_BASE_URL);
            requireCredential();
        }

        /**
         * Sets the program (store) id.
         *
         * @param programId GOAFFPRO_PROGRAM_ID, or null (the default: no program check); when set, {@link StoreService#verifyProgram()} checks the
         *     token belongs to it
         * @return this builder
         */
        public Builder programId(String programId) {
            this.programId = programId;
            return this;
        }

        /**
         * Keeps calls under a pace chosen by the caller (GoAffPro documents no limit; integrators keep under
         * 2 requests a second). Off by default. A call beyond the pace waits for a permit (through the retry
         * policy's sleeper), at most {@code maxWait}, then fails with a
         * {@link com.rabaislocal.sdk.core.error.RequestTimeoutException}. Counted per call, not per attempt:
         * retries already wait their backoff.
         *
         * @param requests calls allowed per period, positive
         * @param period the period, positive (e.g. 1 s)
         * @param maxWait the longest a call waits for a permit, not negative
         * @return this builder
         */
        public Builder rateLimit(int requests, Duration period, Duration maxWait) {
            this.limitSet = true;
            this.limitRequests = requests;
            this.limitPeriod = period;
            this.limitMaxWait = maxWait;
            return this;
        }

        /**
         * Turns the client-side rate limit off (the default).
         *
         * @return this builder
         */
        public Builder noRateLimit() {
            this.limitSet = false;
            this.rateLimit = null;
            return this;
        }

        /**
         * Caps the pages one listing walk requests, so a server repeating itself cannot loop a caller forever.
         *
         * @param maxPages at least 1; default {@value GoAffProClient#DEFAULT_MAX_PAGES}
         * @return this builder
         */
        public Builder maxPages(int maxPages) {
            this.maxPages = maxPages;
            return this;
        }

        /**
         * Validates and builds the client.
         *
         * @return the client
         * @throws ValidationException naming every invalid setting
         */
        public GoAffProClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (programId != null && programId.isBlank()) {
                errors.put("programId", List.of("must not be blank (null when not configured)"));
            }
            if (maxPages < 1) {
                errors.put("maxPages", List.of("must be at least 1, was " + maxPages));
            }
            if (limitSet) {
                if (limitRequests == null || limitRequests < 1) {
                    errors.put("rateLimit.requests", List.of("must be positive, was " + limitRequests));
                }
                if (limitPeriod == null || limitPeriod.isZero() || limitPeriod.isNegative()) {
                    errors.put("rateLimit.period", List.of("must be positive, was " + limitPeriod));
                }
                if (limitMaxWait == null || limitMaxWait.isNegative()) {
                    errors.put("rateLimit.maxWait", List.of("must not be negative, was " + limitMaxWait));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("goaffpro client settings", errors);
            }
            if (limitSet) {
                rateLimit = new GoAffProHttp.RateLimit(limitRequests, limitPeriod, limitMaxWait);
            }
            return new GoAffProClient(buildOptions(), this);
        }
    }
}
