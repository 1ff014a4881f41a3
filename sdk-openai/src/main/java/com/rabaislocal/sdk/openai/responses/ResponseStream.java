package com.rabaislocal.sdk.openai.responses;

import com.rabaislocal.sdk.core.sse.SseStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An open Responses stream: typed events one by one, the text gathered as it comes, and the final response from
 * the terminal event. An {@code error} or {@code response.failed} event throws
 * {@link com.rabaislocal.sdk.openai.error.OpenAiStreamException}. Close it (try-with-resources). Not thread-safe,
 * except {@link #close()}.
 */
public final class ResponseStream implements Iterator<ResponseStreamEvent>, AutoCloseable {

    private final SseStream<ResponseStreamEvent> events;
    private final StringBuilder text = new StringBuilder();
    private Response last;

    ResponseStream(SseStream<ResponseStreamEvent> events) {
        this.events = events;
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public ResponseStreamEvent next() {
        ResponseStreamEvent e = events.next();
        if (e.isTextDelta() && e.delta() != null) {
            text.append(e.delta());
        }
        if (e.response() != null) {
            last = e.response();
        }
        return e;
    }

    /** @return the events as a {@link Stream}; closing it closes this stream */
    public Stream<ResponseStreamEvent> stream() {
        return events.stream().peek(e -> {
            if (e.isTextDelta() && e.delta() != null) {
                text.append(e.delta());
            }
            if (e.response() != null) {
                last = e.response();
            }
        });
    }

    /** @return the text of the deltas handed out so far */
    public String textSoFar() {
        return text.toString();
    }

    /**
     * Reads to the end and returns the final response; closes the stream.
     *
     * @return the response of the terminal event, or empty when the stream ended without one
     */
    public Optional<Response> finish() {
        try (this) {
            while (hasNext()) {
                next();
            }
            return Optional.ofNullable(last);
        }
    }

    /** @return the stream's request id, when sent */
    public Optional<String> requestId() {
        return events.requestId();
    }

    /** Cancels the call. Idempotent. */
    @Override
    public void close() {
        events.close();
    }
}
