package com.rabaislocal.sdk.core.sse;

/**
 * Turns raw events into a module's typed events. Thread-confined to the stream that uses it.
 *
 * @param <T> the typed event
 */
@FunctionalInterface
public interface SseDecoder<T> {

    /**
     * Decodes one event.
     *
     * @param event the raw event
     * @return the typed event, or null to skip it (a keep-alive, an unknown type the module ignores)
     * @throws com.rabaislocal.sdk.core.error.RabaisSdkException (a typed one) when the event reports an error: the
     *     stream is closed and the exception reaches the caller
     */
    T decode(ServerSentEvent event);

    /**
     * Tells whether an event ends the stream (nothing after it is read). The default ends on a {@code [DONE]} data
     * line, as OpenAI's Chat Completions send.
     *
     * @param event the raw event
     * @return true when the stream is over; the event itself is not decoded
     */
    default boolean isEnd(ServerSentEvent event) {
        return "[DONE]".equals(event.data());
    }

    /**
     * A decoder that hands out the raw events and ends on {@code [DONE]}.
     *
     * @return the decoder
     */
    static SseDecoder<ServerSentEvent> raw() {
        return e -> e;
    }
}
