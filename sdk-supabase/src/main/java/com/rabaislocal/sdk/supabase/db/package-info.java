/**
 * The RabaisLocal database schema and the means to apply it.
 *
 * <p>The SQL migrations for the global tables (users, logs_audit, legal_consents, credits_packages,
 * credits_transactions, offers, ai_agents) ship inside this jar under {@code db/migrations/}, listed in
 * {@code db/migrations/INDEX}. Apply them with the Supabase CLI, or from Java with {@link
 * com.rabaislocal.sdk.supabase.db.MigrationRunner}, which records each applied file and its SHA-256 checksum. Tables,
 * Row Level Security policies and functions are described in {@code docs/DATABASE.md}.
 */
package com.rabaislocal.sdk.supabase.db;
