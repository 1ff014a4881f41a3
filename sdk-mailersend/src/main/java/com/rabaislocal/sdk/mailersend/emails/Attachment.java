package com.rabaislocal.sdk.mailersend.emails;

import java.util.Base64;

/**
 * A file attached to an email: its bytes (sent Base64-encoded), its file name, and whether it is a plain
 * attachment or an inline image referenced from the HTML with {@code cid:<id>}.
 *
 * @param content the file's bytes, not empty
 * @param filename the file name shown, e.g. {@code recu.pdf}
 * @param disposition {@link Disposition#ATTACHMENT} or {@link Disposition#INLINE}
 * @param id the content id of an inline image (required for inline, e.g. {@code logo}), else null
 */
public record Attachment(byte[] content, String filename, Disposition disposition, String id) {

    /** How the file is shown. */
    public enum Disposition {
        /** A downloadable attachment. */
        ATTACHMENT("attachment"),
        /** An image shown inside the HTML body, referenced by its content id. */
        INLINE("inline");

        private final String wire;

        Disposition(String wire) {
            this.wire = wire;
        }

        /** @return the value MailerSend expects */
        public String wire() {
            return wire;
        }
    }

    /** Copies the content so later changes to the caller's array do not reach the email. */
    public Attachment {
        content = content == null ? null : content.clone();
    }

    /**
     * @param content the bytes
     * @param filename the file name
     * @return a plain attachment
     */
    public static Attachment file(byte[] content, String filename) {
        return new Attachment(content, filename, Disposition.ATTACHMENT, null);
    }

    /**
     * @param content the image bytes
     * @param filename the file name
     * @param contentId the id the HTML references as {@code cid:<contentId>}
     * @return an inline image
     */
    public static Attachment inline(byte[] content, String filename, String contentId) {
        return new Attachment(content, filename, Disposition.INLINE, contentId);
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    /** @return the content as MailerSend expects it, Base64 */
    public String base64() {
        return content == null ? null : Base64.getEncoder().encodeToString(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + filename + ", " + (content == null ? 0 : content.length) + " bytes, " + disposition
                + (id == null ? "" : ", id=" + id) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment && java.util.Arrays.equals(content, ((Attachment) o).content)
                && java.util.Objects.equals(filename, ((Attachment) o).filename)
                && disposition == ((Attachment) o).disposition && java.util.Objects.equals(id, ((Attachment) o).id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(content), filename, disposition, id);
    }
}
