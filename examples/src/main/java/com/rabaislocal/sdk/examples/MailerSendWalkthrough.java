package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.bulk.BulkEmailStatus;
import com.rabaislocal.sdk.mailersend.bulk.BulkSendResult;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.EmailSendResult;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import com.rabaislocal.sdk.mailersend.emails.SuppressedRecipient;
import com.rabaislocal.sdk.mailersend.quota.ApiQuota;
import com.rabaislocal.sdk.mailersend.template.EmailKind;
import com.rabaislocal.sdk.mailersend.template.EmailLocale;
import com.rabaislocal.sdk.mailersend.template.TemplateIds;
import com.rabaislocal.sdk.mailersend.template.TransactionalEmailException;
import com.rabaislocal.sdk.mailersend.template.TransactionalMailer;
import com.rabaislocal.sdk.mailersend.template.TransactionalSendResult;
import com.rabaislocal.sdk.mailersend.template.WelcomeEmail;
import com.rabaislocal.sdk.mailersend.webhooks.EventDeduplicator;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendEvent;
import com.rabaislocal.sdk.mailersend.webhooks.MailerSendWebhooks;
import com.rabaislocal.sdk.mailersend.webhooks.WebhookVerificationException;
import com.rabaislocal.sdk.testing.mailersend.MailerSendStandIn;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The MailerSend step of the examples: a welcome email in French through the transactional template (with its
 * message id), a bulk send followed to completion, a suppressed recipient's warning, and a webhook delivery verified
 * (and a tampered one refused). Runs against sdk-testing's MailerSend stand-in unless MAILERSEND_API_KEY is set; then
 * it reads the real API's quota and, when MAILERSEND_EXAMPLE_TO names a mailbox, really sends it the welcome email
 * (plain HTML, since the account's template ids are not known here) from {@code notifications@<MAILERSEND_DOMAIN>}.
 */
public final class MailerSendWalkthrough {

    private static final String INDENT = "    ";
    private static final String TOKEN = "mlsn.example_token";

    private MailerSendWalkthrough() {
    }

    /**
     * What the walk-through did.
     *
     * @param welcomeMessageId the welcome email's message id, when one was sent
     * @param bulkEmails how many emails the bulk send handed over
     * @param suppressedWarnings the suppressed recipients reported
     * @param webhookVerified whether the signed event was accepted and the tampered one refused
     */
    public record Result(Optional<String> welcomeMessageId, int bulkEmails, List<SuppressedRecipient> suppressedWarnings,
                         boolean webhookVerified) {
    }

    /**
     * Runs against the real API when MAILERSEND_API_KEY is set, else against a stand-in started here.
     *
     * @param out where to print
     * @return what the walk-through did
     */
    public static Result runFromProcess(PrintStream out) {
        out.println();
        out.println("== 6. MailerSend transactional email ==");
        String key = System.getProperty("MAILERSEND_API_KEY", System.getenv("MAILERSEND_API_KEY"));
        if (key != null && !key.isBlank()) {
            out.println("Target: the MailerSend API (MAILERSEND_API_KEY is set)");
            try (MailerSendClient client = MailerSendClient.fromSettings(SdkConfig.fromEnvironment())) {
                return runLive(client, System.getProperty("MAILERSEND_EXAMPLE_TO",
                        System.getenv("MAILERSEND_EXAMPLE_TO")), out);
            }
        }
        try (MailerSendStandIn standIn = MailerSendStandIn.start(TOKEN);
             MailerSendClient client = MailerSendClient.builder().baseUrl(standIn.baseUrl())
                     .credential(CredentialProvider.of(TOKEN)).domain("rabaislocal.com").bulkChunkSize(2).build()) {
            out.println("Target: local MailerSend stand-in at " + standIn.baseUrl());
            return runOnStandIn(standIn, client, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the MailerSend stand-in could not start", e);
        }
    }

    private static TemplateIds exampleTemplateIds() {
        TemplateIds.Builder b = TemplateIds.builder();
        for (EmailKind k : EmailKind.values()) {
            for (EmailLocale l : EmailLocale.values()) {
                b.everywhere(k, l, "example-" + k.key() + "-" + l.tag());
            }
        }
        return b.build();
    }

    static Result runOnStandIn(MailerSendStandIn standIn, MailerSendClient client, PrintStream out) {
        PrintingAuditSink audit = new PrintingAuditSink(out, INDENT + INDENT, null);
        TransactionalMailer mailer = TransactionalMailer.builder(client, RabaisEnvironment.DEVELOPMENT)
                .templateIds(exampleTemplateIds()).audit(audit).build();

        out.println("[1/4] Welcome email in French through the transactional template");
        TransactionalSendResult welcome = mailer.send(new WelcomeEmail("Chloé", "consumer", null),
                Recipient.of("chloe@example.com", "Chloé Tremblay"), EmailLocale.FR_CA, "user_42");
        out.println(INDENT + "sent " + welcome.kind().key() + " (" + welcome.locale().tag() + ") with template "
                + welcome.templateId() + ", message id " + welcome.messageId());
        out.println(INDENT + "variables: " + standIn.outbox().get(0).personalization("chloe@example.com")
                .path("recipient_name").asText() + " / " + standIn.outbox().get(0)
                .personalization("chloe@example.com").path("app_url").asText());

        out.println("[2/4] Bulk send, 2 emails a request, followed to completion");
        List<EmailSendParams> bulk = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String to = "membre" + i + "@example.com";
            bulk.add(EmailSendParams.builder().from("notifications@rabaislocal.com", "RabaisLocal").to(to)
                    .templateId("example-offer_expiring-fr-CA").personalization(to, Map.of("rang", i)).build());
        }
        BulkSendResult chunks = client.bulkEmails().send(bulk);
        List<BulkEmailStatus> done = client.bulkEmails().waitUntilCompleted(chunks, Duration.ofMinutes(1));
        out.println(INDENT + chunks.emailCount() + " emails in " + chunks.chunks().size() + " requests "
                + chunks.bulkEmailIds() + ": " + done.stream().filter(BulkEmailStatus::completed).count()
                + " completed, " + done.stream().mapToLong(BulkEmailStatus::validationErrorsCount).sum()
                + " validation errors");

        out.println("[3/4] A suppressed recipient");
        standIn.suppress("ancien@example.com", "hard_bounced");
        EmailSendResult partly = client.emails().send(EmailSendParams.builder()
                .from("notifications@rabaislocal.com", "RabaisLocal").to("chloe@example.com")
                .to("ancien@example.com").subject("Vos rabais de la semaine").html("<p>Bonjour</p>").build());
        List<SuppressedRecipient> warned = partly.suppressedRecipients();
        for (SuppressedRecipient s : warned) {
            out.println(INDENT + partly.status() + ": " + Addresses.redact(s.email()) + " " + s.reasons()
                    + " (the others were sent, message id " + partly.messageId().orElse("-") + ")");
        }
        try {
            mailer.send(new WelcomeEmail("Ancien", "consumer", null), Recipient.of("ancien@example.com"));
        } catch (TransactionalEmailException e) {
            out.println(INDENT + "only that recipient: " + e.reason().code() + ", " + e.failureClass()
                    + " (do not retry)");
        }

        out.println("[4/4] A signed webhook event, verified; a tampered one refused");
        boolean verified = verifyWebhook(standIn, out);
        return new Result(Optional.ofNullable(welcome.messageId()), chunks.emailCount(), warned, verified);
    }

    private static boolean verifyWebhook(MailerSendStandIn standIn, PrintStream out) {
        Secret secret = Secret.of("example-webhook-signing-secret");
        MailerSendWebhooks hooks = MailerSendWebhooks.of(secret);
        EventDeduplicator seen = EventDeduplicator.inMemory(1000);
        List<MailerSendEvent> accepted = new CopyOnWriteArrayList<>();
        HttpServer receiver;
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/hooks/mailersend", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status;
            try {
                hooks.receive(body, n -> Optional.ofNullable(ex.getRequestHeaders().get(n)).orElse(List.of()), seen)
                        .ifPresent(accepted::add);
                status = 200;
            } catch (WebhookVerificationException refused) {
                status = 401;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/mailersend";
            MailerSendStandIn.SentEmail email = standIn.outbox().get(0);
            int ok = standIn.deliverEvent(url, secret, "activity.delivered", email);
            byte[] tampered = standIn.event("activity.delivered", email).put("type", "activity.clicked").toString()
                    .getBytes(StandardCharsets.UTF_8);
            int forged = standIn.deliverSigned(url, Secret.of("not-the-webhook-secret"), tampered);
            out.println(INDENT + "signed " + (accepted.isEmpty() ? "-" : accepted.get(0).type()) + " for message "
                    + email.messageId() + ": HTTP " + ok + "; wrongly signed: HTTP " + forged);
            return ok == 200 && forged == 401 && accepted.size() == 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            receiver.stop(0);
        }
    }

    static Result runLive(MailerSendClient client, String to, PrintStream out) {
        ApiQuota q = client.apiQuota().get();
        out.println("[1/2] API quota: " + q.remaining() + " of " + q.quota() + " requests left today");
        if (to == null || to.isBlank()) {
            out.println("[2/2] Set MAILERSEND_EXAMPLE_TO to a mailbox of yours to really send the welcome email");
            return new Result(Optional.empty(), 0, List.of(), false);
        }
        String domain = client.domain().orElse("rabaislocal.com");
        EmailSendResult r = client.emails().send(EmailSendParams.builder()
                .from("notifications@" + domain, "RabaisLocal").to(to).subject("Bienvenue sur RabaisLocal !")
                .html("<p>Bonjour, et bienvenue sur RabaisLocal.</p>").text("Bonjour, et bienvenue sur RabaisLocal.")
                .tags("welcome", "fr-CA", "example").build());
        out.println("[2/2] Welcome email to " + Addresses.redact(to) + ": " + r.status() + ", message id "
                + r.messageId().orElse("-"));
        return new Result(r.messageId(), 0, r.suppressedRecipients(), false);
    }
}
