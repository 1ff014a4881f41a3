/**
 * Audit logging: the immutable {@link com.rabaislocal.sdk.core.audit.AuditEvent} (who did what to which entity, with
 * the before/after diff in {@link com.rabaislocal.sdk.core.audit.AuditChanges}), the batch-oriented
 * {@link com.rabaislocal.sdk.core.audit.AuditSink} contract, and two built-in sinks:
 * {@link com.rabaislocal.sdk.core.audit.Slf4jAuditSink} (one JSON log line per event) and
 * {@link com.rabaislocal.sdk.core.audit.BatchingAuditSink} (batching in front of any downstream sink, with a
 * write-ahead spool on disk so that no accepted event is lost while the downstream is unavailable or when the process
 * crashes; {@link com.rabaislocal.sdk.core.audit.FsyncPolicy} sets what a power loss can take).
 *
 * <p>Logging of the sinks themselves (downstream failures, replays, spool problems) goes to the logger
 * {@code com.rabaislocal.sdk.core.audit}; the events written by {@code Slf4jAuditSink} go to
 * {@code com.rabaislocal.sdk.audit}.
 */
package com.rabaislocal.sdk.core.audit;
