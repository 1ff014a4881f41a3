package com.rabaislocal.sdk.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.internal.DeadlineWatchdog;
import com.rabaislocal.sdk.core.internal.Retrier;
import com.rabaislocal.sdk.core.internal.RetryAfter;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.listener.RequestEvent;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.sse.SseDecoder;
import com.rabaislocal.sdk.core.sse.SseStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client of one service (Supabase, MailerSend, OpenAI, GoAffPro): a base URL, how to authenticate, how to
 * read the service's errors, and a retry policy, over the shared {@link SdkHttpClient}. Immutable and thread-safe;
 * derive variants with {@link #withOptions(Consumer)}, which share the connection pool.
 *
 * <p>Every non-2xx answer becomes the fitting {@link ApiException} subclass; a missing answer a
 * {@link com.rabaislocal.sdk.core.error.TransportException}. Requests and responses are logged at DEBUG on
 * {@code com.rabaislocal.sdk.http} with credential headers and credential-like query values redacted; bodies only
 * when the transport was built with {@code logBodies(true)}.
 */
public final class ServiceClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.http");
    private static final int MAX_LOGGED_BODY = 4096;
    private static final String ENCODED_REDACTED = HttpUrl.get("http://h/").newBuilder()
            .addQueryParameter("q", SensitiveHeaders.REDACTED).build().encodedQuery().substring(2);

    private final String service;
    private final HttpUrl baseUrl;
    private final SdkHttpClient transport;
    private final OkHttpClient okHttp;
    private final RequestAuthenticator authenticator;
    private final ErrorParser errorParser;
    private final Retrier retrier;
    private final Headers defaultHeaders;
    private final SensitiveHeaders sensitiveHeaders;
    private final List<String> requestIdHeaders;
    private final Retrier once;
    private final String idempotencyKeyHeader;
    private final String retryCountHeader;
    private final Duration timeout;
    private final Duration deadline;
    private final RequestListener[] listeners;
    private volatile boolean closed;

    private ServiceClient(Builder b) {
        this.service = b.service;
        this.baseUrl = b.baseUrl;
        this.transport = b.transport;
        this.okHttp = b.transport.okHttp();
        this.authenticator = b.authenticator;
        this.errorParser = b.errorParser;
        this.retrier = new Retrier(b.service, b.retryPolicy, b.errorParser::exception);
        // The same policy (clock, deadline, sleeper) with no retry, for requests sent with noRetry().
        this.once = new Retrier(b.service, b.retryPolicy.toBuilder().maxRetries(0).build(), b.errorParser::exception);
        this.defaultHeaders = b.defaultHeaders.build();
        this.sensitiveHeaders = b.sensitiveHeaders;
        this.requestIdHeaders = List.copyOf(b.requestIdHeaders);
        this.idempotencyKeyHeader = b.idempotencyKeyHeader;
        this.retryCountHeader = b.retryCountHeader;
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.listeners = b.listeners.toArray(new RequestListener[0]);
    }

    /** @return a builder; {@code service} and {@code baseUrl} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this client's settings */
    public Builder toBuilder() {
        Builder b = new Builder().service(service).baseUrl(baseUrl).transport(transport).authenticator(authenticator)
                .errorParser(errorParser).retryPolicy(retrier.policy()).idempotencyKeyHeader(idempotencyKeyHeader)
                .retryCountHeader(retryCountHeader).timeout(timeout).deadline(deadline);
        b.listeners.addAll(List.of(listeners));
        b.defaultHeaders.addAll(defaultHeaders);
        b.sensitiveHeaders = sensitiveHeaders;
        b.requestIdHeaders.clear();
        b.requestIdHeaders.addAll(requestIdHeaders);
        return b;
    }

    /**
     * Derives a client with changed settings that shares this one's connection pool.
     *
     * @param change edits a builder holding this client's settings
     * @return the derived client
     */
    public ServiceClient withOptions(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the service name, e.g. {@code "supabase"} */
    public String service() {
        return service;
    }

    /** @return the base URL requests are resolved against */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retrier.policy();
    }

    /** @return the headers whose values are never logged */
    public SensitiveHeaders sensitiveHeaders() {
        return sensitiveHeaders;
    }

    /**
     * Resolves a request's URL against the base URL.
     *
     * @param request the request
     * @return the absolute URL, query included
     */
    public HttpUrl url(SdkRequest request) {
        HttpUrl.Builder u = baseUrl.newBuilder();
        request.appendPath(u);
        for (Map.Entry<String, String> q : request.query()) {
            u.addQueryParameter(q.getKey(), q.getValue());
        }
        return u.build();
    }

    /**
     * Sends a request and reads the whole answer.
     *
     * @param request the request
     * @return the 2xx answer
     * @throws ApiException (a subclass per status) for any other status
     * @throws com.rabaislocal.sdk.core.error.TransportException when no answer came
     */
    public SdkResponse execute(SdkRequest request) {
        return send(request, true, "bytes", (r, call) -> {
            byte[] bytes = r.body().bytes();
            logBody("<--", request, bytes);
            return new SdkResponse(service, request.describe(), r.code(), r.headers(), bytes, requestId(r));
        });
    }

    /**
     * Sends a request and binds its JSON answer, reading the body as it arrives.
     *
     * @param request the request
     * @param type the target type (a class or record)
     * @param <T> the target type
     * @return the bound value, null when the body was empty
     * @throws ApiException (a subclass per status) for a non-2xx answer
     */
    public <T> T execute(SdkRequest request, Class<T> type) {
        return readJson(request, type, null);
    }

    /**
     * Sends a request and binds its JSON answer to a generic type.
     *
     * @param request the request
     * @param type the target type, e.g. {@code new TypeReference<List<Offer>>() {}}
     * @param <T> the target type
     * @return the bound value, null when the body was empty
     * @throws ApiException (a subclass per status) for a non-2xx answer
     */
    public <T> T execute(SdkRequest request, TypeReference<T> type) {
        return readJson(request, null, type);
    }

    /**
     * Sends a request and returns its answer unread, for large or incremental bodies. Retries apply until a 2xx
     * answer's headers arrive; reading is then bounded by the transport's read timeout (longest silence), not by
     * the call's deadline. A per-attempt timeout (the client's or the request's), when one is set, still bounds the
     * whole exchange, reading included: leave it unset for streams that may last longer. Close the result.
     *
     * @param request the request
     * @return the open 2xx answer
     * @throws ApiException (a subclass per status) for a non-2xx answer
     */
    public SdkStreamingResponse stream(SdkRequest request) {
        return send(request, false, "a stream", (r, call) -> new SdkStreamingResponse(r, requestId(r)));
    }

    /**
     * Reads a 2xx answer as it arrives. Gets the answer's status, headers and body stream; returns what it made of
     * them. Runs inside the attempt, so the reading is bounded by the call's deadline (and the per-attempt timeout),
     * an I/O failure while reading is a failed attempt (retried when the request is repeatable), and a timeout is a
     * {@link com.rabaislocal.sdk.core.error.RequestTimeoutException}.
     *
     * @param <T> what the reader makes of the answer
     */
    @FunctionalInterface
    public interface AnswerReader<T> {
        /**
         * Reads the answer.
         *
         * @param answer the open 2xx answer; closed by the client afterwards
         * @return the value
         * @throws IOException when reading fails; a {@link com.fasterxml.jackson.core.JsonProcessingException}
         *     becomes an {@link UnexpectedResponseException}
         */
        T read(SdkStreamingResponse answer) throws IOException;
    }

    /**
     * Sends a request and reads its whole answer with {@code reader}, within the call's deadline. For answers a
     * module reads itself (streamed JSON rows, trees checked for their shape).
     *
     * @param request the request
     * @param target what the answer is read as, for messages (e.g. {@code "rows of offers"})
     * @param reader reads the answer
     * @param <T> the result type
     * @return what the reader returned
     * @throws ApiException (a subclass, from the module's error parser) for a non-2xx answer
     * @throws UnexpectedResponseException when the 2xx body does not fit
     */
    public <T> T execute(SdkRequest request, String target, AnswerReader<T> reader) {
        return send(request, true, target, (r, call) -> reader.read(new SdkStreamingResponse(r, requestId(r))));
    }

    /**
     * Opens a server-sent event stream. Retries apply until a 2xx answer's headers arrive (bounded by the deadline
     * and the per-attempt timeout); from then on each wait for the next byte is bounded by {@code silenceLimit},
     * not by the deadline, and nothing is retried.
     *
     * @param request the request (usually a POST with {@code "stream": true})
     * @param decoder turns raw events into the module's typed events, throwing for error events
     * @param silenceLimit the longest wait for the next byte, positive
     * @param <T> the typed event
     * @return the open stream; close it (try-with-resources)
     * @throws ApiException (a subclass, from the module's error parser) for a non-2xx answer
     */
    public <T> SseStream<T> events(SdkRequest request, SseDecoder<T> decoder, Duration silenceLimit) {
        if (silenceLimit == null || silenceLimit.isZero() || silenceLimit.isNegative()) {
            throw new ValidationException("silenceLimit", "must be positive, was " + silenceLimit);
        }
        SdkRequest withAccept = request.headers().get("Accept") != null ? request
                : request.toBuilder().header("Accept", "text/event-stream").build();
        return send(withAccept, false, "a stream", (r, call) -> SseStream.open(service, withAccept.describe(), r,
                requestId(r), decoder, silenceLimit, call::cancel));
    }

    private <T> T readJson(SdkRequest request, Class<T> cls, TypeReference<T> ref) {
        return send(request, true, typeName(cls, ref), (r, call) -> {
            ResponseBody body = r.body();
            if (transport.logBodies() && LOG.isDebugEnabled()) {
                byte[] bytes = body.bytes();
                logBody("<--", request, bytes);
                return bytes.length == 0 ? null : bind(bytes, cls, ref);
            }
            if (body.contentLength() == 0) {
                return null;
            }
            try (InputStream in = body.byteStream()) {
                return cls != null ? SdkJson.mapper().readValue(in, cls) : SdkJson.mapper().readValue(in, ref);
            } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
                    return null;
                }
                throw e;
            }
        });
    }

    private static <T> T bind(byte[] bytes, Class<T> cls, TypeReference<T> ref) throws IOException {
        return cls != null ? SdkJson.mapper().readValue(bytes, cls) : SdkJson.mapper().readValue(bytes, ref);
    }

    private static String typeName(Class<?> cls, TypeReference<?> ref) {
        return cls != null ? cls.getTypeName() : ref.getType().getTypeName();
    }

    /**
     * The exception for a 2xx body that could not be read or bound, for modules that read answers themselves
     * (streams, trees): a JSON shape the SDK cannot use is a {@link RabaisSdkException}, a broken read a
     * {@link com.rabaislocal.sdk.core.error.TransportException}.
     *
     * @param service the service name
     * @param call the call, e.g. {@code GET /rest/v1/offers}
     * @param target what the body was being read as, e.g. a type name
     * @param e the failure
     * @return the exception to throw
     */
    public static RabaisSdkException unreadable(String service, String call, String target, IOException e) {
        return unreadable(service, call, 200, null, target, e);
    }

    /**
     * The exception for a 2xx body that could not be read or bound: a JSON shape the SDK cannot use is an
     * {@link UnexpectedResponseException}, a broken read a {@link com.rabaislocal.sdk.core.error.TransportException}
     * (a timeout a {@link com.rabaislocal.sdk.core.error.RequestTimeoutException}).
     *
     * @param service the service name
     * @param call the call, e.g. {@code GET /rest/v1/offers}
     * @param status the answer's status
     * @param requestId the service's request id, or null
     * @param target what the body was being read as
     * @param e the failure
     * @return the exception to throw
     */
    public static RabaisSdkException unreadable(String service, String call, int status, String requestId,
                                                String target, IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new UnexpectedResponseException(service, call, status, requestId, "it could not be read as "
                    + target + ": " + ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage(),
                    null, e);
        }
        if (e instanceof java.io.InterruptedIOException) {
            return new com.rabaislocal.sdk.core.error.RequestTimeoutException(service, service + " " + call
                    + ": reading the answer timed out: " + e.getMessage(), e);
        }
        return new com.rabaislocal.sdk.core.error.TransportException(service, service + " " + call
                + ": reading the answer failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /**
     * Reads a 2xx response. Runs inside the attempt, so a failure while reading the body (a reset, a timeout) is a
     * failed attempt, retried under the same rules as one that got no answer.
     */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(Response response, Call call) throws IOException;
    }

    /**
     * Runs the attempts and returns what {@code reader} made of the 2xx answer, or throws.
     *
     * @param whole true when the reader consumes the body: the response is closed after it and its reading is
     *     bounded by the deadline; false when the reader hands the open response to the caller
     * @param target what the reader makes of the body, for the message when it cannot
     */
    private <T> T send(SdkRequest request, boolean whole, String target, BodyReader<T> reader) {
        if (closed) {
            throw new RabaisSdkException(service + " client is closed: build a new one, or close it only when done");
        }
        HttpUrl url = url(request);
        Duration callDeadline = request.deadline().orElse(deadline);
        if (listeners.length == 0) {
            Answer<T> last = retrierFor(request).execute(request::describe,
                    request.repeatable(idempotencyKeyHeader != null),
                    callDeadline, (attempt, timeLeft) -> attempt(request, url, attempt, whole ? timeLeft : null, whole,
                            target, reader), a -> a.error, ServiceClient::discard);
            if (last.error != null) {
                throw errorParser.exception(last.error);
            }
            return last.value;
        }
        return sendObserved(request, url, callDeadline, whole, target, reader);
    }

    private Retrier retrierFor(SdkRequest request) {
        return request.noRetry() ? once : retrier;
    }

    /** The same as {@link #send} with every listener told of the call; kept apart so the common path stays lean. */
    private <T> T sendObserved(SdkRequest request, HttpUrl url, Duration callDeadline, boolean whole, String target,
                               BodyReader<T> reader) {
        long start = System.nanoTime();
        String op = request.operation();
        String path = url.encodedPath();
        int[] lastAttempt = {1};
        int[] lastStatus = {0};
        String[] lastRequestId = {null};
        notify(l -> l.onStart(new RequestEvent(service, op, request.method(), path, 1, 0, Duration.ZERO,
                Optional.empty(), Optional.empty(), Duration.ZERO)));
        try {
            Answer<T> last = retrierFor(request).execute(request::describe,
                    request.repeatable(idempotencyKeyHeader != null), callDeadline, (attempt, timeLeft) -> {
                        lastAttempt[0] = attempt;
                        lastStatus[0] = 0;
                        Answer<T> a = attempt(request, url, attempt, whole ? timeLeft : null, whole, target, reader);
                        lastStatus[0] = a.status;
                        lastRequestId[0] = a.error != null ? a.error.requestId().orElse(null) : a.requestId;
                        return a;
                    }, a -> a.error, ServiceClient::discard,
                    (attempt, status, failure, delay) -> notify(l -> l.onRetry(new RequestEvent(service, op,
                            request.method(), path, attempt, status, Duration.ofNanos(System.nanoTime() - start),
                            Optional.ofNullable(lastRequestId[0]), Optional.of(family(failure)), delay))));
            if (last.error != null) {
                throw errorParser.exception(last.error);
            }
            RequestEvent done = new RequestEvent(service, op, request.method(), path, lastAttempt[0], last.status,
                    Duration.ofNanos(System.nanoTime() - start), Optional.ofNullable(last.requestId),
                    Optional.empty(), Duration.ZERO);
            notify(l -> l.onSuccess(done));
            return last.value;
        } catch (RuntimeException e) {
            int status = e instanceof ApiException ? ((ApiException) e).httpStatus()
                    : e instanceof UnexpectedResponseException ? ((UnexpectedResponseException) e).httpStatus()
                    : lastStatus[0];
            RequestEvent failed = new RequestEvent(service, op, request.method(), path, lastAttempt[0], status,
                    Duration.ofNanos(System.nanoTime() - start), Optional.ofNullable(lastRequestId[0]),
                    Optional.of(family(e)), Duration.ZERO);
            notify(l -> l.onFailure(failed, e));
            throw e;
        }
    }

    private static String family(Throwable t) {
        return t.getClass().getSimpleName();
    }

    private void notify(Consumer<RequestListener> call) {
        for (RequestListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                // A listener must never change the outcome of a call.
                LOG.warn("{} request listener {} failed: {}", service, l.getClass().getName(), e.toString());
            }
        }
    }

    private static void discard(Answer<?> answer) {
        // Error answers are read and closed in attempt(); nothing is left open.
    }

    /** One attempt's outcome: what was read from a 2xx response, or the error read from any other response. */
    private static final class Answer<T> {
        final T value;
        final ApiError error;
        final int status;
        final String requestId;

        Answer(T value, ApiError error, int status, String requestId) {
            this.value = value;
            this.error = error;
            this.status = status;
            this.requestId = requestId;
        }
    }

    private <T> Answer<T> attempt(SdkRequest request, HttpUrl url, int attempt, Duration timeLeft, boolean whole,
                                  String target, BodyReader<T> reader) throws IOException {
        Request.Builder rb = new Request.Builder().url(url);
        if (defaultHeaders.size() > 0) {
            // Copying an empty header set still allocates; most clients have none.
            rb.headers(defaultHeaders);
        }
        rb.header("User-Agent", UserAgent.value());
        Headers own = request.headers();
        for (int i = 0; i < own.size(); i++) {
            rb.header(own.name(i), own.value(i));
        }
        if (idempotencyKeyHeader != null && request.idempotencyKey().isPresent()) {
            rb.header(idempotencyKeyHeader, request.idempotencyKey().get());
        }
        if (retryCountHeader != null && attempt > 1) {
            rb.header(retryCountHeader, Integer.toString(attempt - 1));
        }
        byte[] body = request.bodyBytes();
        RequestBody rbody = body != null ? RequestBody.create(body, request.contentType().orElse(null))
                : requiresBody(request.method()) ? RequestBody.create(new byte[0], null) : null;
        rb.method(request.method(), rbody);
        authenticator.authenticate(request, new AuthHeaders() {
            @Override
            public void set(String name, String value) {
                rb.header(name, value);
            }

            @Override
            public void remove(String name) {
                rb.removeHeader(name);
            }
        });
        Request okRequest = rb.build();

        Call call = okHttp.newCall(okRequest);
        Duration limit = request.timeout().orElse(timeout);
        if (timeLeft != null && (limit == null || timeLeft.compareTo(limit) < 0)) {
            limit = timeLeft;
        }
        if (limit != null && !whole) {
            // A stream's reading goes on after this method returns: only OkHttp's own call timeout can follow it.
            call.timeout().timeout(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        }
        if (limit != null && whole) {
            try (DeadlineWatchdog.Guard guard = DeadlineWatchdog.shared().register(Math.max(1, limit.toMillis()),
                    call::cancel)) {
                return exchange(request, url, attempt, whole, target, reader, body, okRequest, call, guard);
            }
        }
        return exchange(request, url, attempt, whole, target, reader, body, okRequest, call, null);
    }

    /** Sends the attempt and reads its answer; {@code guard}, when set, is the deadline watching the exchange. */
    private <T> Answer<T> exchange(SdkRequest request, HttpUrl url, int attempt, boolean whole, String target,
                                   BodyReader<T> reader, byte[] body, Request okRequest, Call call,
                                   DeadlineWatchdog.Guard guard) throws IOException {
        try {
            return exchange(request, url, attempt, whole, target, reader, body, okRequest, call);
        } catch (IOException e) {
            if (guard != null && guard.fired()) {
                // The watchdog cancelled the call at its deadline: report it as the timeout it is.
                java.io.InterruptedIOException timeout = new java.io.InterruptedIOException("timeout");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        }
    }

    private <T> Answer<T> exchange(SdkRequest request, HttpUrl url, int attempt, boolean whole, String target,
                                   BodyReader<T> reader, byte[] body, Request okRequest, Call call)
            throws IOException {
        boolean debug = LOG.isDebugEnabled();
        long start = debug ? System.nanoTime() : 0L;
        if (debug) {
            LOG.debug("--> {} {} (attempt {}) [{}]", request.method(), redact(url), attempt,
                    sensitiveHeaders.render(okRequest.headers()));
            logBody("-->", request, body);
        }
        Response response = call.execute();
        if (debug) {
            LOG.debug("<-- {} {} {} ({} ms{}) [{}]", response.code(), request.method(), url.encodedPath(),
                    (System.nanoTime() - start) / 1_000_000, requestIdSuffix(response),
                    sensitiveHeaders.render(response.headers()));
        }
        if (!response.isSuccessful()) {
            try (response) {
                ApiError error = errorOf(response, null);
                return new Answer<>(null, error, response.code(), error.requestId().orElse(null));
            }
        }
        int status = response.code();
        if (!whole) {
            return new Answer<>(reader.read(response, call), null, status, requestId(response));
        }
        try (response) {
            Response readable = response;
            if (errorParser.inspectsSuccess()) {
                // The service may answer an error with a 2xx status: look at the whole body before binding it.
                byte[] bytes = response.body().bytes();
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (errorParser.errorInSuccess(text)) {
                    ApiError error = errorOf(response, text);
                    return new Answer<>(null, error, status, error.requestId().orElse(null));
                }
                readable = response.newBuilder()
                        .body(ResponseBody.create(bytes, response.body().contentType())).build();
            }
            return new Answer<>(reader.read(readable, call), null, status, requestId(response));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The answer arrived whole but is not what the caller expects: repeating the call will not help.
            throw unreadable(service, request.describe(), status, requestId(response), target, e);
        }
    }

    private static boolean requiresBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    /** Reads an error answer (a non-2xx, or a 2xx whose body {@code known} the parser called an error). */
    private ApiError errorOf(Response r, String known) {
        String body = known;
        if (body == null) {
            try {
                body = r.body() == null ? "" : r.body().string();
            } catch (IOException e) {
                body = "";
            }
        }
        Request req = r.request();
        ApiError.Builder e = ApiError.builder().service(service).httpStatus(r.code()).method(req.method())
                .path(req.url().encodedPath()).requestId(requestId(r)).rawBody(body)
                .retryable(retrier.policy().isRetryableStatus(r.code()))
                .retryAfter(RetryAfter.parse(r.header("Retry-After-Ms"), r.header("Retry-After"),
                        retrier.policy().clock().instant()).orElse(null));
        Headers h = r.headers();
        for (String name : h.names()) {
            if (!sensitiveHeaders.contains(name)) {
                e.header(name, h.values(name));
            }
        }
        try {
            errorParser.parse(body, e);
        } catch (RuntimeException parserFailure) {
            // A parser bug must not hide the service's answer: the raw body is still in the error.
            LOG.debug("{} error parser failed on HTTP {}", service, r.code(), parserFailure);
        }
        ApiError error = e.build();
        if (LOG.isDebugEnabled() && transport.logBodies()) {
            LOG.debug("<-- error body ({} {}): {}", req.method(), req.url().encodedPath(), truncate(body));
        }
        return error;
    }

    private String requestId(Response r) {
        for (String h : requestIdHeaders) {
            String v = r.header(h);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private String requestIdSuffix(Response r) {
        String id = requestId(r);
        return id == null ? "" : ", request id " + id;
    }

    private void logBody(String direction, SdkRequest request, byte[] body) {
        if (body != null && body.length > 0 && transport.logBodies() && LOG.isDebugEnabled()) {
            LOG.debug("{} body ({}): {}", direction, request.describe(),
                    truncate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private static String truncate(String s) {
        return s.length() > MAX_LOGGED_BODY ? s.substring(0, MAX_LOGGED_BODY) + "...(" + s.length() + " chars)" : s;
    }

    /** The URL for a log line: credential-like query values replaced. */
    private static String redact(HttpUrl url) {
        if (url.querySize() == 0) {
            return url.toString();
        }
        HttpUrl.Builder b = url.newBuilder();
        boolean redacted = false;
        for (String name : url.queryParameterNames()) {
            if (SensitiveHeaders.isSensitiveQueryParameter(name)) {
                b.setQueryParameter(name, SensitiveHeaders.REDACTED);
                redacted = true;
            }
        }
        // HttpUrl percent-encodes the marker; show it as the same marker the header lines use.
        return redacted ? b.build().toString().replace(ENCODED_REDACTED, SensitiveHeaders.REDACTED)
                : url.toString();
    }

    /**
     * Marks the client closed: later calls throw {@link RabaisSdkException}. The transport and its pool stay open
     * for other clients. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "ServiceClient{service=" + service + ", baseUrl=" + baseUrl + ", retry=" + retrier.policy() + '}';
    }

    /**
     * Builds a {@link ServiceClient}; {@link #build()} validates it.
     */
    public static final class Builder {
        private String service;
        private HttpUrl baseUrl;
        private String baseUrlText;
        private SdkHttpClient transport = SdkHttpClient.shared();
        private RequestAuthenticator authenticator = RequestAuthenticator.NONE;
        private ErrorParser errorParser = ErrorParser.generic();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final Headers.Builder defaultHeaders = new Headers.Builder();
        private SensitiveHeaders sensitiveHeaders = SensitiveHeaders.defaults();
        private final List<String> requestIdHeaders = new ArrayList<>(List.of("x-request-id", "request-id",
                "sb-request-id", "cf-ray"));
        private String idempotencyKeyHeader;
        private String retryCountHeader;
        private Duration timeout;
        private Duration deadline;
        private final List<RequestListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Takes the shared settings of a module's client: base URL, transport, retry policy, timeout, deadline,
         * default headers, sensitive headers and listeners. The credential is the module's to turn into an
         * {@link #authenticator(RequestAuthenticator) authenticator}, since each service sends it its own way.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            baseUrl(options.baseUrl() + "/");
            transport(options.transport());
            retryPolicy(options.retryPolicy());
            timeout(options.timeout());
            deadline(options.deadline());
            options.defaultHeaders().forEach(this::defaultHeader);
            options.sensitiveHeaders().forEach(this::sensitiveHeader);
            listeners.clear();
            listeners.addAll(options.listeners());
            return this;
        }

        /**
         * Sets the default deadline of a call (a request's own deadline wins).
         *
         * @param deadline positive; null (default) takes the retry policy's
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Adds a listener told of every call.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(RequestListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Sets the service name used in log lines, exception messages, metrics and audit events.
         *
         * @param service the service name for logs and errors, e.g. {@code "supabase"}
         * @return this builder
         */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /**
         * Sets the URL that every request path is resolved against; a path is appended to it, so keep
         * a trailing {@code /} when the base has a path. Required.
         *
         * @param baseUrl the base URL, http or https
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrlText = baseUrl;
            this.baseUrl = baseUrl == null ? null : HttpUrl.parse(baseUrl);
            return this;
        }

        /**
         * Sets the URL that every request path is resolved against, already parsed. Required.
         *
         * @param baseUrl the base URL
         * @return this builder
         */
        public Builder baseUrl(HttpUrl baseUrl) {
            this.baseUrlText = String.valueOf(baseUrl);
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets the HTTP transport (connection pool, timeouts, interceptors). Sharing one transport between
         * clients shares its connection pool; the client never closes a transport it was given.
         *
         * @param transport the shared transport; default {@link SdkHttpClient#shared()}
         * @return this builder
         */
        public Builder transport(SdkHttpClient transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Sets what adds the credentials to each attempt; the header names it declares are masked in logs
         * and messages. Default: no credentials.
         *
         * @param authenticator adds credentials to each attempt
         * @return this builder
         */
        public Builder authenticator(RequestAuthenticator authenticator) {
            this.authenticator = authenticator;
            if (authenticator != null) {
                for (String name : authenticator.headerNames()) {
                    sensitiveHeaders = sensitiveHeaders.with(name);
                }
            }
            return this;
        }

        /**
         * Sets how the service's error bodies are read into typed exceptions. Default: {@link
         * ErrorParser#generic()}, which reads the common JSON shapes ({@code message}, {@code code}, {@code errors}).
         *
         * @param errorParser reads the service's error bodies
         * @return this builder
         */
        public Builder errorParser(ErrorParser errorParser) {
            this.errorParser = errorParser;
            return this;
        }

        /**
         * Sets the retry policy: how many attempts, the waits between them and the whole call's deadline.
         *
         * @param retryPolicy the retry policy; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Adds a header sent on every request (a request's own header of the same name wins).
         *
         * @param name header name
         * @param value header value
         * @return this builder
         */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.set(name, value);
            return this;
        }

        /**
         * Registers a header whose value must never be logged, on top of the defaults.
         *
         * @param name header name, any case
         * @return this builder
         */
        public Builder sensitiveHeader(String name) {
            sensitiveHeaders = sensitiveHeaders.with(name);
            return this;
        }

        /**
         * Sets the response headers that carry the service's request id, in order of preference.
         *
         * @param names header names; default {@code x-request-id, request-id, sb-request-id, cf-ray}
         * @return this builder
         */
        public Builder requestIdHeaders(String... names) {
            requestIdHeaders.clear();
            requestIdHeaders.addAll(List.of(names));
            return this;
        }

        /**
         * Names the header carrying a request's idempotency key, for services that honour one (null: none).
         *
         * @param name e.g. {@code Idempotency-Key}
         * @return this builder
         */
        public Builder idempotencyKeyHeader(String name) {
            this.idempotencyKeyHeader = name;
            return this;
        }

        /**
         * Names a header that tells the service how many retries preceded this attempt (null: not sent).
         *
         * @param name e.g. {@code X-Retry-Count}
         * @return this builder
         */
        public Builder retryCountHeader(String name) {
            this.retryCountHeader = name;
            return this;
        }

        /**
         * Sets the limit of each attempt of this call, on top of the transport's timeouts.
         *
         * @param timeout limit of each attempt, positive; null: only the deadline applies
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Validates and builds the client.
         *
         * @return the client
         * @throws ValidationException naming every invalid setting
         */
        public ServiceClient build() {
            Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
            if (service == null || service.isBlank()) {
                errors.put("service", List.of("is required"));
            }
            if (baseUrl == null) {
                errors.put("baseUrl", List.of(baseUrlText == null ? "is required"
                        : "is not an http(s) URL: " + baseUrlText));
            }
            if (transport == null || authenticator == null || errorParser == null || retryPolicy == null) {
                errors.put("transport/authenticator/errorParser/retryPolicy", List.of("must not be null"));
            }
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                errors.put("timeout", List.of("must be positive, was " + timeout));
            }
            if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
                errors.put("deadline", List.of("must be positive, was " + deadline));
            }
            if (listeners.contains(null)) {
                errors.put("listeners", List.of("must not contain null"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException((service == null ? "" : service + " ") + "client settings", errors);
            }
            return new ServiceClient(this);
        }
    }
}
