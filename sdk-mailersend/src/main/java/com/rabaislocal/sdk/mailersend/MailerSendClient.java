package com.rabaislocal.sdk.mailersend;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.MailerSendSettings;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.mailersend.activity.ActivityService;
import com.rabaislocal.sdk.mailersend.analytics.AnalyticsService;
import com.rabaislocal.sdk.mailersend.bulk.BulkEmailService;
import com.rabaislocal.sdk.mailersend.emails.EmailService;
import com.rabaislocal.sdk.mailersend.error.MailerSendErrorParser;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import com.rabaislocal.sdk.mailersend.messages.MessageService;
import com.rabaislocal.sdk.mailersend.quota.ApiQuotaService;
import com.rabaislocal.sdk.mailersend.suppressions.SuppressionService;
import com.rabaislocal.sdk.mailersend.templates.TemplateService;
import com.rabaislocal.sdk.mailersend.webhooks.WebhookService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The client of MailerSend's email API ({@code https://api.mailersend.com/v1}). Immutable and thread-safe; keep
 * one per API token. One accessor per resource: {@link #emails()}, {@link #bulkEmails()}, {@link #templates()},
 * {@link #suppressions()}, {@link #webhooks()}, {@link #messages()}, {@link #activity()}, {@link #analytics()} and
 * {@link #apiQuota()}. Webhook deliveries are checked with
 * {@link com.rabaislocal.sdk.mailersend.webhooks.MailerSendWebhooks}.
 *
 * <p>The token goes in {@code Authorization: Bearer} (never logged), read from its provider on every attempt, so a
 * rotated MAILERSEND_API_KEY applies without a rebuild.
 *
 * <p>Retries ({@link #DEFAULT_RETRY_POLICY}): MailerSend has no idempotency key, so a send is only repeated where it
 * cannot arrive twice: on 429 (after {@code Retry-After}, or the next minute), 421 (maintenance), 503, and a
 * connection that failed before anything was sent. Other 5xx, 408 and read timeouts are retried for reads, deletes
 * and updates, and for a send only when the caller asks for it
 * ({@link com.rabaislocal.sdk.mailersend.emails.SendRetry#ALSO_UNCERTAIN}). 422 and other 4xx are never retried.
 *
 * <pre>{@code
 * try (MailerSendClient mailersend = MailerSendClient.fromSettings(SdkConfig.fromEnvironment())) {
 *     EmailSendResult r = mailersend.emails().send(EmailSendParams.builder()
 *             .from("offres@rabaislocal.com", "RabaisLocal").to("client@example.com", "Chloé")
 *             .subject("Vos rabais").html("<p>Bonjour</p>").build());
 *     r.messageId().ifPresent(System.out::println);
 * }
 * }</pre>
 */
public final class MailerSendClient implements AutoCloseable {

    /** The service name in logs, metrics and exceptions. */
    public static final String SERVICE = MailerSendHttp.SERVICE;
    /** The public API, version path included. */
    public static final String DEFAULT_BASE_URL = "https://api.mailersend.com/v1";
    /** The default limit of one attempt. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The default cap of pages one listing walk requests. */
    public static final int DEFAULT_MAX_PAGES = 1_000;

    /**
     * MailerSend's retry policy: up to 2 retries (3 attempts), backoff 1 s then 2 s (jitter 0.75 to 1, cap 8 s), a
     * server's {@code Retry-After} honoured up to 65 s, a 429 without one waits for the next minute; deadline
     * 150 s per call, so a rate-limited call can wait out two minute windows. Retryable statuses 408, 421, 429,
     * 500, 502, 503 and 504; of those, 421, 429 and 503 are "not acted on" and retried even for a send.
     */
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder().maxRetries(2)
            .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(8))
            .maxRetryAfter(Duration.ofSeconds(65)).retryableStatuses(Set.of(408, 421, 429, 500, 502, 503, 504))
            .unprocessedStatuses(Set.of(421, 429, 503)).retryOnIoFailure(true).deadline(Duration.ofSeconds(150))
            .build();

    private final ClientOptions options;
    private final String domain;
    private final int bulkChunkSize;
    private final int maxPages;
    private final ServiceClient http;
    private final EmailService emails;
    private final BulkEmailService bulkEmails;
    private final TemplateService templates;
    private final SuppressionService suppressions;
    private final WebhookService webhooks;
    private final MessageService messages;
    private final ActivityService activity;
    private final AnalyticsService analytics;
    private final ApiQuotaService apiQuota;

    private MailerSendClient(ClientOptions options, Builder b) {
        this.options = options;
        this.domain = b.domain == null ? null : b.domain.strip();
        this.bulkChunkSize = b.bulkChunkSize;
        this.maxPages = b.maxPages;
        this.http = ServiceClient.builder().service(SERVICE).options(options)
                .authenticator(RequestAuthenticator.bearer(options.credential()))
                .requestIdHeaders("x-request-id", "x-message-id")
                .errorParser(new MailerSendErrorParser(options.retryPolicy().clock())).build();
        MailerSendHttp calls = new MailerSendHttp(http, maxPages);
        this.emails = new EmailService(calls);
        this.bulkEmails = new BulkEmailService(calls, bulkChunkSize, options.retryPolicy());
        this.templates = new TemplateService(calls);
        this.suppressions = new SuppressionService(calls);
        this.webhooks = new WebhookService(calls);
        this.messages = new MessageService(calls);
        this.activity = new ActivityService(calls);
        this.analytics = new AnalyticsService(calls);
        this.apiQuota = new ApiQuotaService(calls);
    }

    /** @return a builder with the defaults; the credential (the API token) is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from validated configuration: MAILERSEND_API_KEY (read through its provider on every
     * request), MAILERSEND_BASE_URL and MAILERSEND_DOMAIN.
     *
     * @param settings the MailerSend settings
     * @return the client
     */
    public static MailerSendClient fromSettings(MailerSendSettings settings) {
        return builder().baseUrl(settings.baseUrl().toString()).credential(settings.apiKey())
                .domain(settings.domain().orElse(null)).build();
    }

    /**
     * Builds a client from the SDK configuration.
     *
     * @param config the configuration
     * @return the client
     * @throws com.rabaislocal.sdk.core.error.ConfigException when MailerSend is not configured
     */
    public static MailerSendClient fromSettings(SdkConfig config) {
        return fromSettings(config.mailerSend());
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        return new Builder().options(options).domain(domain).bulkChunkSize(bulkChunkSize).maxPages(maxPages);
    }

    /**
     * Derives a client with changed settings that shares this one's connection pool.
     *
     * @param change edits a builder holding this client's settings
     * @return the new client
     */
    public MailerSendClient withOptions(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the shared settings */
    public ClientOptions options() {
        return options;
    }

    /** @return the sending domain (MAILERSEND_DOMAIN), e.g. {@code rabaislocal.com}, when configured */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** @return single emails: {@code POST /email} */
    public EmailService emails() {
        return emails;
    }

    /** @return bulk emails: {@code POST /bulk-email}, split into chunks, and their status */
    public BulkEmailService bulkEmails() {
        return bulkEmails;
    }

    /** @return templates: list, get */
    public TemplateService templates() {
        return templates;
    }

    /** @return suppressions: blocklist, hard bounces, spam complaints, unsubscribes, on-hold list */
    public SuppressionService suppressions() {
        return suppressions;
    }

    /** @return webhook subscriptions: list, get, create, update, delete */
    public WebhookService webhooks() {
        return webhooks;
    }

    /** @return sent messages: list, get */
    public MessageService messages() {
        return messages;
    }

    /** @return email activity: list per domain, get */
    public ActivityService activity() {
        return activity;
    }

    /** @return analytics by date */
    public AnalyticsService analytics() {
        return analytics;
    }

    /** @return the daily API quota ({@code GET /api-quota}) */
    public ApiQuotaService apiQuota() {
        return apiQuota;
    }

    /** @return the HTTP client every call goes through, for endpoints this class has no method for */
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
        return "MailerSendClient{baseUrl=" + options.baseUrl() + ", token=" + (options.credential() == null ? "none"
                : "set") + ", domain=" + (domain == null ? "absent" : domain) + ", bulkChunkSize=" + bulkChunkSize
                + '}';
    }

    /**
     * Builds a {@link MailerSendClient}; {@link #build()} validates every setting at once.
     */
    public static final class Builder extends ClientOptions.Base<Builder> {
        private String domain;
        private int bulkChunkSize = BulkEmailService.DEFAULT_CHUNK_SIZE;
        private int maxPages = DEFAULT_MAX_PAGES;

        private Builder() {
            super(DEFAULT_RETRY_POLICY);
            baseUrl(DEFAULT_BASE_URL);
            timeout(DEFAULT_TIMEOUT);
            requireCredential();
        }

        /**
         * Sets the sending domain.
         *
         * @param domain MAILERSEND_DOMAIN, e.g. {@code rabaislocal.com}, or null
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /**
         * Sets how many emails one {@code POST /bulk-email} request carries.
         *
         * @param size 1 to 500; default {@value BulkEmailService#DEFAULT_CHUNK_SIZE} (see docs/MAILERSEND.md)
         * @return this builder
         */
        public Builder bulkChunkSize(int size) {
            this.bulkChunkSize = size;
            return this;
        }

        /**
         * Caps the pages one listing walk requests.
         *
         * @param maxPages at least 1; default {@value MailerSendClient#DEFAULT_MAX_PAGES}
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
        public MailerSendClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (domain != null && (domain.isBlank() || domain.contains("@") || domain.contains("/"))) {
                errors.put("domain", List.of("must be a domain name such as rabaislocal.com (null when unset)"));
            }
            if (bulkChunkSize < 1 || bulkChunkSize > BulkEmailService.MAX_CHUNK_SIZE) {
                errors.put("bulkChunkSize", List.of("must be between 1 and " + BulkEmailService.MAX_CHUNK_SIZE
                        + ", was " + bulkChunkSize));
            }
            if (maxPages < 1) {
                errors.put("maxPages", List.of("must be at least 1, was " + maxPages));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("mailersend client settings", errors);
            }
            return new MailerSendClient(buildOptions(), this);
        }
    }
}
