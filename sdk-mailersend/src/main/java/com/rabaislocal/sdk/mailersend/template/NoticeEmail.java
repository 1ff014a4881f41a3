package com.rabaislocal.sdk.mailersend.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic notice: a title, a message in plain text and an optional action link. Monitoring alerts use it.
 *
 * @param title the title, also the subject
 * @param message the text
 * @param actionUrl a link to act on it, or null
 * @param actionLabel the link's label, or null
 */
public record NoticeEmail(String title, String message, String actionUrl, String actionLabel)
        implements TransactionalEmail {

    /** Checks every value at once. */
    public NoticeEmail {
        new Checks("notice email").text("title", title).text("message", message).url("action_url", actionUrl, false)
                .that(actionUrl == null || (actionLabel != null && !actionLabel.isBlank()), "action_label",
                        "is required with action_url").done();
    }

    /**
     * @param title the title
     * @param message the text
     * @return a notice without a link
     */
    public static NoticeEmail of(String title, String message) {
        return new NoticeEmail(title, message, null, null);
    }

    @Override
    public EmailKind kind() {
        return EmailKind.NOTICE;
    }

    @Override
    public Map<String, Object> variables(EmailLocale locale) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("message", message);
        v.put("action_url", actionUrl == null ? "" : actionUrl);
        v.put("action_label", actionLabel == null ? "" : actionLabel);
        return v;
    }

    @Override
    public String subject(EmailLocale locale) {
        return title;
    }
}
