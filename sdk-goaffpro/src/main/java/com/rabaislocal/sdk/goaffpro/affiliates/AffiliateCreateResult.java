package com.rabaislocal.sdk.goaffpro.affiliates;

/**
 * What {@link AffiliateService#createOrFind(AffiliateCreateParams)} did.
 *
 * @param id the affiliate's id, new or existing
 * @param created true when the affiliate was created, false when one with the e-mail address already existed
 * @param existing the existing affiliate when {@code created} is false, else null
 */
public record AffiliateCreateResult(String id, boolean created, Affiliate existing) {
}
