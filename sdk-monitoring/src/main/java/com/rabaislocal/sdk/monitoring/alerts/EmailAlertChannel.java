package com.rabaislocal.sdk.monitoring.alerts;

import java.util.Objects;

/**
 * Sends critical and warning alerts by email, as the seed asks, through a mailer (sdk-mailersend's transactional
 * template in RabaisLocal's services: its generic notice email).
 */
public final class EmailAlertChannel implements AlertChannel {

    /** Sends one alert email; implemented over the application's email client. */
    @FunctionalInterface
    public interface AlertMailer {
        /**
         * Sends the alert.
         *
         * @param subject e.g. {@code [CRITICAL] FIRING database-down}
         * @param text the body in plain text: the summary, since when, and what was measured
         * @param alert the alert
         */
        void send(String subject, String text, Alert alert);
    }

    private final AlertMailer mailer;

    /**
     * Creates the channel.
     *
     * @param mailer sends the email
     */
    public EmailAlertChannel(AlertMailer mailer) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Alert alert) {
        String subject = "[" + alert.severity() + "] " + alert.kind() + " " + alert.rule();
        String text = alert.summary() + "\nSince: " + alert.startedAt() + "\nAt: " + alert.at() + "\n";
        mailer.send(subject, text, alert);
    }
}
