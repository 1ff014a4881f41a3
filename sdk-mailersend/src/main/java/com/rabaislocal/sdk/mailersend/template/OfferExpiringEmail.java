package com.rabaislocal.sdk.mailersend.template;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reminds a user that an offer they follow ends soon. Not strictly transactional: it carries an unsubscribe link.
 *
 * @param offerTitle the offer's title
 * @param merchantName the merchant's name
 * @param offerUrl the offer's page
 * @param expiresAt when it ends
 * @param now the moment of sending, for the days left
 */
public record OfferExpiringEmail(String offerTitle, String merchantName, String offerUrl, Instant expiresAt,
                                 Instant now) implements TransactionalEmail {

    /** Checks every value at once. */
    public OfferExpiringEmail {
        new Checks("offer expiring email").text("offer_title", offerTitle).text("merchant_name", merchantName)
                .url("offer_url", offerUrl, true).present("expires_on", expiresAt).present("now", now)
                .that(expiresAt == null || now == null || expiresAt.isAfter(now), "expires_on",
                        "must be in the future").done();
    }

    /** @return whole days left, at least 0 */
    public long daysLeft() {
        return Math.max(0, Duration.between(now, expiresAt).toDays());
    }

    @Override
    public EmailKind kind() {
        return EmailKind.OFFER_EXPIRING;
    }

    @Override
    public Map<String, Object> variables(EmailLocale locale) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("offer_title", offerTitle);
        v.put("merchant_name", merchantName);
        v.put("offer_url", offerUrl);
        v.put("expires_on", locale.date(expiresAt));
        v.put("days_left", daysLeft());
        return v;
    }

    @Override
    public String subject(EmailLocale locale) {
        long d = daysLeft();
        return d == 0 ? locale.pick("Dernier jour : " + offerTitle, "Last day: " + offerTitle)
                : locale.pick("Plus que " + d + " jour" + (d > 1 ? "s" : "") + " : " + offerTitle,
                        d + " day" + (d > 1 ? "s" : "") + " left: " + offerTitle);
    }
}
