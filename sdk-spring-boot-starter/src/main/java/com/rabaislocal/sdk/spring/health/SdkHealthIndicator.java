package com.rabaislocal.sdk.spring.health;

import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthResult;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A Spring Boot health indicator over one of the monitoring module's {@link HealthCheck}s. UP and DOWN map to
 * Boot's; DEGRADED (slow but answering) is reported UP with {@code degraded: true}, so a slow database does not take
 * the instance out of its load balancer, and the reason says why. The details are the check's: reason, latency,
 * figures; never a secret.
 */
public final class SdkHealthIndicator implements HealthIndicator {

    private final HealthCheck check;

    /**
     * Wraps a check.
     *
     * @param check the check
     */
    public SdkHealthIndicator(HealthCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /** @return the check behind this indicator */
    public HealthCheck check() {
        return check;
    }

    @Override
    public Health health() {
        HealthResult r = check.check();
        Health.Builder b = r.status() == HealthStatus.DOWN ? Health.down() : Health.up();
        b.withDetail("reason", r.reason()).withDetail("latency_ms", r.latency().toMillis())
                .withDetail("checked_at", r.checkedAt().toString());
        if (r.status() == HealthStatus.DEGRADED) {
            b.withDetail("degraded", true);
        }
        r.details().forEach(b::withDetail);
        return b.build();
    }

    @Override
    public String toString() {
        return "SdkHealthIndicator[" + check.name() + "]";
    }
}
