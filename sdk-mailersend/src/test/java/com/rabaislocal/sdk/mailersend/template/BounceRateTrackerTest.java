package com.rabaislocal.sdk.mailersend.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.mailersend.deliverability.BounceRateTracker;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BounceRateTrackerTest {

    private static void feed(BounceRateTracker t, String type, int n) {
        for (int i = 0; i < n; i++) {
            t.record(MailerSendWebhooks.parse(("{\"type\":\"" + type + "\",\"data\":{\"id\":\"" + type + i + "\"}}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theRateIsBouncesOverDeliveredInTheWindow() {
        FakeClock clock = FakeClock.create();
        BounceRateTracker t = new BounceRateTracker(Duration.ofHours(24), 100, clock);
        feed(t, "activity.delivered", 99);
        feed(t, "activity.hard_bounced", 2);
        assertTrue(t.rate().isEmpty(), "below 100 delivered there is no figure");
        feed(t, "activity.delivered", 1);
        feed(t, "activity.soft_bounced", 1);
        feed(t, "activity.opened", 50);
        feed(t, "webhook.test", 1);
        assertEquals(0.03, t.rate().getAsDouble(), 1e-9);
        clock.advance(Duration.ofHours(25));
        assertEquals(0, t.delivered());
        assertEquals(0, t.bounced());
        assertTrue(t.get().isEmpty());
    }
}
