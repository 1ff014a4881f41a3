package com.rabaislocal.sdk.mailersend.template;

import java.util.Map;

/**
 * One of RabaisLocal's emails with its own variables. The registered ones are {@link WelcomeEmail},
 * {@link CreditsReceiptEmail}, {@link OfferPublishedEmail}, {@link OfferExpiringEmail},
 * {@link ConsentRecordedEmail} and {@link NoticeEmail}; {@link TransactionalMailer} adds the
 * {@link StandardVariables standard variables} and sends it through its MailerSend template.
 */
public interface TransactionalEmail {

    /** @return which registered email this is, with its template key and whether it is strictly transactional */
    EmailKind kind();

    /**
     * The email's own variables, as its template reads them ({@code {{ offer_title }}}); names are snake_case
     * without dots, values already formatted for the locale.
     *
     * @param locale the language of this send
     * @return variable name to value, in a stable order
     */
    Map<String, Object> variables(EmailLocale locale);

    /**
     * @param locale the language
     * @return the subject sent with the template (a template's own subject may use the same variables)
     */
    String subject(EmailLocale locale);
}
