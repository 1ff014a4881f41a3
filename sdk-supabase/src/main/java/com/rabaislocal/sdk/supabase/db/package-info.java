/**
 * The RabaisLocal database schema and the means to apply it.
 *
 * <p>The SQL migrations for the global tables (users, logs_audit, legal_consents, credits_packages,
 * credits_transactions, offers, ai_agents) ship inside this jar under {@code db/migrations/}, named
 * {@code XX_module_Y_description.sql}. Apply them with the Supabase CLI, with Flyway configured by {@link
 * com.rabaislocal.sdk.supabase.db.SupabaseMigrations} (Flyway is an optional dependency), or with Spring Boot's
 * Flyway support and the {@code spring.flyway.*} properties in {@code docs/DATABASE.md}. Tables, Row Level Security
 * policies and functions are described there too.
 */
package com.rabaislocal.sdk.supabase.db;
