package com.rabaislocal.sdk.monitoring.alerts;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts alerts to a Slack incoming webhook ({@code {"text": ...}}), for critical alerts as the seed asks. The
 * webhook URL is a credential (whoever has it can post to the channel): it is held as a {@link Secret} and never
 * appears in a log line or an exception; this channel sends through the SDK's shared transport without its
 * request logging for that reason.
 */
public final class SlackAlertChannel implements AlertChannel {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Secret webhookUrl;
    private final SdkHttpClient transport;
    private final Duration timeout;
    private final boolean criticalOnly;

    private SlackAlertChannel(Secret webhookUrl, SdkHttpClient transport, Duration timeout, boolean criticalOnly) {
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.criticalOnly = criticalOnly;
        if (okhttp3.HttpUrl.parse(webhookUrl.reveal()) == null) {
            throw new com.rabaislocal.sdk.core.error.ValidationException("slack webhook URL",
                    "is not an http(s) URL (value not shown)");
        }
    }

    /**
     * The seed's Slack channel: critical alerts only, 5 s per post, on the shared transport.
     *
     * @param webhookUrl the incoming webhook URL, e.g. {@code https://hooks.slack.com/services/...}
     * @return the channel
     */
    public static SlackAlertChannel criticalOnly(Secret webhookUrl) {
        return new SlackAlertChannel(webhookUrl, SdkHttpClient.shared(), Duration.ofSeconds(5), true);
    }

    /**
     * A channel with every setting.
     *
     * @param webhookUrl the incoming webhook URL
     * @param transport the transport
     * @param timeout the limit of one post
     * @param criticalOnly true to take critical alerts only
     * @return the channel
     */
    public static SlackAlertChannel of(Secret webhookUrl, SdkHttpClient transport, Duration timeout,
                                       boolean criticalOnly) {
        return new SlackAlertChannel(webhookUrl, transport, timeout, criticalOnly);
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean accepts(Severity severity) {
        return !criticalOnly || severity == Severity.CRITICAL;
    }

    @Override
    public void send(Alert alert) {
        String emoji = alert.kind() == Alert.Kind.RESOLVED ? ":white_check_mark:"
                : alert.severity() == Severity.CRITICAL ? ":rotating_light:" : ":warning:";
        String text = emoji + " *" + alert.kind() + "* `" + alert.rule() + "` (" + alert.severity() + ")\n"
                + alert.message() + "\nsince " + alert.startedAt();
        byte[] body;
        try {
            body = SdkJson.mapper().writeValueAsBytes(Map.of("text", text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RabaisSdkException("slack alert could not be written as JSON", e);
        }
        Request request = new Request.Builder().url(webhookUrl.reveal()).post(RequestBody.create(body, JSON))
                .header("User-Agent", com.rabaislocal.sdk.core.http.UserAgent.value()).build();
        Call call = transport.okHttp().newCall(request);
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response r = call.execute()) {
            if (!r.isSuccessful()) {
                String answer = r.body() == null ? "" : r.body().string();
                throw new RabaisSdkException("slack refused the alert " + alert.rule() + ": HTTP " + r.code() + " "
                        + (answer.length() > 100 ? answer.substring(0, 100) : answer));
            }
        } catch (IOException e) {
            throw new RabaisSdkException("slack alert " + alert.rule() + " was not sent: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "SlackAlertChannel{url=" + webhookUrl + ", criticalOnly=" + criticalOnly + '}';
    }
}
