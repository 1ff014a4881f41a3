package com.rabaislocal.sdk.testing.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts a stand-in per test (or per class from {@code @BeforeAll}), injects it and stops it. */
class SupabaseStandInExtensionTest {

    private static int health(SupabaseStandIn standIn) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(standIn.url() + "/auth/v1/health")).header("apikey", standIn.publishableKey().reveal())
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    /** Stand-ins seen by earlier tests, to check they were stopped. */
    static final List<SupabaseStandIn> SEEN = new ArrayList<>();

    @Nested
    @ExtendWith(SupabaseStandInExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerTest {

        private SupabaseStandIn fromBeforeEach;

        @BeforeEach
        void before(SupabaseStandIn standIn) {
            fromBeforeEach = standIn;
        }

        @Test
        @Order(1)
        void aTestGetsARunningStandInTheSameAsItsBeforeEach(SupabaseStandIn standIn) throws Exception {
            assertSame(fromBeforeEach, standIn);
            assertEquals(200, health(standIn));
            SEEN.add(standIn);
        }

        @Test
        @Order(2)
        void theNextTestGetsANewOneAndThePreviousOneWasStopped(SupabaseStandIn standIn) throws Exception {
            assertNotSame(SEEN.get(0), standIn);
            assertEquals(200, health(standIn));
            assertThrows(ConnectException.class, () -> health(SEEN.get(0)));
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClassWithSettings {

        private static final Secret SECRET = Secret.of("the-application-test-secret-0123456789abcdef");
        private static final FakeClock CLOCK = FakeClock.at(Instant.parse("2026-01-15T09:00:00Z"));

        @RegisterExtension
        static SupabaseStandInExtension supabase = new SupabaseStandInExtension().withJwtSecret(SECRET)
                .withClock(CLOCK);

        static SupabaseStandIn shared;

        @BeforeAll
        static void startOnce(SupabaseStandIn standIn) {
            shared = standIn;
        }

        @Test
        @Order(1)
        void everyTestSharesTheBeforeAllStandIn(SupabaseStandIn standIn) {
            assertSame(shared, standIn);
        }

        @Test
        @Order(2)
        void itSignsWithTheConfiguredSecretOnTheConfiguredClock(SupabaseStandIn standIn) {
            assertSame(shared, standIn);
            assertEquals(SECRET.reveal(), standIn.jwtSecret().reveal());
            UUID user = UUID.randomUUID();
            try (JwtVerifier verifier = JwtVerifier.builder().hs256Secret(SECRET).clock(CLOCK).build()) {
                assertEquals(CLOCK.instant().plusSeconds(3600),
                        verifier.verify(standIn.mintUserToken(user, "consumer").reveal()).expiresAt());
            }
        }
    }
}
