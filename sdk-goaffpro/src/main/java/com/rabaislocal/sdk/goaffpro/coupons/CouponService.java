package com.rabaislocal.sdk.goaffpro.coupons;

import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;

/** The store's affiliate coupons ({@code GET /admin/coupons}, offset paging). A cheap view; thread-safe. */
public final class CouponService {

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public CouponService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks the coupons.
     *
     * @param affiliateId only this affiliate's, or null
     * @param type {@code referral} or {@code personal}, or null for both
     * @param limit the page size, 1 to 250
     * @return the lazy walk, with the same stops as every listing
     */
    public AutoPager<Coupon> list(String affiliateId, String type, int limit) {
        return calls.offsetPager("goaffpro coupons", limit, Coupon::code,
                (offset, l) -> page(affiliateId, type, l, offset).items());
    }

    /**
     * Fetches one page.
     *
     * @param affiliateId only this affiliate's, or null
     * @param type {@code referral} or {@code personal}, or null
     * @param limit the page size
     * @param offset the coupons to skip
     * @return the page
     */
    public Page<Coupon> page(String affiliateId, String type, int limit, long offset) {
        SdkRequest.Builder r = Requests.get("coupons.list", "/admin/coupons").query("limit", Integer.toString(limit));
        if (affiliateId != null) {
            r.query("affiliate_id", Requests.id("affiliateId", affiliateId));
        }
        if (type != null) {
            r.query("type", Requests.id("type", type));
        }
        return calls.offsetPage(r, offset, limit, "coupons", Coupon::from);
    }
}
