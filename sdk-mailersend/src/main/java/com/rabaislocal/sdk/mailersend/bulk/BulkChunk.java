package com.rabaislocal.sdk.mailersend.bulk;

import com.rabaislocal.sdk.mailersend.RateLimitInfo;

/**
 * One {@code POST /bulk-email} request of a bulk send: which emails it carried and the id MailerSend gave it.
 *
 * @param bulkEmailId the {@code bulk_email_id} to poll
 * @param firstIndex the index, in the caller's list, of the chunk's first email
 * @param size how many emails the chunk carried
 * @param rateLimit the rate-limit and quota values of the answer
 */
public record BulkChunk(String bulkEmailId, int firstIndex, int size, RateLimitInfo rateLimit) {
}
