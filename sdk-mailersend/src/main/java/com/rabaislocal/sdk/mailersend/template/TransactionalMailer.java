package com.rabaislocal.sdk.mailersend.template;

import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.mailersend.MailerSendClient;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import com.rabaislocal.sdk.mailersend.emails.EmailSendResult;
import com.rabaislocal.sdk.mailersend.emails.Recipient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabaisLocal's transactional email template: every email goes through here, so every email has the same
 * standard variables, the same error handling and the same logging.
 *
 * <ul>
 *   <li><b>Variables.</b> The email's own variables plus the {@link StandardVariables}: the recipient's name, the
 *       environment's app URL, the support address, the locale, the unsubscribe link (only for emails that are not
 *       strictly transactional, with {@code List-Unsubscribe}) and the platform name. The template id comes from
 *       {@link TemplateIds} for the environment and locale; tags are the email's key, the locale and the
 *       environment.</li>
 *   <li><b>Errors.</b> Every failure is a {@link TransactionalEmailException}, permanent or transient
 *       ({@link EmailFailures}); "all recipients suppressed" is a permanent failure although MailerSend answers
 *       202.</li>
 *   <li><b>Logging.</b> One line per send on {@code com.rabaislocal.sdk.mailersend.template}: template, locale,
 *       environment, the recipient redacted ({@code c***@example.com}), outcome, message id or failure; never the
 *       subject or body. And one {@link AuditEvent} per send ({@code email_send} on entity {@code email}) through
 *       the given {@link AuditSink}; a failing sink is logged and never fails the send.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TransactionalMailer {

    /** The audit action of a send. */
    public static final String AUDIT_ACTION = "email_send";
    /** The audit entity type of a send. */
    public static final String AUDIT_ENTITY = "email";
    /** The default support address. */
    public static final String DEFAULT_SUPPORT_EMAIL = "support@rabaislocal.com";
    /** The default sender name. */
    public static final String DEFAULT_SENDER_NAME = StandardVariables.PLATFORM_NAME;

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.mailersend.template");

    private final MailerSendClient client;
    private final RabaisEnvironment environment;
    private final TemplateIds templateIds;
    private final Recipient sender;
    private final String supportEmail;
    private final AuditSink audit;
    private final Function<Recipient, String> unsubscribeUrl;
    private final Clock clock;

    private TransactionalMailer(Builder b) {
        this.client = b.client;
        this.environment = b.environment;
        this.templateIds = b.templateIds;
        this.sender = new Recipient(b.senderEmail, b.senderName);
        this.supportEmail = b.supportEmail;
        this.audit = b.audit;
        String app = environment.appUrl().toString();
        this.unsubscribeUrl = b.unsubscribeUrl != null ? b.unsubscribeUrl : r -> app + "/preferences/courriels";
        this.clock = b.clock;
    }

    /**
     * @param client the MailerSend client
     * @param environment the environment whose URLs and templates are used
     * @return a builder
     */
    public static Builder builder(MailerSendClient client, RabaisEnvironment environment) {
        return new Builder(client, environment);
    }

    /** @return the environment */
    public RabaisEnvironment environment() {
        return environment;
    }

    /**
     * The standard variables of one send.
     *
     * @param kind the email
     * @param to the recipient
     * @param locale the language
     * @return the variables
     */
    public StandardVariables standardVariables(EmailKind kind, Recipient to, EmailLocale locale) {
        String name = to.name() != null && !to.name().isBlank() ? to.name()
                : locale.pick("membre RabaisLocal", "RabaisLocal member");
        return new StandardVariables(name, environment.appUrl().toString(), supportEmail, locale,
                kind.strictlyTransactional() ? null : unsubscribeUrl.apply(to), StandardVariables.PLATFORM_NAME);
    }

    /**
     * Builds the MailerSend email of one send, without sending it.
     *
     * @param email the email and its values
     * @param to the recipient
     * @param locale the language
     * @return the params
     * @throws TransactionalEmailException when no template id is registered, or the address is invalid
     */
    public EmailSendParams params(TransactionalEmail email, Recipient to, EmailLocale locale) {
        EmailKind kind = email.kind();
        String templateId = templateIds.find(kind, environment, locale).orElseThrow(() ->
                new TransactionalEmailException(kind, FailureReason.CONFIGURATION, false, null,
                        new ValidationException("template_id", "no template id for " + kind.key() + " in "
                                + environment.id() + " (" + locale.tag() + ")")));
        StandardVariables standard = standardVariables(kind, to, locale);
        Map<String, Object> data = new LinkedHashMap<>(standard.toMap());
        data.putAll(email.variables(locale));
        EmailSendParams.Builder b = EmailSendParams.builder().from(sender.email(), sender.name())
                .to(to.email(), to.name()).templateId(templateId).subject(email.subject(locale))
                .personalization(to.email(), data).tags(kind.key(), locale.tag(), environment.id()).clock(clock);
        if (!kind.strictlyTransactional()) {
            b.listUnsubscribe("<" + standard.unsubscribeUrl() + ">");
        }
        try {
            return b.build();
        } catch (ValidationException e) {
            throw EmailFailures.classify(kind, e);
        }
    }

    /**
     * Sends an email in the default locale (Québec French), with no actor.
     *
     * @param email the email
     * @param to the recipient
     * @return what MailerSend accepted
     * @throws TransactionalEmailException classified permanent or transient
     */
    public TransactionalSendResult send(TransactionalEmail email, Recipient to) {
        return send(email, to, EmailLocale.defaultLocale(), null);
    }

    /**
     * Sends an email.
     *
     * @param email the email and its values
     * @param to the recipient
     * @param locale the language
     * @param actorId who caused it (a user id), for the audit event, or null for the platform
     * @return what MailerSend accepted
     * @throws TransactionalEmailException classified permanent or transient
     */
    public TransactionalSendResult send(TransactionalEmail email, Recipient to, EmailLocale locale, String actorId) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(locale, "locale");
        EmailKind kind = email.kind();
        String templateId = null;
        try {
            EmailSendParams params = params(email, to, locale);
            templateId = params.templateId().orElse(null);
            EmailSendResult r = client.emails().send(params).requireSent();
            TransactionalSendResult result = new TransactionalSendResult(kind, locale, templateId,
                    r.messageId().orElse(null), r.status(), r.suppressedRecipients(), r.rateLimit());
            String outcome = r.status() == EmailSendResult.Status.PARTLY_SUPPRESSED ? "partly_suppressed" : "sent";
            LOG.info("email template={} locale={} env={} to={} outcome={} message_id={}", kind.key(), locale.tag(),
                    environment.id(), Addresses.redact(to.email()), outcome, result.messageId());
            audit(kind, locale, to, actorId, outcome, result.messageId(), null, templateId);
            return result;
        } catch (RuntimeException e) {
            TransactionalEmailException f = EmailFailures.classify(kind, e);
            LOG.warn("email template={} locale={} env={} to={} outcome=failed reason={} class={} possibly_sent={}",
                    kind.key(), locale.tag(), environment.id(), Addresses.redact(to.email()), f.reason().code(),
                    f.failureClass().name().toLowerCase(java.util.Locale.ROOT), f.possiblySent());
            audit(kind, locale, to, actorId, "failed", null, f, templateId);
            throw f;
        }
    }

    private void audit(EmailKind kind, EmailLocale locale, Recipient to, String actorId, String outcome,
                       String messageId, TransactionalEmailException failure, String templateId) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("template", kind.key());
        after.put("template_id", templateId);
        after.put("locale", locale.tag());
        after.put("environment", environment.id());
        after.put("recipient", Addresses.redact(to.email()));
        after.put("outcome", outcome);
        after.put("message_id", messageId);
        if (failure != null) {
            after.put("failure_reason", failure.reason().code());
            after.put("failure_class", failure.failureClass().name().toLowerCase(java.util.Locale.ROOT));
            after.put("possibly_sent", failure.possiblySent());
        }
        try {
            AuditEvent event = AuditEvent.builder().occurredAt(clock.instant()).action(AUDIT_ACTION)
                    .entityType(AUDIT_ENTITY).entityId(messageId).actorId(actorId)
                    .actorRole(actorId == null ? "system" : null).changes(AuditChanges.of(Map.of(), after)).build();
            audit.write(event);
        } catch (RuntimeException e) {
            // The email's fate is decided; a lost audit event is reported, not turned into a failed send.
            LOG.warn("email template={} audit event not written: {}", kind.key(), e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "TransactionalMailer{environment=" + environment.id() + ", sender="
                + Addresses.redact(sender.email()) + ", templates=" + templateIds + '}';
    }

    /** Builds a {@link TransactionalMailer}; {@link #build()} checks every setting at once. */
    public static final class Builder {
        private final MailerSendClient client;
        private final RabaisEnvironment environment;
        private TemplateIds templateIds;
        private String senderEmail;
        private String senderName = DEFAULT_SENDER_NAME;
        private String supportEmail = DEFAULT_SUPPORT_EMAIL;
        private AuditSink audit;
        private Function<Recipient, String> unsubscribeUrl;
        private Clock clock = Clock.systemUTC();
        private boolean requireAllTemplates = true;

        private Builder(MailerSendClient client, RabaisEnvironment environment) {
            this.client = client;
            this.environment = environment;
            if (client != null) {
                this.senderEmail = "notifications@" + client.domain().orElse("rabaislocal.com");
            }
        }

        /**
         * @param templateIds the template of each email per environment and locale
         * @return this builder
         */
        public Builder templateIds(TemplateIds templateIds) {
            this.templateIds = templateIds;
            return this;
        }

        /**
         * @param email the sender address, on the MailerSend domain; default {@code notifications@<domain>}
         * @param name the sender name; default {@code RabaisLocal}
         * @return this builder
         */
        public Builder sender(String email, String name) {
            this.senderEmail = email;
            this.senderName = name;
            return this;
        }

        /**
         * @param supportEmail the address in {@code support_email}; default {@value #DEFAULT_SUPPORT_EMAIL}
         * @return this builder
         */
        public Builder supportEmail(String supportEmail) {
            this.supportEmail = supportEmail;
            return this;
        }

        /**
         * @param audit where the send events go (a {@link com.rabaislocal.sdk.core.audit.BatchingAuditSink} in
         *     production); required
         * @return this builder
         */
        public Builder audit(AuditSink audit) {
            this.audit = audit;
            return this;
        }

        /**
         * @param unsubscribeUrl the unsubscribe link of a recipient; default the app's email preferences page
         *     ({@code <app URL>/preferences/courriels})
         * @return this builder
         */
        public Builder unsubscribeUrl(Function<Recipient, String> unsubscribeUrl) {
            this.unsubscribeUrl = unsubscribeUrl;
            return this;
        }

        /**
         * @param clock the clock of audit events and {@code send_at} checks; default UTC
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @param require whether {@link #build()} insists on a template id for every email in both locales in the
         *     environment (default true, so a missing one is found at start-up, not at the first send)
         * @return this builder
         */
        public Builder requireAllTemplates(boolean require) {
            this.requireAllTemplates = require;
            return this;
        }

        /**
         * @return the mailer
         * @throws ValidationException listing every missing or invalid setting
         */
        public TransactionalMailer build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (client == null) {
                errors.put("client", List.of("is required"));
            }
            if (environment == null) {
                errors.put("environment", List.of("is required"));
            }
            if (templateIds == null) {
                errors.put("templateIds", List.of("is required"));
            } else if (requireAllTemplates && environment != null && !templateIds.missing(environment).isEmpty()) {
                errors.put("templateIds", List.of("missing " + templateIds.missing(environment)));
            }
            String p = Addresses.problem(senderEmail);
            if (p != null) {
                errors.put("sender", List.of(p));
            }
            String s = Addresses.problem(supportEmail);
            if (s != null) {
                errors.put("supportEmail", List.of(s));
            }
            if (audit == null) {
                errors.put("audit", List.of("is required (every send is audited)"));
            }
            if (clock == null) {
                errors.put("clock", List.of("must not be null"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("transactional mailer", errors);
            }
            return new TransactionalMailer(this);
        }
    }
}
