package com.rabaislocal.sdk.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SdkHealthIndicatorTest {

    @Test
    void degradedIsUpWithTheReason() {
        HealthCheck slow = HealthCheck.of("supabase", Duration.ofSeconds(2), () -> HealthCheck.Outcome.of(
                HealthStatus.DEGRADED, "Data API answered in 900 ms (slower than 500 ms)",
                Map.of("database_round_trip_ms", 900L)));
        Health h = new SdkHealthIndicator(slow).health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("degraded", true).containsEntry("database_round_trip_ms", 900L)
                .containsEntry("reason", "Data API answered in 900 ms (slower than 500 ms)");
    }

    @Test
    void aFailingProbeIsDownWithTheSdksMessage() {
        HealthCheck failing = HealthCheck.of("make", Duration.ofSeconds(2), () -> {
            throw new IllegalStateException("token refused");
        });
        Health h = new SdkHealthIndicator(failing).health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails().get("reason").toString()).contains("IllegalStateException");
    }
}
