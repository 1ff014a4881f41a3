package com.rabaislocal.sdk.webhooks.limit;

import com.rabaislocal.sdk.webhooks.LocalRedis;
import io.lettuce.core.RedisClient;
import java.time.Duration;

/** Two instances (two Lettuce clients, two stores) sharing the real Redis enforce one limit and one block list. */
class SharedLimitRedisTest extends StateStoreContract {

    private RedisClient clientA;
    private RedisClient clientB;

    @Override
    void open() {
        String prefix = LocalRedis.freshPrefix();
        clientA = LocalRedis.client();
        clientB = LocalRedis.client();
        a = StateStore.redis(clientA, prefix, clock, Duration.ofSeconds(2));
        b = StateStore.redis(clientB, prefix, clock, Duration.ofSeconds(2));
    }

    @Override
    void close() {
        a.close();
        b.close();
        clientA.shutdown();
        clientB.shutdown();
    }
}
