package com.rabaislocal.sdk.core.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sources as seen now, re-read at most once per refresh interval of the injected clock, so credential
 * providers can ask on every request without touching the file system. A {@code .env} file that became unusable
 * (malformed while being edited, deleted) is reported once and its last good contents are kept.
 */
final class LiveSources {

    private final ConfigSources sources;
    private final Clock clock;
    private final Duration interval;
    private volatile Snapshot snapshot;
    private volatile Instant nextCheck;
    private DotEnvFile.Contents lastGoodDotEnv;
    private List<String> lastWarned = List.of();

    LiveSources(ConfigSources sources, Snapshot initial, Clock clock, Duration interval) {
        this.sources = sources;
        this.clock = clock;
        this.interval = interval;
        this.snapshot = initial;
        this.lastGoodDotEnv = initial.dotEnv().problems().isEmpty() ? initial.dotEnv() : DotEnvFile.Contents.absent();
        this.nextCheck = clock.instant().plus(interval);
    }

    Snapshot current() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return snapshot;
        }
        synchronized (this) {
            if (!now.isBefore(nextCheck)) {
                refresh();
                nextCheck = now.plus(interval);
            }
            return snapshot;
        }
    }

    private void refresh() {
        DotEnvFile.Contents dot = sources.readDotEnv();
        if (!dot.problems().isEmpty()) {
            if (!dot.problems().equals(lastWarned)) {
                lastWarned = dot.problems();
                KeyAgeMonitor.LOG.warn("The .env file changed but cannot be used, keeping the values read before: {}",
                        String.join("; ", dot.problems()));
            }
            dot = lastGoodDotEnv;
        } else {
            lastGoodDotEnv = dot;
            lastWarned = List.of();
        }
        snapshot = sources.read(dot, false);
    }
}
