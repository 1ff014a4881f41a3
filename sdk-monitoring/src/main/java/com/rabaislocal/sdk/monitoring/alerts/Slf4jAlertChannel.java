package com.rabaislocal.sdk.monitoring.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every alert as one line on the logger {@code com.rabaislocal.sdk.alerts}: ERROR for a critical alert
 * firing or reminded, WARN for a warning, INFO for a resolution. Always on in the seed's set-up.
 */
public final class Slf4jAlertChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.alerts");

    @Override
    public String name() {
        return "slf4j";
    }

    @Override
    public void send(Alert alert) {
        if (alert.kind() == Alert.Kind.RESOLVED) {
            LOG.info("{} (since {})", alert.summary(), alert.startedAt());
        } else if (alert.severity() == Severity.CRITICAL) {
            LOG.error("{} (since {})", alert.summary(), alert.startedAt());
        } else {
            LOG.warn("{} (since {})", alert.summary(), alert.startedAt());
        }
    }
}
