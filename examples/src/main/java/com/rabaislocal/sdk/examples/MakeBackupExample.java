package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.make.MakeScopes;
import com.rabaislocal.sdk.make.backup.BackupReport;
import com.rabaislocal.sdk.make.backup.MakeBackup;
import com.rabaislocal.sdk.make.executions.ScenarioHealth;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The weekly Make backup and the failure report, runnable by a cron job or CI step that then commits the folder:
 * {@code java ... MakeBackupExample [--live] [folder]}. Offline by default, against the in-process stand-in;
 * with {@code --live} it uses MAKE_TEAM_ID, MAKE_API_TOKEN and MAKE_ZONE (or MAKE_BASE_URL), checks the token's
 * {@code scenarios:read} scope first, and exits with status 1 when a scenario failed 5 times in a row.
 */
public final class MakeBackupExample {

    private MakeBackupExample() {
    }

    /**
     * Runs the backup and prints each scenario's health.
     *
     * @param args {@code --live} for the real Make, then the folder (default {@code make-backup})
     */
    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean live = rest.remove("--live");
        Path folder = Path.of(rest.isEmpty() ? "make-backup" : rest.get(0));
        boolean alert;
        if (live) {
            try (MakeClient client = MakeClient.fromSettings(SdkConfig.fromEnvironment())) {
                client.verifyToken(MakeScopes.BACKUP_AND_MONITORING);
                alert = run(client, folder, System.out, Clock.systemUTC());
            }
        } else {
            alert = runOffline(System.out, folder);
        }
        if (alert) {
            System.exit(1);
        }
    }

    /**
     * Backs up the stand-in's sample scenarios into a folder and prints their health.
     *
     * @param out where to print
     * @param folder the backup folder
     * @return true when a scenario reached the failure alert
     */
    public static boolean runOffline(PrintStream out, Path folder) {
        Clock clock = Clock.systemUTC();
        try (MakeStandIn make = MakeStandIn.withSampleData(clock);
             MakeClient client = MakeClient.builder().baseUrl(make.baseUrl()).teamId(MakeStandIn.TEAM_ID)
                     .credential(CredentialProvider.of(MakeStandIn.TOKEN)).build()) {
            out.println("(offline: Make stand-in at " + make.baseUrl() + ")");
            return run(client, folder, out, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Backs up a team's scenarios and prints their health over the last 7 days.
     *
     * @param client the Make client
     * @param folder the backup folder
     * @param out where to print
     * @param clock the clock of the export time
     * @return true when a scenario failed {@value ScenarioHealth#DEFAULT_FAILURE_THRESHOLD} times in a row
     */
    public static boolean run(MakeClient client, Path folder, PrintStream out, Clock clock) {
        BackupReport report = MakeBackup.builder().client(client).directory(folder).clock(clock).build().run();
        out.println("Backup into " + folder.toAbsolutePath() + (report.changed() ? "" : " (nothing changed)") + ":");
        for (BackupReport.Entry e : report.entries()) {
            out.printf(Locale.ROOT, "  %-6d %-40s %-8s %s%n", e.scenarioId(), e.name(), e.version(), e.change());
        }
        out.println("Health over 7 days:");
        boolean alert = false;
        for (ScenarioHealth h : client.executions().teamHealth(Duration.ofDays(7))) {
            boolean failing = h.failing(ScenarioHealth.DEFAULT_FAILURE_THRESHOLD);
            alert |= failing;
            out.printf(Locale.ROOT, "  %-6d runs %3d  success %5.1f%%  failure %5.1f%%  mean %5d ms  "
                            + "failures in a row %d%s%n", h.scenarioId(), h.executions(), h.successRate() * 100,
                    h.failureRate() * 100, h.meanDuration().toMillis(), h.consecutiveFailures(),
                    failing ? "  ALERT: failed " + h.consecutiveFailures() + " times in a row" : "");
        }
        return alert;
    }

    /**
     * Runs the offline backup into a fresh temporary folder (for the examples' main program).
     *
     * @param out where to print
     */
    static void runInTemporaryFolder(PrintStream out) {
        try {
            runOffline(out, Files.createTempDirectory("make-backup-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
