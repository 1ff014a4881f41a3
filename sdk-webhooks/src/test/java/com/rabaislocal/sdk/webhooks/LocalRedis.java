package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;

/** The local Redis server the shared-state tests run against; a test fails, never skips, when it is down. */
public final class LocalRedis {

    /** The server's address. */
    public static final String URL = System.getProperty("rabaislocal.test.redis", "redis://127.0.0.1:6379/0");

    private LocalRedis() {
    }

    /**
     * A new Lettuce client on the local server, checked with a PING.
     *
     * @return the client; the caller shuts it down
     */
    public static RedisClient client() {
        RedisURI uri = RedisURI.create(URL);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().ping();
        } catch (RuntimeException e) {
            client.shutdown();
            fail("Redis does not answer at " + URL + " (" + e.getMessage() + "). Start it with: redis-server "
                    + "--daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no "
                    + "--dir /var/lib/redis --logfile /var/log/redis/ci.log   (or run bash .ci/start-redis.sh)");
        }
        return client;
    }

    /** @return a key prefix no other test uses */
    public static String freshPrefix() {
        return "rabaislocal-test:" + UUID.randomUUID() + ":";
    }
}
