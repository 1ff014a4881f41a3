package com.rabaislocal.sdk.mailersend.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every RabaisLocal email has, whatever its kind, so every template can greet, link and sign the
 * same way: {@code recipient_name}, {@code app_url}, {@code support_email}, {@code locale},
 * {@code unsubscribe_url} (empty for strictly transactional emails) and {@code platform_name}.
 *
 * @param recipientName the recipient's display name (their address's local part when no name is known)
 * @param appUrl the current environment's app URL
 * @param supportEmail the support address
 * @param locale the email's language
 * @param unsubscribeUrl the unsubscribe link, or null for a strictly transactional email
 * @param platformName {@code RabaisLocal}
 */
public record StandardVariables(String recipientName, String appUrl, String supportEmail, EmailLocale locale,
                                String unsubscribeUrl, String platformName) {

    /** The platform's name. */
    public static final String PLATFORM_NAME = "RabaisLocal";

    /** The names, in the order they are sent. */
    public static final java.util.List<String> NAMES = java.util.List.of("recipient_name", "app_url",
            "support_email", "locale", "unsubscribe_url", "platform_name");

    /** @return the variables as a template reads them */
    public Map<String, Object> toMap() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("recipient_name", recipientName);
        v.put("app_url", appUrl);
        v.put("support_email", supportEmail);
        v.put("locale", locale.tag());
        v.put("unsubscribe_url", unsubscribeUrl == null ? "" : unsubscribeUrl);
        v.put("platform_name", platformName);
        return v;
    }
}
