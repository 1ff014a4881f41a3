package com.rabaislocal.sdk.mailersend.bulk;

import com.rabaislocal.sdk.core.error.RabaisSdkException;
import java.util.List;

/**
 * A bulk send failed part way: the chunks in {@link #accepted()} were queued by MailerSend (do not send them
 * again), the emails from {@link #firstUnsentIndex()} on were not (or, when the cause is a timeout, may not have
 * been) accepted. The cause is the failure of the chunk that failed.
 */
public class BulkSendException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final transient BulkSendResult accepted;
    private final int firstUnsentIndex;

    /**
     * Creates the exception.
     *
     * @param accepted the chunks queued before the failure
     * @param firstUnsentIndex the index of the first email of the failed chunk
     * @param total how many emails the send had
     * @param cause the chunk's failure
     */
    public BulkSendException(BulkSendResult accepted, int firstUnsentIndex, int total, RuntimeException cause) {
        super("mailersend bulk send stopped at email " + firstUnsentIndex + " of " + total + " ("
                + accepted.chunks().size() + " chunk(s) already queued): " + cause.getMessage(), cause);
        this.accepted = accepted;
        this.firstUnsentIndex = firstUnsentIndex;
    }

    /** @return the chunks MailerSend queued before the failure */
    public BulkSendResult accepted() {
        return accepted;
    }

    /** @return the index of the first email not known to be queued */
    public int firstUnsentIndex() {
        return firstUnsentIndex;
    }

    /** @return the chunks' ids, for {@link BulkEmailService#status(String)} */
    public List<String> acceptedIds() {
        return accepted.bulkEmailIds();
    }
}
