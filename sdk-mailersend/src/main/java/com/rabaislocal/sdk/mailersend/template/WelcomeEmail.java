package com.rabaislocal.sdk.mailersend.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The welcome email, sent when an account is created.
 *
 * @param firstName the user's first name
 * @param accountType {@code consumer} or {@code merchant}
 * @param loginUrl where to sign in, or null for the app's URL
 */
public record WelcomeEmail(String firstName, String accountType, String loginUrl) implements TransactionalEmail {

    /** Checks every value at once. */
    public WelcomeEmail {
        new Checks("welcome email").text("first_name", firstName)
                .that("consumer".equals(accountType) || "merchant".equals(accountType), "account_type",
                        "must be consumer or merchant")
                .url("login_url", loginUrl, false).done();
    }

    @Override
    public EmailKind kind() {
        return EmailKind.WELCOME;
    }

    @Override
    public Map<String, Object> variables(EmailLocale locale) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("first_name", firstName);
        v.put("account_type", "merchant".equals(accountType) ? locale.pick("commerçant", "merchant")
                : locale.pick("membre", "member"));
        v.put("login_url", loginUrl == null ? "" : loginUrl);
        return v;
    }

    @Override
    public String subject(EmailLocale locale) {
        return locale.pick("Bienvenue sur RabaisLocal, " + firstName + " !", "Welcome to RabaisLocal, " + firstName
                + "!");
    }
}
