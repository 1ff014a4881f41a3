/**
 * The CRUD template of RabaisLocal's global tables, on top of the PostgREST query builder: a repository per table
 * with insert with retry (idempotent, SDK-chosen ids), update with validation (a {@link
 * com.rabaislocal.sdk.supabase.crud.RowValidator} before any request), soft delete and restore, purge on the
 * service-role client only, and automatic audit logging (exactly one {@link com.rabaislocal.sdk.core.audit.AuditEvent}
 * per mutation, with the changed columns before and after).
 *
 * <p>Entry point: {@link com.rabaislocal.sdk.supabase.crud.SupabaseCrud}. The repository types show what a table
 * allows: {@link com.rabaislocal.sdk.supabase.crud.ReadOnlyRepository} ({@code logs_audit},
 * {@code credits_transactions}), {@link com.rabaislocal.sdk.supabase.crud.AppendOnlyRepository}
 * ({@code legal_consents}), {@link com.rabaislocal.sdk.supabase.crud.CrudRepository} ({@code credits_packages}) and
 * {@link com.rabaislocal.sdk.supabase.crud.SoftDeleteRepository} ({@code users}, {@code offers},
 * {@code ai_agents}). {@link com.rabaislocal.sdk.supabase.crud.Credits} calls the credit functions, and {@link
 * com.rabaislocal.sdk.supabase.crud.LogsAuditSink} stores audit events in {@code logs_audit}. See
 * {@code docs/CRUD.md}.
 */
package com.rabaislocal.sdk.supabase.crud;
