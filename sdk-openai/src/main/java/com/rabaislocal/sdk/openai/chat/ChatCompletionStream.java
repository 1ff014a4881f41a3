package com.rabaislocal.sdk.openai.chat;

import com.rabaislocal.sdk.core.sse.SseStream;
import com.rabaislocal.sdk.openai.ResponseMeta;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open Chat Completions stream: the chunks one by one ({@link #hasNext()}, {@link #next()}, {@link #stream()}),
 * each also fed to an accumulator, so {@link #completion()} gives the whole answer once the stream has ended (or
 * {@link #accumulate()} reads it to the end first). Closing cancels the call; use try-with-resources.
 *
 * <p>An error event after the 200 throws {@link com.rabaislocal.sdk.openai.error.OpenAiStreamException}; a stream
 * silent past its silence limit a {@link com.rabaislocal.sdk.core.error.RequestTimeoutException}. Nothing is
 * retried once a chunk has been handed out. Not thread-safe, except {@link #close()}.
 */
public final class ChatCompletionStream implements Iterator<ChatCompletionChunk>, AutoCloseable {

    private final SseStream<ChatCompletionChunk> events;
    private final ResponseMeta meta;
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

    ChatCompletionStream(SseStream<ChatCompletionChunk> events, ResponseMeta meta) {
        this.events = events;
        this.meta = meta;
    }

    /** @return the stream's request id and rate limits (from the answer's headers) */
    public ResponseMeta meta() {
        return meta;
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public ChatCompletionChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException("openai chat completion stream: no more chunks");
        }
        ChatCompletionChunk chunk = events.next();
        accumulator.add(chunk);
        return chunk;
    }

    /** @return the chunks as a {@link Stream}; closing it closes this stream */
    public Stream<ChatCompletionChunk> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /**
     * Reads the rest of the stream and returns the whole completion; closes the stream.
     *
     * @return the completion
     */
    public ChatCompletion accumulate() {
        try (this) {
            while (hasNext()) {
                next();
            }
            return completion();
        }
    }

    /** @return the completion built from the chunks handed out so far */
    public ChatCompletion completion() {
        return accumulator.completion(meta);
    }

    /** @return the accumulator fed with every chunk handed out */
    public ChatCompletionAccumulator accumulator() {
        return accumulator;
    }

    /** Cancels the call and releases the connection. Idempotent. */
    @Override
    public void close() {
        events.close();
    }
}
