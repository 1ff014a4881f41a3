package com.rabaislocal.sdk.core.sse;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Response;
import okhttp3.sse.internal.ServerSentEventReader;
import okio.BufferedSource;

/**
 * A typed stream of server-sent events over one open answer: a closeable {@link Iterator}, or a {@link Stream} via
 * {@link #stream()}. Parsing is okhttp-sse's (comments, {@code event:}, {@code id:}, multi-line {@code data:});
 * events are read on the caller's thread, one at a time, as the caller asks for them.
 *
 * <ul>
 *   <li><b>Silence limit.</b> When no byte arrives for the stream's silence limit the stream fails with a
 *       {@link RequestTimeoutException}. It is separate from the call's deadline, which covers only the wait for the
 *       answer's headers: a long generation is fine as long as it keeps talking.</li>
 *   <li><b>Errors.</b> A broken connection is a {@link TransportException}; an error event is whatever typed
 *       exception the module's {@link SseDecoder} throws. Either way the stream is closed.</li>
 *   <li><b>No retry.</b> Nothing is retried once the stream is open: an event may already have been handed out.</li>
 *   <li><b>Always closed.</b> The answer is closed at the end, on an error, on the decoder's end event, and by
 *       {@link #close()} (idempotent, and the way to cancel: it releases the connection).</li>
 * </ul>
 *
 * <p>Not thread-safe: one reader at a time ({@link #close()} may be called from another thread to cancel).
 *
 * @param <T> the typed event
 */
public final class SseStream<T> implements Iterator<T>, AutoCloseable {

    private final String service;
    private final String call;
    private final Response response;
    private final BufferedSource source;
    private final SseDecoder<T> decoder;
    private final Duration silenceLimit;
    private final ServerSentEventReader reader;
    private final String requestId;
    private final Runnable cancel;
    private ServerSentEvent pending;
    private T next;
    private boolean finished;
    private volatile boolean closed;
    private long eventsRead;

    SseStream(String service, String call, Response response, String requestId, SseDecoder<T> decoder,
              Duration silenceLimit, Runnable cancel) {
        this.cancel = cancel;
        this.service = service;
        this.call = call;
        this.response = response;
        this.requestId = requestId;
        this.decoder = decoder;
        this.silenceLimit = silenceLimit;
        this.source = response.body().source();
        this.reader = new ServerSentEventReader(source, new ServerSentEventReader.Callback() {
            @Override
            public void onEvent(String id, String type, String data) {
                pending = new ServerSentEvent(id, type, data);
            }

            @Override
            public void onRetryChange(long timeMs) {
                // A reconnect hint: this SDK never reconnects a stream by itself, so it is ignored.
            }
        });
    }

    /**
     * Opens a stream over an answer whose status was already checked (a module normally gets one from
     * {@code ServiceClient.events(...)}).
     *
     * @param service the service name for messages
     * @param call the call, e.g. {@code POST /v1/chat/completions}
     * @param response the open 2xx answer; the stream owns it from now on
     * @param requestId the service's request id, or null
     * @param decoder turns raw events into typed ones
     * @param silenceLimit the longest wait for the next byte; positive
     * @param cancel cancels the underlying call, so a read blocked on the socket returns at once when the stream is
     *     closed from another thread
     * @param <T> the typed event
     * @return the stream
     */
    public static <T> SseStream<T> open(String service, String call, Response response, String requestId,
                                        SseDecoder<T> decoder, Duration silenceLimit, Runnable cancel) {
        return new SseStream<>(service, call, response, requestId, decoder, silenceLimit, cancel);
    }

    /**
     * Returns one header of the stream's answer (rate-limit values, for instance), read when the stream opened.
     *
     * @param name header name, any case
     * @return its last value, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(response.header(name));
    }

    /** @return the service's request id for this stream, when it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return how many raw events were read so far (skipped ones included) */
    public long eventsRead() {
        return eventsRead;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            ServerSentEvent raw = readRaw();
            if (raw == null) {
                finish();
                break;
            }
            if (decoder.isEnd(raw)) {
                finish();
                break;
            }
            T decoded;
            try {
                decoded = decoder.decode(raw);
            } catch (RuntimeException e) {
                finish();
                throw e;
            }
            next = decoded;
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(service + " " + call + ": the stream has ended");
        }
        T t = next;
        next = null;
        return t;
    }

    private ServerSentEvent readRaw() {
        if (closed) {
            throw new RabaisSdkException(service + " " + call + ": the stream was closed");
        }
        pending = null;
        try {
            while (pending == null) {
                // Each wait for bytes is bounded by the silence limit, however long the stream lasts.
                source.timeout().timeout(silenceLimit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                if (!reader.processNextEvent()) {
                    return null;
                }
            }
            eventsRead++;
            return pending;
        } catch (InterruptedIOException e) {
            finish();
            if (closed) {
                throw new RabaisSdkException(service + " " + call + ": the stream was closed", e);
            }
            throw new RequestTimeoutException(service, service + " " + call + ": no event for "
                    + silenceLimit.toMillis() + " ms (the stream's silence limit), after " + eventsRead
                    + " events" + suffix(), e);
        } catch (IOException e) {
            finish();
            if (closed) {
                throw new RabaisSdkException(service + " " + call + ": the stream was closed", e);
            }
            throw new TransportException(service, service + " " + call + ": the stream broke after " + eventsRead
                    + " events" + suffix() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // okio reports a read on a source closed by another thread this way.
            finish();
            throw new RabaisSdkException(service + " " + call + ": the stream was closed", e);
        }
    }

    private String suffix() {
        return requestId == null ? "" : " (request id " + requestId + ")";
    }

    private void finish() {
        finished = true;
        response.close();
    }

    /**
     * Reads the whole stream as a {@link Stream}; closing it closes this stream.
     *
     * @return a sequential stream of the typed events
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Cancels the call and closes the answer; a read in progress on another thread fails at once. Idempotent. */
    @Override
    public void close() {
        closed = true;
        finished = true;
        cancel.run();
        response.close();
    }
}
