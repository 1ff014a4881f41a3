package com.rabaislocal.sdk.examples;

import java.io.PrintStream;

/**
 * The examples' main program: (1) the configuration diagnosis, (2) the Supabase walk-through, (3) the Make backup
 * and health report against the Make stand-in, (4) the GoAffPro affiliate step ({@link GoAffProWalkthrough}, on a
 * local stand-in unless GOAFFPRO_API_KEY is set), (5) the webhook receiver, (6) MailerSend's transactional email
 * ({@link MailerSendWalkthrough}, on a local stand-in unless MAILERSEND_API_KEY is set), (7) the "find deals" AI
 * agent ({@link AgentExample}, on a local OpenAI stand-in unless OPENAI_API_KEY is set), and last the
 * {@link Doctor} (health, alerts and metrics of every service). Offline by default:
 * it needs no key and reaches no service unless the services' variables are set; without {@code SUPABASE_URL} and
 * {@code SUPABASE_ANON_KEY} the walk-through runs against a local stand-in started in this process. Run it with
 * {@code mvn -B -q -pl examples -am -DskipTests package exec:java}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs every example in turn.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("== 1. Configuration diagnosis ==");
        ConfigDiagnosisExample.run(out);
        out.println();
        out.println("== 2. Supabase walk-through ==");
        SupabaseWalkthrough.runFromProcess(out);
        out.println();
        out.println("== 3. Make backup and health (offline stand-in) ==");
        MakeBackupExample.runInTemporaryFolder(out);
        GoAffProWalkthrough.runFromProcess(out);
        WebhooksExample.run(out);
        MailerSendWalkthrough.runFromProcess(out);
        AgentExample.runFromProcess(out);
        out.println();
        out.println("== Doctor: every configured service's health, the alerts that would fire, the metrics ==");
        Doctor.runFromProcess(out);
    }
}
