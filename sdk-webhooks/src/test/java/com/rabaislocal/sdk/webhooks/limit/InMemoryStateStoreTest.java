package com.rabaislocal.sdk.webhooks.limit;

/** The in-memory store follows the same rules as the Redis one (both views are the one store). */
class InMemoryStateStoreTest extends StateStoreContract {

    @Override
    void open() {
        a = StateStore.inMemory(clock);
        b = a;
    }

    @Override
    void close() {
        a.close();
    }
}
