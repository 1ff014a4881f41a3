package com.rabaislocal.sdk.mailersend.bulk;

import java.util.List;

/**
 * The chunks of an accepted bulk send, in order. Accepted means queued: poll each chunk's status
 * ({@link BulkEmailService#waitUntilCompleted(BulkSendResult, java.time.Duration)}) for per-email validation errors
 * and suppressed recipients.
 *
 * @param chunks one per request, in order
 */
public record BulkSendResult(List<BulkChunk> chunks) {

    /** Copies the chunks. */
    public BulkSendResult {
        chunks = List.copyOf(chunks);
    }

    /** @return the ids to poll, in order */
    public List<String> bulkEmailIds() {
        return chunks.stream().map(BulkChunk::bulkEmailId).toList();
    }

    /** @return how many emails were handed to MailerSend */
    public int emailCount() {
        return chunks.stream().mapToInt(BulkChunk::size).sum();
    }
}
