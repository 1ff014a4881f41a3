package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.make.MakeScopes;
import com.rabaislocal.sdk.make.executions.ScenarioHealth;
import com.rabaislocal.sdk.micrometer.SdkObservability;
import com.rabaislocal.sdk.monitoring.alerts.Alert;
import com.rabaislocal.sdk.monitoring.alerts.AlertChannel;
import com.rabaislocal.sdk.monitoring.alerts.Alerts;
import com.rabaislocal.sdk.monitoring.alerts.CallWindow;
import com.rabaislocal.sdk.monitoring.alerts.SeedAlerts;
import com.rabaislocal.sdk.monitoring.health.HealthCheck;
import com.rabaislocal.sdk.monitoring.health.HealthResult;
import com.rabaislocal.sdk.monitoring.health.ServiceHealthChecks;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import com.rabaislocal.sdk.testing.openai.OpenAiStandIn;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The doctor: checks every configured service, prints each one's health and latency, the seed's alerts that would
 * fire now, and the metrics the checks recorded. Offline by default: a service whose variables are not set is
 * checked on its local stand-in (Supabase, GoAffPro, MailerSend, OpenAI, Make), so it runs on a fresh machine with
 * no key. Run it with
 * {@code mvn -B -q -pl examples -am -DskipTests package exec:java
 * -Dexec.mainClass=com.rabaislocal.sdk.examples.Doctor}; the examples' main program runs it as its last step.
 */
public final class Doctor {

    /** How long each check may take. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    /** The seed's warning: database latency above 500 ms. */
    static final Duration SLOW_DATABASE = Duration.ofMillis(500);
    /** Above this, listing OpenAI's models makes its check DEGRADED. */
    static final Duration SLOW_OPENAI = Duration.ofSeconds(2);

    private Doctor() {
    }

    /**
     * What one run of the doctor found.
     *
     * @param health each service's check result, in order
     * @param alerts the alerts that fired on this evaluation
     * @param meters the meters the run recorded, one line each ({@code name{tags} value})
     */
    public record Report(List<HealthResult> health, List<Alert> alerts, List<String> meters) {

        /** @return whether every service is up and no alert fired */
        public boolean healthy() {
            return health.stream().allMatch(HealthResult::isUp) && alerts.isEmpty();
        }
    }

    /**
     * Runs the doctor on this process's configuration and prints its report; exits with 1 when a service is not up
     * or an alert fires.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Report report = runFromProcess(System.out);
        System.exit(report.healthy() ? 0 : 1);
    }

    /**
     * Runs the doctor on this process's configuration: the real service where its variables are set, the stand-in
     * otherwise.
     *
     * @param out where to print
     * @return what it found
     */
    public static Report runFromProcess(PrintStream out) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SdkObservability observability = SdkObservability.builder().meterRegistry(registry).build();
        CallWindow calls = CallWindow.fiveMinutes();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            List<HealthCheck> checks = new ArrayList<>();
            Map<String, String> targets = new LinkedHashMap<>();
            List<String> httpsHosts = new ArrayList<>();
            MakeClient[] make = new MakeClient[1];
            HealthCheck database = null;

            SupabaseTarget supabaseTarget = SupabaseTarget.fromProcess();
            owned.add(supabaseTarget);
            SupabaseClient supabase = SupabaseClient.fromSettings(supabaseTarget.settings(),
                    b -> b.listener(observability).listener(calls));
            owned.add(supabase);
            database = ServiceHealthChecks.supabase(supabase, "offers", CHECK_TIMEOUT, SLOW_DATABASE);
            checks.add(database);
            targets.put("supabase", supabaseTarget.describe());
            httpsHost(supabase.url(), httpsHosts);

