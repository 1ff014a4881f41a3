package com.rabaislocal.sdk.goaffpro.traffic;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.ListParams;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.util.List;

/**
 * The referral traffic ({@code GET /admin/traffic}, keyset paging on {@code since_id}). Integrators report this
 * endpoint repeating data when paged; the pager's valve stops at the first page with no unseen id.
 */
public final class TrafficService {

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public TrafficService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks the visits.
     *
     * @param affiliateId only this affiliate's, or null
     * @param limit the page size, 1 to {@value ListParams#MAX_LIMIT}
     * @return the lazy walk
     */
    public AutoPager<Visit> list(String affiliateId, int limit) {
        if (limit < 1 || limit > ListParams.MAX_LIMIT) {
            throw new ValidationException("limit", "must be 1 to " + ListParams.MAX_LIMIT + ", was " + limit);
        }
        return calls.keysetPager("goaffpro traffic", limit, Visit::id,
                (after, l) -> page(affiliateId, l, after).items());
    }

    /**
     * Fetches one page.
     *
     * @param affiliateId only this affiliate's, or null
     * @param limit the page size
     * @param sinceId the last id of the previous page, or null
     * @return the page
     */
    public Page<Visit> page(String affiliateId, int limit, String sinceId) {
        SdkRequest.Builder r = Requests.get("traffic.list", "/admin/traffic")
                .query("fields", ListParams.fields(Visit.DEFAULT_FIELDS, List.of()))
                .query("limit", Integer.toString(limit));
        if (affiliateId != null) {
            r.query("affiliate_id", Requests.id("affiliateId", affiliateId));
        }
        return calls.keysetPage(r, sinceId, limit, "traffic", Visit::from, Visit::id);
    }
}
