package com.rabaislocal.sdk.core.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the "rotate this key" warning once per key value, however many times the value is checked. A configuration
 * and every configuration derived from it with {@link SdkConfig#toBuilder()} share one monitor.
 */
final class KeyAgeMonitor {

    static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.core.config");

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** Logs {@code warning} unless it was already logged for this key and value. */
    void warnOnce(ConfigKey key, Secret value, String warning) {
        if (warned.add(key.name() + ':' + value.fingerprint() + ':' + value.length())) {
            LOG.warn("{} [fingerprint {}]", warning, value.fingerprint());
        }
    }
}
