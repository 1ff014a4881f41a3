package com.rabaislocal.sdk.openai;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.OpenAiSettings;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.openai.chat.ChatService;
import com.rabaislocal.sdk.openai.embeddings.EmbeddingService;
import com.rabaislocal.sdk.openai.error.OpenAiErrorParser;
import com.rabaislocal.sdk.openai.internal.OpenAiHttp;
import com.rabaislocal.sdk.openai.models.ModelService;
import com.rabaislocal.sdk.openai.moderations.ModerationService;
import com.rabaislocal.sdk.openai.responses.ResponseService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The client of OpenAI's API ({@code https://api.openai.com/v1}, or an OpenAI-compatible provider's base URL).
 * Immutable and thread-safe; keep one per key. One accessor per resource: {@link #chat()}, {@link #responses()},
 * {@link #embeddings()}, {@link #moderations()} and {@link #models()}. RabaisLocal's agents run on top of it
 * ({@link com.rabaislocal.sdk.openai.agents.AgentRunner}).
 *
 * <p>On the wire: the key as {@code Authorization: Bearer} (read from its provider on every attempt, never
 * logged), {@code OpenAI-Organization} and {@code OpenAI-Project} when configured, {@code X-Retry-Count} on
 * retries. Every answer's {@code x-request-id} and {@code x-ratelimit-*} headers reach the result
 * ({@link ResponseMeta}) and the exception ({@link com.rabaislocal.sdk.openai.error.OpenAiError}).
 *
 * <p>Timeouts fit generation: 10 minutes per attempt and per call ({@link #DEFAULT_TIMEOUT}), a transport whose
 * read timeout is as long (sharing the SDK's connection pool), 2 minutes of silence at most inside a stream
 * ({@link #DEFAULT_STREAM_SILENCE_LIMIT}); each can be changed per client and per call
 * ({@link CallOptions}).
 *
 * <pre>{@code
 * try (OpenAiClient openai = OpenAiClient.fromSettings(SdkConfig.fromEnvironment())) {
 *     ChatCompletion c = openai.chat().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
 *             .user("Trois idées de rabais pour une boulangerie").build());
 *     System.out.println(c.content().orElse(""));
 * }
 * }</pre>
 */
public final class OpenAiClient implements AutoCloseable {

    /** The service name in logs, metrics and exceptions. */
    public static final String SERVICE = "openai";
    /** OpenAI's public API, version path included. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The organization header. */
    public static final String ORGANIZATION_HEADER = "OpenAI-Organization";
    /** The project header. */
    public static final String PROJECT_HEADER = "OpenAI-Project";
    /** The limit of one attempt and of a whole call by default: generations can take minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** The longest wait for the next byte of a stream by default. */
    public static final Duration DEFAULT_STREAM_SILENCE_LIMIT = Duration.ofMinutes(2);

    /**
     * OpenAI's retry policy, as its official client's with a cap on server hints: 2 retries (3 attempts) on I/O
     * failures and HTTP 408, 409, 429 and 5xx, waiting what {@code Retry-After-Ms} or {@code Retry-After} asks
     * (capped at 60 s) or 0.5 s, 1 s... up to 8 s with jitter, within a 10-minute deadline.
     * {@code X-Should-Retry} wins over the status; {@code insufficient_quota} is never retried.
     */
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder().maxRetries(2)
            .initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(8))
            .maxRetryAfter(Duration.ofSeconds(60))
            .retryableStatuses(retryable()).retryOnIoFailure(true).deadline(DEFAULT_TIMEOUT).build();

    private static Set<Integer> retryable() {
        Set<Integer> s = IntStream.rangeClosed(500, 599).boxed().collect(Collectors.toSet());
        s.addAll(List.of(408, 409, 429));
        return s;
    }

    /** The shared pool with a read timeout fit for generation (a long silence before the first byte is normal). */
    private static final class TransportHolder {
        static final SdkHttpClient LONG_READS = SdkHttpClient.shared().toBuilder().readTimeout(DEFAULT_TIMEOUT)
                .writeTimeout(Duration.ofMinutes(1)).build();
    }

    private final ClientOptions options;
    private final String organization;
    private final String project;
    private final Duration streamSilenceLimit;
    private final ServiceClient http;
    private final ChatService chat;
    private final ResponseService responses;
    private final EmbeddingService embeddings;
    private final ModerationService moderations;
    private final ModelService models;

    private OpenAiClient(ClientOptions options, Builder b) {
        this.options = options;
        this.organization = blankToNull(b.organization);
        this.project = blankToNull(b.project);
        this.streamSilenceLimit = b.streamSilenceLimit;
        ServiceClient.Builder sb = ServiceClient.builder().service(SERVICE).options(options)
                .authenticator(RequestAuthenticator.bearer(options.credential()))
                .sensitiveHeader("api-key").errorParser(new OpenAiErrorParser())
                .requestIdHeaders("x-request-id").retryCountHeader("X-Retry-Count");
        if (organization != null) {
            sb.defaultHeader(ORGANIZATION_HEADER, organization);
        }
        if (project != null) {
            sb.defaultHeader(PROJECT_HEADER, project);
        }
        this.http = sb.build();
        OpenAiHttp calls = new OpenAiHttp(http, streamSilenceLimit);
        this.chat = new ChatService(calls);
        this.responses = new ResponseService(calls);
        this.embeddings = new EmbeddingService(calls);
        this.moderations = new ModerationService(calls);
        this.models = new ModelService(calls);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @return a builder with the defaults; the credential (the API key) is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from validated configuration: OPENAI_API_KEY (through its provider, so a rotated key applies
     * without a rebuild), OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID.
     *
     * @param settings the OpenAI settings
     * @return the client
     */
    public static OpenAiClient fromSettings(OpenAiSettings settings) {
        return builder().baseUrl(settings.baseUrl().toString()).credential(settings.apiKey())
                .organization(settings.organizationId().orElse(null)).project(settings.projectId().orElse(null))
                .build();
    }

    /**
     * Builds a client from the SDK configuration.
     *
     * @param config the configuration
     * @return the client
     * @throws com.rabaislocal.sdk.core.error.ConfigException when OPENAI_API_KEY is missing or a value is invalid
     */
    public static OpenAiClient fromSettings(SdkConfig config) {
        return fromSettings(config.openAi());
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        return new Builder().options(options).organization(organization).project(project)
                .streamSilenceLimit(streamSilenceLimit);
    }

    /**
     * Derives a client with changed settings that shares this one's connection pool.
     *
     * @param change edits a builder holding this client's settings
     * @return the new client
     */
    public OpenAiClient withOptions(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the shared settings */
    public ClientOptions options() {
        return options;
    }

    /** @return the organization sent as {@code OpenAI-Organization}, when set */
    public Optional<String> organization() {
        return Optional.ofNullable(organization);
    }

    /** @return the project sent as {@code OpenAI-Project}, when set */
    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    /** @return the default longest wait for a streamed byte */
    public Duration streamSilenceLimit() {
        return streamSilenceLimit;
    }

    /** @return Chat Completions: create, stream, parse into a record */
    public ChatService chat() {
        return chat;
    }

    /** @return the Responses API: create, retrieve, delete, stream */
    public ResponseService responses() {
        return responses;
    }

    /** @return embeddings */
    public EmbeddingService embeddings() {
        return embeddings;
    }

    /** @return moderations */
    public ModerationService moderations() {
        return moderations;
    }

    /** @return the models: list, retrieve */
    public ModelService models() {
        return models;
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
        return "OpenAiClient{baseUrl=" + options.baseUrl() + ", key=" + (options.credential() == null ? "none"
                : "set") + ", organization=" + (organization == null ? "absent" : organization) + ", project="
                + (project == null ? "absent" : project) + ", timeout=" + options.timeout() + ", deadline="
                + options.deadline() + '}';
    }

    /** Builds an {@link OpenAiClient}; {@link #build()} validates every setting at once. */
    public static final class Builder extends ClientOptions.Base<Builder> {
        private String organization;
        private String project;
        private Duration streamSilenceLimit = DEFAULT_STREAM_SILENCE_LIMIT;

        private Builder() {
            super(DEFAULT_RETRY_POLICY);
            baseUrl(DEFAULT_BASE_URL);
            transport(TransportHolder.LONG_READS);
            timeout(DEFAULT_TIMEOUT);
            requireCredential();
        }

        /**
         * Sets the organization.
         *
         * @param organization {@code org-...}, sent as {@code OpenAI-Organization}; null (default) sends none
         * @return this builder
         */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /**
         * Sets the project.
         *
         * @param project {@code proj_...}, sent as {@code OpenAI-Project}; null (default) sends none
         * @return this builder
         */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /**
         * Sets the longest wait for the next byte of a stream (apart from the deadline, which bounds only the wait
         * for the stream's headers).
         *
         * @param limit positive; default 2 minutes
         * @return this builder
         */
        public Builder streamSilenceLimit(Duration limit) {
            this.streamSilenceLimit = limit;
            return this;
        }

        /**
         * Validates and builds the client.
         *
         * @return the client
         * @throws ValidationException naming every invalid setting
         */
        public OpenAiClient build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (organization != null && !organization.isBlank() && !organization.strip().matches("[A-Za-z0-9_.:-]+")) {
                errors.put("organization", List.of("must be an id such as org-abc123"));
            }
            if (project != null && !project.isBlank() && !project.strip().matches("[A-Za-z0-9_.:-]+")) {
                errors.put("project", List.of("must be an id such as proj_abc123"));
            }
            if (streamSilenceLimit == null || streamSilenceLimit.isZero() || streamSilenceLimit.isNegative()) {
                errors.put("streamSilenceLimit", List.of("must be positive, was " + streamSilenceLimit));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("openai client settings", errors);
            }
            return new OpenAiClient(buildOptions(), this);
        }
    }
}
