package com.rabaislocal.sdk.core.sse;

import java.util.Objects;
import java.util.Optional;

/**
 * One server-sent event as parsed by okhttp-sse: the optional {@code id:} and {@code event:} fields and the
 * {@code data:} lines joined with {@code \n}. Comments and blocks without data never become events.
 *
 * @param id the {@code id:} field, or null
 * @param type the {@code event:} field, or null (most Chat Completions streams send none)
 * @param data the data, never null
 */
public record ServerSentEvent(String id, String type, String data) {

    /**
     * Checks the data.
     *
     * @param id the {@code id:} field, or null
     * @param type the {@code event:} field, or null (most Chat Completions streams send none)
     * @param data the data, never null
     * @throws NullPointerException when {@code data} is null
     */
    public ServerSentEvent {
        Objects.requireNonNull(data, "data");
    }

    /** @return the {@code event:} field, when present */
    public Optional<String> eventType() {
        return Optional.ofNullable(type);
    }

    /** @return the {@code id:} field, when present */
    public Optional<String> eventId() {
        return Optional.ofNullable(id);
    }

    @Override
    public String toString() {
        // Data may carry generated text or personal data: only its size is printed.
        return "ServerSentEvent{type=" + type + ", id=" + id + ", data=" + data.length() + " chars}";
    }
}
