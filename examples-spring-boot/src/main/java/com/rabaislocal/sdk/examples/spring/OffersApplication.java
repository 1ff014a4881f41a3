package com.rabaislocal.sdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small RabaisLocal service on the Spring Boot starter: merchants create offers as themselves (their Supabase
 * access token, so Row Level Security applies, with the audit trail in {@code logs_audit}), MailerSend's events
 * arrive on a signed webhook, and {@code /actuator/health} reports Supabase, GoAffPro and Make. There is no wiring
 * code: the starter builds every client from the environment ({@code SUPABASE_URL}, ...).
 */
@SpringBootApplication
public class OffersApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(OffersApplication.class, args);
    }
}
