package com.rabaislocal.sdk.mailersend.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The languages RabaisLocal writes its emails in: Québec French first, Canadian English second. Dates and amounts
 * are formatted the way each reads them, in Montréal's time zone.
 */
public enum EmailLocale {
    /** Québec French, the default: {@code 2 décembre 2026}, {@code 12,50 $}. */
    FR_CA("fr-CA", Locale.CANADA_FRENCH),
    /** Canadian English: {@code December 2, 2026}, {@code $12.50}. */
    EN_CA("en-CA", Locale.CANADA);

    /** The time zone dates are shown in. */
    public static final ZoneId ZONE = ZoneId.of("America/Montreal");

    private final String tag;
    private final Locale locale;

    EmailLocale(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** @return the default locale, {@link #FR_CA} */
    public static EmailLocale defaultLocale() {
        return FR_CA;
    }

    /**
     * @param tag {@code fr-CA}, {@code en-CA}, {@code fr} or {@code en}, any case; null or blank for the default
     * @return the locale; an unknown tag gives the default (French), since every user can read it
     */
    public static EmailLocale of(String tag) {
        if (tag == null || tag.isBlank()) {
            return FR_CA;
        }
        return tag.strip().toLowerCase(Locale.ROOT).startsWith("en") ? EN_CA : FR_CA;
    }

    /** @return the BCP 47 tag, e.g. {@code fr-CA} */
    public String tag() {
        return tag;
    }

    /** @return the JDK locale */
    public Locale locale() {
        return locale;
    }

    /**
     * @param instant a moment
     * @return its date, long form, in Montréal
     */
    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE).format(instant);
    }

    /**
     * @param amount an amount in Canadian dollars
     * @return it formatted as money, e.g. {@code 12,50 $} or {@code $12.50}
     */
    public String money(BigDecimal amount) {
        // Written out rather than taken from the JDK's locale data, whose French Canadian currency symbol and
        // spaces vary between releases ("$", "$ CA", narrow no-break spaces).
        java.text.DecimalFormatSymbols sym = new java.text.DecimalFormatSymbols(Locale.ROOT);
        sym.setDecimalSeparator(this == FR_CA ? ',' : '.');
        sym.setGroupingSeparator(this == FR_CA ? ' ' : ',');
        String n = new java.text.DecimalFormat("#,##0.00", sym).format(amount.setScale(2,
                java.math.RoundingMode.HALF_UP).abs());
        String sign = amount.signum() < 0 ? "-" : "";
        return this == FR_CA ? sign + n + " $" : sign + "$" + n;
    }

    /**
     * @param french the French text
     * @param english the English text
     * @return the one for this locale
     */
    public String pick(String french, String english) {
        return this == FR_CA ? french : english;
    }
}
