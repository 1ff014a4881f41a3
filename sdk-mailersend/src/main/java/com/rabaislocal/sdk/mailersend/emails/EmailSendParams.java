package com.rabaislocal.sdk.mailersend.emails;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One email for {@code POST /v1/email} (and one element of a bulk send). Immutable; built with {@link #builder()},
 * whose {@link Builder#build()} checks every documented limit before any request and throws one
 * {@link ValidationException} listing every failing field, named by its wire path ({@code to.3.email},
 * {@code personalization.0.data.user.name}).
 *
 * <p>The limits (MailerSend's docs and its official SDKs' own checks): {@code to} 1 to 50 recipients; {@code cc}
 * and {@code bcc} at most 10 each; {@code subject} at most 998 characters; at least one of {@code text},
 * {@code html} and {@code template_id}; {@code from} and {@code subject} required unless a template is used (it may
 * carry both); {@code tags} at most 5 of at most 191 characters; {@code send_at} between now and now + 72 hours;
 * {@code in_reply_to} at most 998 characters; {@code list_unsubscribe} at most 990; {@code personalization} keys
 * without dots, at any depth (MailerSend refuses dot notation with a 422); an inline attachment needs its content
 * id.
 *
 * <p>{@link #toString()} masks every address and never shows the subject or a body.
 */
public final class EmailSendParams {

    /** The most {@code to} recipients of one email. */
    public static final int MAX_TO = 50;
    /** The most {@code cc} (and, separately, {@code bcc}) recipients of one email. */
    public static final int MAX_CC = 10;
    /** The most tags of one email. */
    public static final int MAX_TAGS = 5;
    /** The longest tag. */
    public static final int MAX_TAG_LENGTH = 191;
    /** The longest subject and {@code in_reply_to}. */
    public static final int MAX_SUBJECT_LENGTH = 998;
    /** The longest {@code list_unsubscribe} value. */
    public static final int MAX_LIST_UNSUBSCRIBE_LENGTH = 990;
    /** How far ahead {@code send_at} may be. */
    public static final Duration MAX_SCHEDULE = Duration.ofHours(72);

    private final Recipient from;
    private final List<Recipient> to;
    private final List<Recipient> cc;
    private final List<Recipient> bcc;
    private final Recipient replyTo;
    private final String subject;
    private final String text;
    private final String html;
    private final String templateId;
    private final Map<String, Map<String, Object>> personalization;
    private final List<String> tags;
    private final Instant sendAt;
    private final List<Attachment> attachments;
    private final String inReplyTo;
    private final List<String> references;
    private final Boolean precedenceBulk;
    private final EmailSettings settings;
    private final Map<String, String> headers;
    private final String listUnsubscribe;

    private EmailSendParams(Builder b) {
        this.from = b.from;
        this.to = List.copyOf(b.to);
        this.cc = List.copyOf(b.cc);
        this.bcc = List.copyOf(b.bcc);
        this.replyTo = b.replyTo;
        this.subject = b.subject;
        this.text = b.text;
        this.html = b.html;
        this.templateId = b.templateId;
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        b.personalization.forEach((k, v) -> p.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.personalization = Collections.unmodifiableMap(p);
        this.tags = List.copyOf(b.tags);
        this.sendAt = b.sendAt;
        this.attachments = List.copyOf(b.attachments);
        this.inReplyTo = b.inReplyTo;
        this.references = List.copyOf(b.references);
        this.precedenceBulk = b.precedenceBulk;
        this.settings = b.settings;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.listUnsubscribe = b.listUnsubscribe;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.to.addAll(to);
        b.cc.addAll(cc);
        b.bcc.addAll(bcc);
        b.replyTo = replyTo;
        b.subject = subject;
        b.text = text;
        b.html = html;
        b.templateId = templateId;
        personalization.forEach((k, v) -> b.personalization.put(k, new LinkedHashMap<>(v)));
        b.tags.addAll(tags);
        b.sendAt = sendAt;
        b.attachments.addAll(attachments);
        b.inReplyTo = inReplyTo;
        b.references.addAll(references);
        b.precedenceBulk = precedenceBulk;
        b.settings = settings;
        b.headers.putAll(headers);
        b.listUnsubscribe = listUnsubscribe;
        return b;
    }

    /** @return the sender, empty when the template's default sender is used */
    public Optional<Recipient> from() {
        return Optional.ofNullable(from);
    }

    /** @return the recipients, 1 to 50 */
    public List<Recipient> to() {
        return to;
    }

    /** @return the copy recipients */
    public List<Recipient> cc() {
        return cc;
    }

    /** @return the blind-copy recipients */
    public List<Recipient> bcc() {
        return bcc;
    }

    /** @return the reply-to address */
    public Optional<Recipient> replyTo() {
        return Optional.ofNullable(replyTo);
    }

    /** @return the subject, empty when the template's is used */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return the plain-text body */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** @return the HTML body */
    public Optional<String> html() {
        return Optional.ofNullable(html);
    }

    /** @return the MailerSend template id */
    public Optional<String> templateId() {
        return Optional.ofNullable(templateId);
    }

    /** @return recipient address to its template variables, in order */
    public Map<String, Map<String, Object>> personalization() {
        return personalization;
    }

    /** @return the tags */
    public List<String> tags() {
        return tags;
    }

    /** @return when MailerSend is to send it, empty for now */
    public Optional<Instant> sendAt() {
        return Optional.ofNullable(sendAt);
    }

    /** @return the attachments */
    public List<Attachment> attachments() {
        return attachments;
    }

    /** @return the custom headers, name to value */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return every recipient address (to, cc, bcc), in order */
    public List<String> recipientAddresses() {
        List<String> all = new ArrayList<>();
        to.forEach(r -> all.add(r.email()));
        cc.forEach(r -> all.add(r.email()));
        bcc.forEach(r -> all.add(r.email()));
        return all;
    }

    /**
     * The request body, in MailerSend's field names and in a stable order.
     *
     * @return the JSON object as a map
     */
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (from != null) {
            m.put("from", address(from));
        }
        m.put("to", addresses(to));
        if (!cc.isEmpty()) {
            m.put("cc", addresses(cc));
        }
        if (!bcc.isEmpty()) {
            m.put("bcc", addresses(bcc));
        }
        if (replyTo != null) {
            m.put("reply_to", address(replyTo));
        }
        putIf(m, "subject", subject);
        putIf(m, "text", text);
        putIf(m, "html", html);
        putIf(m, "template_id", templateId);
        if (!personalization.isEmpty()) {
            List<Map<String, Object>> p = new ArrayList<>();
            personalization.forEach((email, data) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("email", email);
                one.put("data", data);
                p.add(one);
            });
            m.put("personalization", p);
        }
        if (!tags.isEmpty()) {
            m.put("tags", tags);
        }
        if (sendAt != null) {
            m.put("send_at", sendAt.getEpochSecond());
        }
        if (!attachments.isEmpty()) {
            List<Map<String, Object>> a = new ArrayList<>();
            for (Attachment at : attachments) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("content", at.base64());
                one.put("filename", at.filename());
                one.put("disposition", at.disposition().wire());
                if (at.id() != null) {
                    one.put("id", at.id());
                }
                a.add(one);
            }
            m.put("attachments", a);
        }
        putIf(m, "in_reply_to", inReplyTo);
        if (!references.isEmpty()) {
            m.put("references", references);
        }
        if (precedenceBulk != null) {
            m.put("precedence_bulk", precedenceBulk);
        }
        if (settings != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            putIf(s, "track_clicks", settings.trackClicks());
            putIf(s, "track_opens", settings.trackOpens());
            putIf(s, "track_content", settings.trackContent());
            m.put("settings", s);
        }
        if (!headers.isEmpty()) {
            List<Map<String, String>> h = new ArrayList<>();
            headers.forEach((k, v) -> {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("name", k);
                one.put("value", v);
                h.add(one);
            });
            m.put("headers", h);
        }
        putIf(m, "list_unsubscribe", listUnsubscribe);
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static Map<String, Object> address(Recipient r) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("email", r.email());
        if (r.name() != null) {
            a.put("name", r.name());
        }
        return a;
    }

    private static List<Map<String, Object>> addresses(List<Recipient> rs) {
        List<Map<String, Object>> out = new ArrayList<>(rs.size());
        for (Recipient r : rs) {
            out.add(address(r));
        }
        return out;
    }

    @Override
    public String toString() {
        return "EmailSendParams{from=" + (from == null ? "template default" : Addresses.redact(from.email()))
                + ", to=" + to.size() + " recipient(s), cc=" + cc.size() + ", bcc=" + bcc.size()
                + (templateId == null ? "" : ", templateId=" + templateId) + ", tags=" + tags
                + (sendAt == null ? "" : ", sendAt=" + sendAt) + ", attachments=" + attachments.size() + '}';
    }

    /**
     * Builds {@link EmailSendParams}; {@link #build()} checks everything at once.
     */
    public static final class Builder {
        private Recipient from;
        private final List<Recipient> to = new ArrayList<>();
        private final List<Recipient> cc = new ArrayList<>();
        private final List<Recipient> bcc = new ArrayList<>();
        private Recipient replyTo;
        private String subject;
        private String text;
        private String html;
        private String templateId;
        private final Map<String, Map<String, Object>> personalization = new LinkedHashMap<>();
        private final List<String> tags = new ArrayList<>();
        private Instant sendAt;
        private final List<Attachment> attachments = new ArrayList<>();
        private String inReplyTo;
        private final List<String> references = new ArrayList<>();
        private Boolean precedenceBulk;
        private EmailSettings settings;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String listUnsubscribe;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param email the sender's address, on a domain verified in MailerSend
         * @param name the display name, or null
         * @return this builder
         */
        public Builder from(String email, String name) {
            this.from = new Recipient(email, name);
            return this;
        }

        /**
         * @param email the sender's address
         * @return this builder
         */
        public Builder from(String email) {
            return from(email, null);
        }

        /**
         * Adds a recipient.
         *
         * @param email the address
         * @param name the display name, or null
         * @return this builder
         */
        public Builder to(String email, String name) {
            to.add(new Recipient(email, name));
            return this;
        }

        /**
         * Adds a recipient.
         *
         * @param email the address
         * @return this builder
         */
        public Builder to(String email) {
            return to(email, null);
        }

        /**
         * Adds recipients.
         *
         * @param recipients the recipients
         * @return this builder
         */
        public Builder to(List<Recipient> recipients) {
            to.addAll(recipients);
            return this;
        }

        /**
         * Adds a copy recipient.
         *
         * @param email the address
         * @param name the display name, or null
         * @return this builder
         */
        public Builder cc(String email, String name) {
            cc.add(new Recipient(email, name));
            return this;
        }

        /**
         * Adds a blind-copy recipient.
         *
         * @param email the address
         * @param name the display name, or null
         * @return this builder
         */
        public Builder bcc(String email, String name) {
            bcc.add(new Recipient(email, name));
            return this;
        }

        /**
         * @param email the reply-to address
         * @param name the display name, or null
         * @return this builder
         */
        public Builder replyTo(String email, String name) {
            this.replyTo = new Recipient(email, name);
            return this;
        }

        /**
         * @param subject at most 998 characters; may be left out when the template has a default subject
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * @param text the plain-text body
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * @param html the HTML body
         * @return this builder
         */
        public Builder html(String html) {
            this.html = html;
            return this;
        }

        /**
         * @param templateId a MailerSend template id; its variables come from {@link #personalization}
         * @return this builder
         */
        public Builder templateId(String templateId) {
            this.templateId = templateId;
            return this;
        }

        /**
         * Sets one recipient's template variables ({@code {{ name }}} in the template), merged with any set
         * before for the same address.
         *
         * @param email the recipient's address
         * @param data variable name to value (strings, numbers, booleans, lists, nested maps); names without dots
         * @return this builder
         */
        public Builder personalization(String email, Map<String, ?> data) {
            personalization.computeIfAbsent(email, k -> new LinkedHashMap<>()).putAll(data);
            return this;
        }

        /**
         * Adds tags.
         *
         * @param tags at most 5 in all, each at most 191 characters
         * @return this builder
         */
        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        /**
         * @param sendAt when MailerSend is to send it, within the next 72 hours; null for now
         * @return this builder
         */
        public Builder sendAt(Instant sendAt) {
            this.sendAt = sendAt;
            return this;
        }

        /**
         * Adds an attachment.
         *
         * @param attachment a file or an inline image
         * @return this builder
         */
        public Builder attachment(Attachment attachment) {
            attachments.add(attachment);
            return this;
        }

        /**
         * @param inReplyTo the {@code Message-ID} this email answers, at most 998 characters
         * @return this builder
         */
        public Builder inReplyTo(String inReplyTo) {
            this.inReplyTo = inReplyTo;
            return this;
        }

        /**
         * Adds {@code References} message ids.
         *
         * @param messageIds the ids
         * @return this builder
         */
        public Builder references(String... messageIds) {
            references.addAll(List.of(messageIds));
            return this;
        }

        /**
         * @param precedenceBulk true to mark the email {@code Precedence: bulk}; null leaves the domain's setting
         * @return this builder
         */
        public Builder precedenceBulk(Boolean precedenceBulk) {
            this.precedenceBulk = precedenceBulk;
            return this;
        }

        /**
         * @param settings the tracking settings, or null for the domain's
         * @return this builder
         */
        public Builder settings(EmailSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Adds a custom header.
         *
         * @param name the header name, e.g. {@code X-Rabais-Campaign}
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * @param listUnsubscribe the {@code List-Unsubscribe} value, e.g. {@code <https://.../unsubscribe>}, at
         *     most 990 characters
         * @return this builder
         */
        public Builder listUnsubscribe(String listUnsubscribe) {
            this.listUnsubscribe = listUnsubscribe;
            return this;
        }

        /**
         * Sets the clock {@code send_at} is checked against (tests).
         *
         * @param clock the clock; default the system's UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Checks every limit and builds the params.
         *
         * @return the params
         * @throws ValidationException listing every failing field at once
         */
        public EmailSendParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            boolean template = templateId != null && !templateId.isBlank();
            if (from == null) {
                if (!template) {
                    add(errors, "from", "is required unless a template with a default sender is used");
                }
            } else {
                checkAddress(errors, "from.email", from.email());
            }
            if (to.isEmpty()) {
                add(errors, "to", "needs at least one recipient");
            } else if (to.size() > MAX_TO) {
                add(errors, "to", "has " + to.size() + " recipients; at most " + MAX_TO);
            }
            checkAll(errors, "to", to);
            if (cc.size() > MAX_CC) {
                add(errors, "cc", "has " + cc.size() + " recipients; at most " + MAX_CC);
            }
            checkAll(errors, "cc", cc);
            if (bcc.size() > MAX_CC) {
                add(errors, "bcc", "has " + bcc.size() + " recipients; at most " + MAX_CC);
            }
            checkAll(errors, "bcc", bcc);
            if (replyTo != null) {
                checkAddress(errors, "reply_to.email", replyTo.email());
            }
            if (subject == null || subject.isBlank()) {
                if (!template) {
                    add(errors, "subject", "is required unless a template with a default subject is used");
                }
            } else if (subject.length() > MAX_SUBJECT_LENGTH) {
                add(errors, "subject", "has " + subject.length() + " characters; at most " + MAX_SUBJECT_LENGTH);
            }
            if (isBlank(text) && isBlank(html) && !template) {
                add(errors, "text", "one of text, html or template_id is required");
            }
            if (templateId != null && templateId.isBlank()) {
                add(errors, "template_id", "must not be blank");
            }
            int i = 0;
            for (Map.Entry<String, Map<String, Object>> p : personalization.entrySet()) {
                String base = "personalization." + i++;
                checkAddress(errors, base + ".email", p.getKey());
                checkKeys(errors, base + ".data", p.getValue());
            }
            if (tags.size() > MAX_TAGS) {
                add(errors, "tags", "has " + tags.size() + " tags; at most " + MAX_TAGS);
            }
            for (int t = 0; t < tags.size(); t++) {
                String tag = tags.get(t);
                if (isBlank(tag)) {
                    add(errors, "tags." + t, "must not be blank");
                } else if (tag.length() > MAX_TAG_LENGTH) {
                    add(errors, "tags." + t, "has " + tag.length() + " characters; at most " + MAX_TAG_LENGTH);
                }
            }
            if (sendAt != null) {
                Instant now = clock.instant();
                if (sendAt.isBefore(now.minusSeconds(1))) {
                    add(errors, "send_at", "is in the past (" + sendAt + ")");
                } else if (sendAt.isAfter(now.plus(MAX_SCHEDULE))) {
                    add(errors, "send_at", "is more than 72 hours ahead (" + sendAt + ")");
                }
            }
            for (int a = 0; a < attachments.size(); a++) {
                Attachment at = attachments.get(a);
                String base = "attachments." + a;
                if (at == null) {
                    add(errors, base, "must not be null");
                    continue;
                }
                if (at.content() == null || at.content().length == 0) {
                    add(errors, base + ".content", "must not be empty");
                }
                if (isBlank(at.filename())) {
                    add(errors, base + ".filename", "is required");
                }
                if (at.disposition() == null) {
                    add(errors, base + ".disposition", "is required (attachment or inline)");
                } else if (at.disposition() == Attachment.Disposition.INLINE && isBlank(at.id())) {
                    add(errors, base + ".id", "is required for an inline attachment (the cid the HTML uses)");
                }
            }
            if (inReplyTo != null && inReplyTo.length() > MAX_SUBJECT_LENGTH) {
                add(errors, "in_reply_to", "has " + inReplyTo.length() + " characters; at most "
                        + MAX_SUBJECT_LENGTH);
            }
            for (int r = 0; r < references.size(); r++) {
                if (isBlank(references.get(r))) {
                    add(errors, "references." + r, "must not be blank");
                }
            }
            int h = 0;
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (isBlank(e.getKey()) || e.getValue() == null) {
                    add(errors, "headers." + h, "needs a name and a value");
                }
                h++;
            }
            if (listUnsubscribe != null && listUnsubscribe.length() > MAX_LIST_UNSUBSCRIBE_LENGTH) {
                add(errors, "list_unsubscribe", "has " + listUnsubscribe.length() + " characters; at most "
                        + MAX_LIST_UNSUBSCRIBE_LENGTH);
            }
            if (clock == null) {
                add(errors, "clock", "must not be null");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("email", errors);
            }
            return new EmailSendParams(this);
        }

        private static void checkAll(Map<String, List<String>> errors, String field, List<Recipient> rs) {
            for (int i = 0; i < rs.size(); i++) {
                Recipient r = rs.get(i);
                checkAddress(errors, field + "." + i + ".email", r == null ? null : r.email());
            }
        }

        private static void checkAddress(Map<String, List<String>> errors, String field, String email) {
            String problem = Addresses.problem(email);
            if (problem != null) {
                add(errors, field, problem);
            }
        }

        @SuppressWarnings("unchecked")
        private static void checkKeys(Map<String, List<String>> errors, String path, Map<?, ?> data) {
            for (Map.Entry<?, ?> e : data.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (e.getKey() == null || key.isBlank()) {
                    add(errors, path, "has a blank variable name");
                } else if (key.contains(".")) {
                    add(errors, path + "." + key, "variable names must not use dot notation; nest a map instead");
                }
                if (e.getValue() instanceof Map) {
                    checkKeys(errors, path + "." + key, (Map<?, ?>) e.getValue());
                } else if (e.getValue() instanceof List) {
                    int i = 0;
                    for (Object item : (List<Object>) e.getValue()) {
                        if (item instanceof Map) {
                            checkKeys(errors, path + "." + key + "." + i, (Map<?, ?>) item);
                        }
                        i++;
                    }
                }
            }
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private static void add(Map<String, List<String>> errors, String field, String message) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        }
    }
}
