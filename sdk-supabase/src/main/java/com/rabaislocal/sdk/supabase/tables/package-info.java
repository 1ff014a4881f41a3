/**
 * Typed rows of RabaisLocal's global tables ({@code users}, {@code logs_audit}, {@code legal_consents},
 * {@code credits_packages}, {@code credits_transactions}, {@code offers}, {@code ai_agents}), as immutable Java
 * records whose JSON names are the column names (snake_case). Unknown columns are ignored when reading, so a column
 * added to a table later does not break older services.
 *
 * <p>A {@code null} component means "not set": on insert the column takes its database default, and on update a
 * {@code NOT NULL} column is left unchanged (see {@code docs/CRUD.md}). The repositories of
 * {@link com.rabaislocal.sdk.supabase.crud} read and write these rows; the schema is described in
 * {@code docs/DATABASE.md}.
 */
package com.rabaislocal.sdk.supabase.tables;
