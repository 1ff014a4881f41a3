package com.rabaislocal.sdk.spring.alerts;

import com.rabaislocal.sdk.monitoring.alerts.Alerts;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Evaluates the alert rules every {@code rabaislocal.alerts.every} once the application has started (not while the
 * context is still being built), and stops with it.
 */
public final class AlertsSchedule implements SmartLifecycle {

    private final Alerts alerts;
    private final Duration every;
    private volatile boolean running;

    /**
     * Creates the schedule.
     *
     * @param alerts the engine
     * @param every the interval
     */
    public AlertsSchedule(Alerts alerts, Duration every) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.every = Objects.requireNonNull(every, "every");
    }

    /** @return the engine */
    public Alerts alerts() {
        return alerts;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            alerts.start(every);
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        alerts.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
