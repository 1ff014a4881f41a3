package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GoAffProClientTest extends WireTestBase {

    @Test
    void builderReportsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> GoAffProClient.builder()
                .baseUrl("ftp://x").programId(" ").maxPages(0).rateLimit(0, Duration.ZERO, Duration.ofSeconds(-1))
                .build());
        assertTrue(e.fieldErrors().keySet().containsAll(java.util.List.of("baseUrl", "credential", "programId",
                "maxPages", "rateLimit.requests", "rateLimit.period", "rateLimit.maxWait")), e.fieldErrors().toString());
    }

    @Test
    void theDefaultsPointAtTheAdminApi() {
        try (GoAffProClient c = GoAffProClient.builder().credential(CredentialProvider.of(TOKEN)).build()) {
            assertEquals("https://api.goaffpro.com/v1", c.options().baseUrl());
            assertFalse(c.toString().contains(TOKEN));
            assertTrue(c.programId().isEmpty());
        }
    }

    @Test
    void theTokenIsReadOnEveryRequestSoRotationApplies() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (GoAffProClient c = builder().credential(() -> Secret.of("token-" + n.incrementAndGet())).build()) {
            enqueue("{\"affiliates\":[]}");
            enqueue("{\"affiliates\":[]}");
            c.affiliates().page(AffiliateListParams.all(), 0);
            c.affiliates().page(AffiliateListParams.all(), 0);
        }
        assertEquals("token-1", take().getHeaders().get("x-goaffpro-access-token"));
        assertEquals("token-2", take().getHeaders().get("x-goaffpro-access-token"));
    }

    @Test
    void theTokenNeverReachesALogLineOrAMessage() {
        try (LogCapture logs = LogCapture.sdk()) {
            enqueue(503, "{\"error\":\"busy\"}");
            enqueue("{\"error\":\"shop not found 1\"}");
            RabaisSdkException e = assertThrows(RabaisSdkException.class,
                    () -> client.affiliates().page(AffiliateListParams.all(), 0));
            assertFalse(e.getMessage().contains(TOKEN));
            assertFalse(logs.text().contains(TOKEN));
        }
        assertTrue(client.http().sensitiveHeaders().contains("x-goaffpro-access-token"));
        assertTrue(client.http().sensitiveHeaders().contains("x-goaffpro-public-token"));
    }

    @Test
    void withOptionsDerivesAClientAndCloseRefusesCalls() {
        GoAffProClient derived = client.withOptions(b -> b.programId("77").maxPages(3));
        assertNotSame(client, derived);
        assertEquals("77", derived.programId().orElseThrow());
        assertTrue(client.programId().isEmpty());
        derived.close();
        assertThrows(RabaisSdkException.class, () -> derived.affiliates().page(AffiliateListParams.all(), 0));
    }

    @Test
    void theClientSideRateLimitPacesCallsThroughTheSleeper() {
        try (GoAffProClient paced = builder().rateLimit(2, Duration.ofSeconds(1), Duration.ofSeconds(30)).build()) {
            for (int i = 0; i < 5; i++) {
                enqueue("{\"affiliates\":[]}");
                paced.affiliates().page(AffiliateListParams.all(), 0);
            }
        }
        assertEquals(5, server.getRequestCount());
        // Two calls per second: five calls need at least two more periods, waited through the retry sleeper.
        assertTrue(sleeper.total().compareTo(Duration.ofMillis(1900)) >= 0, sleeper.toString());
        assertTrue(sleeper.total().compareTo(Duration.ofSeconds(3)) <= 0, sleeper.toString());
    }

    @Test
    void aCallThatCannotGetAPermitInTimeFailsWithoutBeingSent() {
        try (GoAffProClient paced = builder().rateLimit(1, Duration.ofMinutes(1), Duration.ZERO).build()) {
            enqueue("{\"affiliates\":[]}");
            paced.affiliates().page(AffiliateListParams.all(), 0);
            assertThrows(RequestTimeoutException.class, () -> paced.affiliates().page(AffiliateListParams.all(), 0));
        }
        assertEquals(1, server.getRequestCount());
    }
}