            GoAffProClient goaffpro;
            if (isSet("GOAFFPRO_API_KEY")) {
                goaffpro = GoAffProClient.fromSettings(SdkConfig.fromEnvironment())
                        .withOptions(b -> b.listener(observability).listener(calls));
                targets.put("goaffpro", "the GoAffPro admin API");
            } else {
                GoAffProStandIn standIn = GoAffProStandIn.start("doctor-store-token");
                owned.add(standIn);
                goaffpro = GoAffProClient.builder().baseUrl(standIn.baseUrl())
                        .credential(CredentialProvider.of("doctor-store-token")).programId(GoAffProStandIn.SITE_ID)
                        .listener(observability).listener(calls).build();
                targets.put("goaffpro", "local stand-in at " + standIn.baseUrl());
            }
            owned.add(goaffpro);
            checks.add(ServiceHealthChecks.goAffPro(goaffpro, CHECK_TIMEOUT));
            httpsHost(goaffpro.options().baseUrl(), httpsHosts);

            MailerSendClient mailer;
            if (isSet("MAILERSEND_API_KEY")) {
                mailer = MailerSendClient.fromSettings(SdkConfig.fromEnvironment())
                        .withOptions(b -> b.listener(observability).listener(calls));
                targets.put("mailersend", "the MailerSend API");
            } else {
                MailerSendStandIn standIn = MailerSendStandIn.start("doctor-mailersend-token");
                owned.add(standIn);
                mailer = MailerSendClient.builder().baseUrl(standIn.baseUrl())
                        .credential(CredentialProvider.of("doctor-mailersend-token")).domain("rabaislocal.com")
                        .listener(observability).listener(calls).build();
                targets.put("mailersend", "local stand-in at " + standIn.baseUrl());
            }
            owned.add(mailer);
            checks.add(ServiceHealthChecks.mailerSend(mailer, CHECK_TIMEOUT,
                    ServiceHealthChecks.DEFAULT_MAILERSEND_QUOTA_SHARE));
            httpsHost(mailer.options().baseUrl(), httpsHosts);

            OpenAiClient openAi;
            if (isSet("OPENAI_API_KEY")) {
                openAi = OpenAiClient.fromSettings(SdkConfig.fromEnvironment())
                        .withOptions(b -> b.listener(observability).listener(calls));
                targets.put("openai", "the OpenAI API");
            } else {
                OpenAiStandIn standIn = OpenAiStandIn.start("sk-doctor-stand-in-key");
                owned.add(standIn);
                openAi = OpenAiClient.builder().baseUrl(standIn.baseUrl())
                        .credential(CredentialProvider.of("sk-doctor-stand-in-key"))
                        .listener(observability).listener(calls).build();
                targets.put("openai", "local stand-in at " + standIn.baseUrl());
            }
            owned.add(openAi);
            checks.add(ServiceHealthChecks.openAi(openAi, CHECK_TIMEOUT, SLOW_OPENAI));
            httpsHost(openAi.options().baseUrl(), httpsHosts);

            if (isSet("MAKE_API_TOKEN")) {
                make[0] = MakeClient.fromSettings(SdkConfig.fromEnvironment())
                        .withOptions(b -> b.listener(observability).listener(calls));
                targets.put("make", "the Make API");
            } else {
                MakeStandIn standIn = MakeStandIn.withSampleData(Clock.systemUTC());
                owned.add(standIn);
                make[0] = MakeClient.builder().baseUrl(standIn.baseUrl()).teamId(MakeStandIn.TEAM_ID)
                        .credential(CredentialProvider.of(MakeStandIn.TOKEN))
                        .listener(observability).listener(calls).build();
                targets.put("make", "local stand-in at " + standIn.baseUrl());
            }
            owned.add(make[0]);
            checks.add(ServiceHealthChecks.make(make[0], MakeScopes.BACKUP_AND_MONITORING, CHECK_TIMEOUT));
            httpsHost(make[0].options().baseUrl(), httpsHosts);

