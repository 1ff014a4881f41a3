package com.rabaislocal.sdk.monitoring.alerts;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import com.rabaislocal.sdk.mailersend.template.EmailLocale;
import com.rabaislocal.sdk.mailersend.template.NoticeEmail;
import com.rabaislocal.sdk.mailersend.template.TransactionalMailer;
import java.util.List;
import java.util.Objects;

/**
 * Sends alert emails (critical and warning) through sdk-mailersend, for {@link EmailAlertChannel}:
 * <ul>
 *   <li>{@link #viaTemplate(TransactionalMailer, EmailLocale, List)}: RabaisLocal's transactional template, as the
 *       {@link NoticeEmail generic notice} (standard variables, one log line and one audit event per alert email);</li>
 *   <li>{@link #plain(MailerSendClient, Recipient, List)}: a plain-text email with no template, for an
 *       operations team whose alerts must not depend on a template being published.</li>
 * </ul>
 * A failed send throws; {@link Alerts} logs it and goes on with its other channels. Immutable and thread-safe.
 */
public final class MailerSendAlertMailer implements EmailAlertChannel.AlertMailer {

    private final TransactionalMailer template;
    private final EmailLocale locale;
    private final MailerSendClient client;
    private final Recipient from;
    private final List<Recipient> to;

    private MailerSendAlertMailer(TransactionalMailer template, EmailLocale locale, MailerSendClient client,
                                  Recipient from, List<Recipient> to) {
        if (to == null || to.isEmpty()) {
            throw new ValidationException("to", "needs at least one alert recipient");
        }
        for (Recipient r : to) {
            String p = Addresses.problem(r == null ? null : r.email());
            if (p != null) {
                throw new ValidationException("to", "an alert recipient " + p);
            }
        }
        this.template = template;
        this.locale = locale;
        this.client = client;
        this.from = from;
        this.to = List.copyOf(to);
    }

    /**
     * Alerts as the transactional template's generic notice, one email per recipient.
     *
     * @param mailer the transactional template
     * @param locale the language of the alert emails
     * @param to who receives them (the seed's support address, an on-call list)
     * @return the mailer
     */
    public static MailerSendAlertMailer viaTemplate(TransactionalMailer mailer, EmailLocale locale,
                                                    List<Recipient> to) {
        return new MailerSendAlertMailer(Objects.requireNonNull(mailer, "mailer"),
                Objects.requireNonNull(locale, "locale"), null, null, to);
    }

    /**
     * Alerts as one plain-text email to every recipient.
     *
     * @param client the MailerSend client
     * @param from the sender, on the MailerSend domain
     * @param to the recipients (at most 50)
     * @return the mailer
     */
    public static MailerSendAlertMailer plain(MailerSendClient client, Recipient from, List<Recipient> to) {
        Objects.requireNonNull(client, "client");
        if (from == null || Addresses.problem(from.email()) != null) {
            throw new ValidationException("from", "needs a valid sender address");
        }
        return new MailerSendAlertMailer(null, null, client, from, to);
    }

    @Override
    public void send(String subject, String text, Alert alert) {
        if (template != null) {
            for (Recipient r : to) {
                template.send(new NoticeEmail(subject, text, null, null), r, locale, null);
            }
            return;
        }
        EmailSendParams.Builder b = EmailSendParams.builder().from(from.email(), from.name()).subject(subject)
                .text(text).tags("alert", alert.severity().name().toLowerCase(java.util.Locale.ROOT));
        to.forEach(r -> b.to(r.email(), r.name()));
        client.emails().send(b.build()).requireSent();
    }

    @Override
    public String toString() {
        return "MailerSendAlertMailer{" + (template != null ? "template" : "plain") + ", recipients=" + to.size() + '}';
    }
}
