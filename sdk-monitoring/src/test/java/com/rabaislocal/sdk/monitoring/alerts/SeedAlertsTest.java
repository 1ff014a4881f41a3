package com.rabaislocal.sdk.monitoring.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.listener.RequestEvent;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each seed alert raised and resolved. */
class SeedAlertsTest {

    @TempDir
    Path dir;

    private static RequestEvent call(String service, boolean ok, Duration elapsed) {
        return new RequestEvent(service, "op", "GET", "/x", 1, ok ? 200 : 503, elapsed, Optional.empty(),
                ok ? Optional.empty() : Optional.of("ServerException"), Duration.ZERO);
    }

    private static void feed(CallWindow w, String service, int ok, int failed, Duration elapsed) {
        for (int i = 0; i < ok; i++) {
            w.onSuccess(call(service, true, elapsed));
        }
        for (int i = 0; i < failed; i++) {
            w.onFailure(call(service, false, elapsed), new RuntimeException("x"));
        }
    }

    private static List<String> run(Alerts alerts) {
        List<String> out = new ArrayList<>();
        for (Alert a : alerts.evaluate()) {
            out.add(a.kind() + " " + a.rule());
        }
        return out;
    }

    @Test
    void errorRateNeedsEnoughCallsThenFiresAboveFivePercentAndResolvesAsTheWindowSlides() {
        FakeClock clock = FakeClock.create();
        CallWindow window = new CallWindow(Duration.ofMinutes(5), 10_000, clock);
        Alerts alerts = Alerts.builder().rule(SeedAlerts.errorRate(window, 0.05, 20)).clock(clock).build();

        feed(window, "mailersend", 1, 1, Duration.ofMillis(10));
        assertEquals(List.of(), run(alerts), "1 failure out of 2 calls is not an alert");
        feed(window, "mailersend", 26, 2, Duration.ofMillis(10));
        assertEquals(List.of("FIRING error-rate"), run(alerts), "3 of 30 = 10%");
        assertTrue(alerts.firing().get("error-rate").contains("10.0%"), alerts.firing().toString());
        clock.advance(Duration.ofMinutes(6));
        feed(window, "mailersend", 40, 1, Duration.ofMillis(10));
        assertEquals(List.of("RESOLVED error-rate"), run(alerts), "old failures left the window: 1 of 41");
    }

    @Test
    void databaseLatencyIsTheMedianOfSupabaseCalls() {
        FakeClock clock = FakeClock.create();
        CallWindow window = new CallWindow(Duration.ofMinutes(5), 10_000, clock);
        Alerts alerts = Alerts.builder().rule(SeedAlerts.databaseLatency(window, Duration.ofMillis(500), 5))
                .clock(clock).build();
        feed(window, "supabase", 4, 0, Duration.ofMillis(900));
        feed(window, "openai", 10, 0, Duration.ofSeconds(3));
        assertEquals(List.of(), run(alerts), "4 Supabase calls are too few; OpenAI's slowness is not the database");
        feed(window, "supabase", 2, 0, Duration.ofMillis(100));
        assertEquals(List.of("FIRING database-latency"), run(alerts), "median of 6 calls: 900 ms");
        clock.advance(Duration.ofMinutes(6));
        feed(window, "supabase", 9, 0, Duration.ofMillis(40));
        assertEquals(List.of("RESOLVED database-latency"), run(alerts));
    }

    @Test
    void makeWorkflowFailsFiveTimes() {
        Map<String, Integer> runs = new HashMap<>();
        runs.put("daily-digest", 4);
        runs.put("welcome-flow", 0);
        Alerts alerts = Alerts.builder().rule(SeedAlerts.makeWorkflowFailures(() -> runs, 5)).build();
        assertEquals(List.of(), run(alerts));
        runs.put("daily-digest", 5);
        assertEquals(List.of("FIRING make-workflow-failures"), run(alerts));
        assertTrue(alerts.firing().get("make-workflow-failures").contains("daily-digest (5)"));
        runs.put("daily-digest", 0);
        assertEquals(List.of("RESOLVED make-workflow-failures"), run(alerts));
    }

    @Test
    void cpuStorageAndBounceRate() {
        double[] cpu = {0.5};
        double[] disk = {0.5};
        OptionalDouble[] bounces = {OptionalDouble.empty()};
        Path spool = dir.resolve("audit-spool");
        Alerts alerts = Alerts.builder().rule(SeedAlerts.cpu(() -> cpu[0], 0.80))
                .rule(SeedAlerts.storage(List.of(spool), 0.90, p -> disk[0]))
                .rule(SeedAlerts.bounceRate(() -> bounces[0], 0.02)).build();
        assertEquals(List.of(), run(alerts));
        cpu[0] = 0.93;
        disk[0] = 0.95;
        bounces[0] = OptionalDouble.of(0.031);
        assertEquals(List.of("FIRING cpu", "FIRING storage", "FIRING bounce-rate"), run(alerts));
        assertTrue(alerts.firing().get("storage").contains("audit-spool"), alerts.firing().toString());
        cpu[0] = 0.2;
        disk[0] = 0.4;
        bounces[0] = OptionalDouble.of(0.01);
        assertEquals(List.of("RESOLVED cpu", "RESOLVED storage", "RESOLVED bounce-rate"), run(alerts));
    }

    @Test
    void theRealDiskAndCpuReadingsAreShares() {
        Alerts alerts = Alerts.builder().rule(SeedAlerts.storage(List.of(dir), 1.0))
                .rule(SeedAlerts.cpu(SeedAlerts::systemCpuLoad, 1.0)).build();
        assertEquals(List.of(), run(alerts), "nothing is above 100%");
        double load = SeedAlerts.systemCpuLoad();
        assertTrue(load == -1 || (load >= 0 && load <= 1), "load " + load);
    }

    /** A TLS server on 127.0.0.1 whose certificate, made by keytool here, is valid for {@code days}. */
    private SSLServerSocket tlsServer(int days) throws Exception {
        Path ks = dir.resolve("cert-" + days + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", Integer.toString(days), "-dname", "CN=localhost", "-ext",
                "SAN=ip:127.0.0.1", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                } catch (IOException ignored) {
                    // closed, or a client that left: the next accept decides
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aCertificateExpiringInFiveDaysFiresOnceAndOneInThirtyDoesNot() throws Exception {
        try (SSLServerSocket soon = tlsServer(5); SSLServerSocket later = tlsServer(30)) {
            AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
            java.time.Clock clock = new java.time.Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            String soonHost = "127.0.0.1:" + soon.getLocalPort();
            String laterHost = "127.0.0.1:" + later.getLocalPort();
            Alerts alerts = Alerts.builder().clock(clock).rule(SeedAlerts.tlsExpiry(List.of(soonHost, laterHost),
                    Duration.ofDays(7), Duration.ofSeconds(5))).build();

            List<Alert> first = alerts.evaluate();
            assertEquals(1, first.size(), "one alert for the two hosts");
            assertTrue(first.get(0).message().contains(soonHost), first.get(0).message());
            assertFalse(first.get(0).message().contains(laterHost), first.get(0).message());
            assertTrue(alerts.evaluate().isEmpty(), "no duplicate");

            // Seen from three days earlier, the 5-day certificate had 8 days left: the alert resolves.
            now.set(now.get().minus(Duration.ofDays(3)));
            assertEquals(List.of("RESOLVED tls-expiry"), run(alerts));
        }
    }
}