            out.println("Services:");
            List<HealthResult> health = new ArrayList<>();
            for (HealthCheck check : checks) {
                HealthResult r = check.check();
                health.add(r);
                out.printf(Locale.ROOT, "  %-10s %-8s %6d ms  %s  [%s]%n", r.name(), r.status(), r.latency().toMillis(),
                        r.reason(), targets.get(r.name()));
            }

            List<Alert> fired = new ArrayList<>();
            AlertChannel collect = new AlertChannel() {
                @Override
                public String name() {
                    return "doctor";
                }

                @Override
                public void send(Alert alert) {
                    fired.add(alert);
                }
            };
            Alerts.Builder rules = Alerts.builder().channel(collect)
                    // One failed check is enough to report here: the doctor runs once, not on a schedule.
                    .rule(SeedAlerts.databaseDown(database, 1))
                    .rule(SeedAlerts.errorRate(calls, 0.05, 4))
                    .rule(SeedAlerts.databaseLatency(calls, SLOW_DATABASE, 1))
                    .rule(SeedAlerts.makeWorkflowFailures(() -> consecutiveFailures(make[0]), 5))
                    .rule(SeedAlerts.cpu(SeedAlerts::systemCpuLoad, 0.80))
                    .rule(SeedAlerts.storage(List.of(Path.of(System.getProperty("java.io.tmpdir"))), 0.90));
            if (!httpsHosts.isEmpty()) {
                rules.rule(SeedAlerts.tlsExpiry(httpsHosts, Duration.ofDays(7), CHECK_TIMEOUT));
            }
            try (Alerts alerts = rules.build()) {
                alerts.evaluate();
            }
            out.println("Alerts that would fire now: " + (fired.isEmpty() ? "none" : ""));
            for (Alert a : fired) {
                out.println("  " + a.summary());
            }

            List<String> meters = meters(registry);
            out.println("Metrics recorded (" + meters.size() + " meters):");
            meters.forEach(m -> out.println("  " + m));
            return new Report(List.copyOf(health), List.copyOf(fired), meters);
        } catch (IOException e) {
            throw new UncheckedIOException("a stand-in could not start", e);
        } finally {
            // Last opened, first closed: clients before the stand-ins they talk to.
            for (int i = owned.size() - 1; i >= 0; i--) {
                try {
                    owned.get(i).close();
                } catch (Exception e) {
                    out.println("(closing " + owned.get(i).getClass().getSimpleName() + " failed: " + e + ")");
                }
            }
        }
    }

    /** The Make scenarios' failures in a row over the last day, for the seed's "fails 5 times" alert. */
    private static Map<String, Integer> consecutiveFailures(MakeClient make) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ScenarioHealth h : make.executions().teamHealth(Duration.ofDays(1))) {
            out.put(Long.toString(h.scenarioId()), h.consecutiveFailures());
        }
        return out;
    }

    private static void httpsHost(String url, List<String> hosts) {
        URI u = URI.create(url);
        if ("https".equalsIgnoreCase(u.getScheme()) && !hosts.contains(u.getHost())) {
            hosts.add(u.getHost());
        }
    }

    private static boolean isSet(String name) {
        String v = System.getProperty(name, System.getenv(name));
        return v != null && !v.isBlank();
    }

    /** One line per meter: name, tags, and its measurements. */
    static List<String> meters(SimpleMeterRegistry registry) {
        return registry.getMeters().stream()
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName())
                        .thenComparing(m -> m.getId().getTags().toString()))
                .map(m -> m.getId().getName() + m.getId().getTags().stream()
                        .map(Tag::getKey).map(k -> k + "=" + m.getId().getTag(k))
                        .collect(Collectors.joining(",", "{", "}")) + " " + measurements(m))
                .collect(Collectors.toList());
    }

    private static String measurements(Meter m) {
        List<String> parts = new ArrayList<>();
        for (Measurement x : m.measure()) {
            parts.add(x.getStatistic().getTagValueRepresentation() + "=" + format(x.getValue()));
        }
        return String.join(" ", parts);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
