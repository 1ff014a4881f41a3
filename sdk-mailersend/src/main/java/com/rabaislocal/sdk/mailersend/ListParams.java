package com.rabaislocal.sdk.mailersend;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paging and domain filter of MailerSend's listings (templates, suppressions, messages, webhooks): a page
 * size ({@code limit}, 10 to 100, default 25) and an optional {@code domain_id}. Immutable.
 */
public final class ListParams {

    /** MailerSend's default page size. */
    public static final int DEFAULT_LIMIT = 25;
    /** The smallest page size MailerSend accepts. */
    public static final int MIN_LIMIT = 10;
    /** The largest page size MailerSend accepts. */
    public static final int MAX_LIMIT = 100;

    private static final ListParams ALL = builder().build();

    private final String domainId;
    private final int limit;

    private ListParams(Builder b) {
        this.domainId = b.domainId;
        this.limit = b.limit;
    }

    /** @return every item of every domain, 25 a page */
    public static ListParams all() {
        return ALL;
    }

    /**
     * @param domainId a MailerSend domain id
     * @return the items of that domain, 25 a page
     */
    public static ListParams forDomain(String domainId) {
        return builder().domainId(domainId).build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the domain filter */
    public Optional<String> domainId() {
        return Optional.ofNullable(domainId);
    }

    /** @return the page size */
    public int limit() {
        return limit;
    }

    /**
     * Adds {@code domain_id} to a request when set.
     *
     * @param rb the request builder
     * @return the builder
     */
    public SdkRequest.Builder apply(SdkRequest.Builder rb) {
        return domainId == null ? rb : rb.query("domain_id", domainId);
    }

    @Override
    public String toString() {
        return "ListParams{domainId=" + domainId + ", limit=" + limit + '}';
    }

    /** Builds {@link ListParams}. */
    public static final class Builder {
        private String domainId;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /**
         * @param domainId a domain id, or null for every domain
         * @return this builder
         */
        public Builder domainId(String domainId) {
            this.domainId = domainId;
            return this;
        }

        /**
         * @param limit the page size, 10 to 100; default 25
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * @return the params
         * @throws ValidationException listing every invalid value
         */
        public ListParams build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (domainId != null && domainId.isBlank()) {
                errors.put("domain_id", List.of("must not be blank (null for every domain)"));
            }
            if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
                errors.put("limit", List.of("must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", was " + limit));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("list params", errors);
            }
            return new ListParams(this);
        }
    }
}
