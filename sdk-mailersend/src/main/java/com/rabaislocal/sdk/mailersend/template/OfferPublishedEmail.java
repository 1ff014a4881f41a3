package com.rabaislocal.sdk.mailersend.template;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a merchant their offer is live.
 *
 * @param merchantName the merchant's business name
 * @param offerTitle the offer's title
 * @param offerUrl the offer's public page
 * @param publishedAt when it went live
 * @param expiresAt when it ends, after {@code publishedAt}
 */
public record OfferPublishedEmail(String merchantName, String offerTitle, String offerUrl, Instant publishedAt,
                                  Instant expiresAt) implements TransactionalEmail {

    /** Checks every value at once. */
    public OfferPublishedEmail {
        new Checks("offer published email").text("merchant_name", merchantName).text("offer_title", offerTitle)
                .url("offer_url", offerUrl, true).present("published_on", publishedAt)
                .present("expires_on", expiresAt)
                .that(publishedAt == null || expiresAt == null || expiresAt.isAfter(publishedAt), "expires_on",
                        "must be after published_on").done();
    }

    @Override
    public EmailKind kind() {
        return EmailKind.OFFER_PUBLISHED;
    }

    @Override
    public Map<String, Object> variables(EmailLocale locale) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("merchant_name", merchantName);
        v.put("offer_title", offerTitle);
        v.put("offer_url", offerUrl);
        v.put("published_on", locale.date(publishedAt));
        v.put("expires_on", locale.date(expiresAt));
        return v;
    }

    @Override
    public String subject(EmailLocale locale) {
        return locale.pick("Votre offre « " + offerTitle + " » est en ligne", "Your offer \"" + offerTitle
                + "\" is live");
    }
}
