package com.rabaislocal.sdk.mailersend.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which events were handled, by {@code data.id}: MailerSend signs no timestamp and delivers at least
 * once, so a repeated delivery is only told apart by its id. Back it with the application's store (a table with a
 * unique key, Redis {@code SET NX}); {@link #inMemory(int)} is for one process.
 */
@FunctionalInterface
public interface EventDeduplicator {

    /**
     * Marks an event seen.
     *
     * @param eventId the event's {@code data.id}
     * @return true the first time the id is seen, false for a repeat
     */
    boolean firstSeen(String eventId);

    /**
     * An in-memory deduplicator keeping the most recent ids.
     *
     * @param capacity how many ids to remember, positive
     * @return the deduplicator; thread-safe
     */
    static EventDeduplicator inMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
        return id -> {
            synchronized (seen) {
                return seen.put(id, Boolean.TRUE) == null;
            }
        };
    }
}
