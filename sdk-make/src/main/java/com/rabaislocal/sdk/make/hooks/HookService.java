package com.rabaislocal.sdk.make.hooks;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.UserAgent;
import com.rabaislocal.sdk.core.internal.Retrier;
import com.rabaislocal.sdk.core.internal.RetryAfter;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.make.internal.Ids;
import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's custom webhooks: list and read them through the API (scope {@code hooks:read}), and trigger one at its
 * address. A cheap view over the client.
 *
 * <p>A trigger goes to the hook's own host, not the API: it carries no API token, only the optional
 * {@code x-make-apikey}. The address is a secret, so a trigger is sent outside the API client, whose logs and
 * messages show paths: here logs and exceptions name only the host ({@code POST hook.eu1.make.com/[redacted]}).
 * Replies: 200 {@code Accepted} (queued, not processed) is a {@link HookResult}; 400 "Queue is full" a
 * {@link HookQueueFullException} and 429 a {@code RateLimitException}, both retried with backoff since the request
 * was not taken; 410 a {@link HookGoneException}, never retried; an I/O failure is never retried (the hook may have
 * taken the request).
 */
public final class HookService {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.http");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** The header of a webhook's API key. */
    public static final String API_KEY_HEADER = "x-make-apikey";
    /** Make's limit on a webhook request body: 5 MB. */
    public static final int MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

    private final MakeHttp http;
    private final SdkHttpClient transport;
    private final Retrier retrier;
    private final Duration deadline;

    /**
     * Creates the view (the client's {@code hooks()} does).
     *
     * @param http the client's API calls
     * @param transport the connection pool
     * @param policy the client's retry policy; triggers keep its backoff, sleeper and clock, retry only 429 and
     *     "Queue is full", and never after an I/O failure
     * @param deadline the limit of a whole trigger, retries included
     */
    public HookService(MakeHttp http, SdkHttpClient transport, RetryPolicy policy, Duration deadline) {
        this.http = http;
        this.transport = transport;
        this.retrier = new Retrier(MakeHttp.SERVICE, policy.toBuilder().retryableStatuses(Set.of(429))
                .retryOnIoFailure(false).build(), HookService::exception);
        this.deadline = deadline;
    }

    /**
     * Lists the team's hooks ({@code GET /hooks?teamId=}).
     *
     * @return the hooks, lazily, by id
     */
    public AutoPager<Hook> list() {
        SdkRequest request = MakeHttp.request("GET", "hooks.list", "hooks")
                .query("teamId", Long.toString(http.teamId())).build();
        return http.pager(100, request, "hooks", Hook::from, Hook::id);
    }

    /**
     * Reads one hook ({@code GET /hooks/{id}}), its current address included.
     *
     * @param hookId the hook
     * @return the hook
     */
    public Hook get(long hookId) {
        Ids.positive("hookId", hookId);
        return Hook.from(http.send(MakeHttp.request("GET", "hooks.get", "hooks", hookId).build()).object("hook"));
    }

    /**
     * Triggers a webhook with a JSON body.
     *
     * @param url the hook's address
     * @param payload a map, record or JSON node; null sends {@code {}}
     * @return the hook's answer
     * @throws HookGoneException when the hook is gone (410)
     * @throws HookQueueFullException when its queue stayed full until the deadline
     */
    public HookResult trigger(HookUrl url, Object payload) {
        return trigger(url, payload, null);
    }

    /**
     * Triggers a webhook protected by an API key.
     *
     * @param url the hook's address
     * @param payload a map, record or JSON node; null sends {@code {}}
     * @param apiKey sent as {@code x-make-apikey}; null for none
     * @return the hook's answer
     * @throws HookGoneException when the hook is gone (410)
     * @throws HookQueueFullException when its queue stayed full until the deadline
     */
    public HookResult trigger(HookUrl url, Object payload, Secret apiKey) {
        Objects.requireNonNull(url, "url");
        byte[] body;
        try {
            body = payload == null ? "{}".getBytes(StandardCharsets.UTF_8)
                    : SdkJson.mapper().writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new ValidationException("payload", "cannot be written as JSON: " + e.getMessage());
        }
        if (body.length > MAX_PAYLOAD_BYTES) {
            throw new ValidationException("payload", "is " + body.length + " bytes; Make takes at most "
                    + MAX_PAYLOAD_BYTES);
        }
        String what = "POST " + url.host() + "/[redacted]";
        Answer answer = retrier.execute(() -> what, true, deadline, (attempt, timeLeft) -> attempt(url, body, apiKey,
                what, attempt, timeLeft), a -> a.error, a -> { });
        if (answer.error != null) {
            throw exception(answer.error);
        }
        return answer.result;
    }

    private Answer attempt(HookUrl url, byte[] body, Secret apiKey, String what, int attempt, Duration timeLeft)
            throws IOException {
        Request.Builder rb = new Request.Builder().url(url.reveal()).header("User-Agent", UserAgent.value())
                .post(RequestBody.create(body, JSON));
        if (apiKey != null) {
            rb.header(API_KEY_HEADER, apiKey.reveal());
        }
        Call call = transport.okHttp().newCall(rb.build());
        // The whole exchange, the answer's body included, ends by the call's deadline.
        call.timeout().timeout(Math.max(1, timeLeft.toMillis()), TimeUnit.MILLISECONDS);
        try (Response r = call.execute()) {
            String text = r.body() == null ? "" : r.body().string();
            LOG.debug("<-- {} {} (attempt {})", r.code(), what, attempt);
            if (r.isSuccessful()) {
                String type = r.header("Content-Type");
                return new Answer(new HookResult(r.code(), text, type == null ? "" : type), null);
            }
            return new Answer(null, error(r, text));
        }
    }

    private ApiError error(Response r, String text) {
        int status = r.code();
        String lower = text.toLowerCase(Locale.ROOT);
        ApiError.Builder e = ApiError.builder().service(MakeHttp.SERVICE).httpStatus(status).method("POST")
                .path("/[redacted]").rawBody(text).retryable(retrier.policy().isRetryableStatus(status))
                .retryAfter(RetryAfter.parse(r.header("Retry-After-Ms"), r.header("Retry-After"),
                        retrier.policy().clock().instant()).orElse(null));
        for (String name : r.headers().names()) {
            if (!name.equalsIgnoreCase("set-cookie")) {
                e.header(name, r.headers(name));
            }
        }
        String message = text.strip();
        e.message((message.isEmpty() ? "HTTP " + status : message.length() > 200 ? message.substring(0, 200)
                : message) + " (webhook at " + r.request().url().host() + ")");
        if (status == 400 && lower.contains("queue is full")) {
            e.kind(ErrorKind.RATE_LIMIT).retryable(true).code("QUEUE_FULL")
                    .hint("the hook's queue is full until its scenario catches up");
        } else if (status == 410) {
            e.kind(ErrorKind.NOT_FOUND).code("GONE")
                    .hint("the hook was deleted or retired; read its current address with hooks().get(id)");
        }
        return e.build();
    }

    private static ApiException exception(ApiError error) {
        if (error.httpStatus() == 410) {
            return new HookGoneException(error);
        }
        if ("QUEUE_FULL".equals(error.code().orElse(null))) {
            return new HookQueueFullException(error);
        }
        return ApiException.of(error);
    }

    /** One trigger attempt's outcome. */
    private static final class Answer {
        final HookResult result;
        final ApiError error;

        Answer(HookResult result, ApiError error) {
            this.result = result;
            this.error = error;
        }
    }
}
