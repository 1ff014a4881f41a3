package com.rabaislocal.sdk.goaffpro.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.coupons.Coupon;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The affiliates of the programme ({@code /admin/affiliates}). A cheap view over the client; thread-safe.
 *
 * <p>GoAffPro has no {@code GET /admin/affiliates/{id}}: {@link #get(String, String...)} filters the list by id.
 */
public final class AffiliateService {

    private static final String PATH = "/admin/affiliates";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public AffiliateService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks every affiliate matching the filters, page by page ({@code limit} + {@code offset}).
     *
     * @param params the filters, page size and extra fields
     * @return the lazy walk; it stops on a short page, a page with no unseen id, or the client's page cap
     */
    public AutoPager<Affiliate> list(AffiliateListParams params) {
        return calls.offsetPager("goaffpro affiliates", params.limit(), Affiliate::id,
                (offset, limit) -> page(params, offset).items());
    }

    /** @return a walk over every affiliate */
    public AutoPager<Affiliate> list() {
        return list(AffiliateListParams.all());
    }

    /**
     * Fetches one page.
     *
     * @param params the filters, page size and extra fields
     * @param offset the number of affiliates to skip, not negative
     * @return the page; its next cursor is the next offset, null after a short page
     */
    public Page<Affiliate> page(AffiliateListParams params, long offset) {
        SdkRequest.Builder r = params.writeTo(Requests.get("affiliates.list", PATH), Affiliate.DEFAULT_FIELDS);
        if (params.sinceId() != null) {
            r.query("since_id", params.sinceId());
        }
        return calls.offsetPage(r, offset, params.limit(), "affiliates", Affiliate::from);
    }

    /**
     * Fetches one affiliate by id, through the list filter.
     *
     * @param id the affiliate id
     * @param extraFields field names beyond {@link Affiliate#DEFAULT_FIELDS}
     * @return the affiliate, or empty when there is none with that id
     */
    public Optional<Affiliate> get(String id, String... extraFields) {
        return first(AffiliateListParams.builder().ids(List.of(Requests.id("id", id))).fields(extraFields).limit(1)
                .build());
    }

    /**
     * Finds the affiliate with an e-mail address, through the list filter (exact, unlike search).
     *
     * @param email the address
     * @return the affiliate, or empty
     */
    public Optional<Affiliate> findByEmail(String email) {
        return first(AffiliateListParams.builder().emails(List.of(Requests.id("email", email))).limit(1).build());
    }

    private Optional<Affiliate> first(AffiliateListParams params) {
        return page(params, 0).items().stream().findFirst();
    }

    /**
     * Searches affiliates ({@code GET /admin/affiliates/search}).
     *
     * @param params the keyword, columns and operator
     * @return the matches (one page of up to the params' limit)
     */
    public List<Affiliate> search(AffiliateSearchParams params) {
        SdkRequest r = params.writeTo(Requests.get("affiliates.search", PATH + "/search"), Affiliate.DEFAULT_FIELDS)
                .build();
        return calls.list(r, "affiliates", Affiliate::from);
    }

    /**
     * Creates an affiliate ({@code POST /admin/affiliates}). Not re-sent on a lost answer: look the address up
     * with {@link #findByEmail(String)} before trying again. GoAffPro may assign the referral code a moment later.
     *
     * @param params the profile
     * @return the new affiliate's id ({@code affiliate_id} in GoAffPro's answer)
     * @throws ConflictException when the address is already registered
     */
    public String create(AffiliateCreateParams params) {
        SdkRequest r = Requests.post("affiliates.create", PATH).jsonBody(params.body()).build();
        return calls.call(r, root -> root.hasNonNull("affiliate_id") ? GoAffProHttp.requireId(root, "affiliate_id")
                : GoAffProHttp.requireId(root, "id"));
    }

    /**
     * Creates an affiliate, or finds the existing one when GoAffPro answers that the address is already registered.
     *
     * @param params the profile
     * @return the id and whether it was created
     * @throws ConflictException when GoAffPro reports a conflict but no affiliate has the address (another field,
     *     such as the referral code, conflicts)
     */
    public AffiliateCreateResult createOrFind(AffiliateCreateParams params) {
        try {
            return new AffiliateCreateResult(create(params), true, null);
        } catch (ConflictException conflict) {
            Optional<Affiliate> existing = findByEmail(params.email());
            if (existing.isEmpty()) {
                throw conflict;
            }
            return new AffiliateCreateResult(existing.get().id(), false, existing.get());
        }
    }

    /**
     * Changes some fields of an affiliate ({@code PATCH /admin/affiliates/{id}}); retried like a read.
     *
     * @param id the affiliate id
     * @param params the fields to change
     * @return GoAffPro's answer, raw
     */
    public JsonNode update(String id, AffiliateUpdateParams params) {
        SdkRequest r = Requests.patch("affiliates.update", PATH).pathSegment(Requests.id("id", id))
                .jsonBody(params.body()).build();
        return calls.call(r, root -> root);
    }

    /**
     * Deletes an affiliate.
     *
     * @param id the affiliate id
     */
    public void delete(String id) {
        calls.call(Requests.delete("affiliates.delete", PATH).pathSegment(Requests.id("id", id)).build(),
                root -> root);
    }

    /**
     * Reads the commission rates that apply to an affiliate.
     *
     * @param id the affiliate id
     * @return the rates
     */
    public AffiliateCommissions commissions(String id) {
        SdkRequest r = Requests.get("affiliates.commissions", PATH).pathSegment(Requests.id("id", id))
                .pathSegment("commissions").build();
        return calls.call(r, root -> AffiliateCommissions.from(GoAffProHttp.require(root, "commissions")));
    }

    /**
     * Lists an affiliate's coupons.
     *
     * @param id the affiliate id
     * @return the coupons
     */
    public List<Coupon> coupons(String id) {
        SdkRequest r = sub("affiliates.coupons.list", "GET", id, "coupons").build();
        return calls.list(r, "coupons", Coupon::from);
    }

    /**
     * Assigns an existing store coupon to an affiliate.
     *
     * @param id the affiliate id
     * @param code the coupon code
     * @param discountType {@code percentage}, {@code fixed_amount} or {@code free_shipping}
     * @param discountValue the discount, not negative
     */
    public void assignCoupon(String id, String code, String discountType, BigDecimal discountValue) {
        if (discountType == null || discountValue == null || discountValue.signum() < 0) {
            throw new ValidationException("coupon", "needs a discount type and a non-negative value");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode();
        body.putObject("coupon").put("code", Requests.id("code", code)).put("discount_type", discountType)
                .put("discount_value", discountValue);
        calls.call(sub("affiliates.coupons.assign", "POST", id, "coupons").jsonBody(body).build(), root -> root);
    }

    /**
     * Creates a coupon in the store (with the programme's default discount) and assigns it to an affiliate.
     *
     * @param id the affiliate id
     * @param code the new coupon code
     */
    public void createCoupon(String id, String code) {
        ObjectNode body = SdkJson.mapper().createObjectNode().put("coupon", Requests.id("code", code));
        calls.call(sub("affiliates.coupons.create", "POST", id, "coupons").jsonBody(body).build(), root -> root);
    }

    /**
     * Removes a coupon from an affiliate.
     *
     * @param id the affiliate id
     * @param code the coupon code
     */
    public void deleteCoupon(String id, String code) {
        calls.call(sub("affiliates.coupons.delete", "DELETE", id, "coupons").pathSegment(Requests.id("code", code))
                .build(), root -> root);
    }

    /**
     * Lists an affiliate's referral codes.
     *
     * @param id the affiliate id
     * @return the codes
     */
    public List<String> referralCodes(String id) {
        return calls.call(sub("affiliates.referral_codes.list", "GET", id, "referral_codes").build(),
                root -> Lenient.texts(requireKey(root, "referral_codes"), "referral_codes"));
    }

    /**
     * Replaces an affiliate's referral codes ({@code PUT}).
     *
     * @param id the affiliate id
     * @param codes the new codes, at least one
     */
    public void replaceReferralCodes(String id, List<String> codes) {
        calls.call(sub("affiliates.referral_codes.replace", "PUT", id, "referral_codes")
                .jsonBody(listBody("referral_codes", codes)).build(), root -> root);
    }

    /**
     * Adds referral codes to an affiliate ({@code POST}).
     *
     * @param id the affiliate id
     * @param codes the codes to add, at least one
     */
    public void addReferralCodes(String id, List<String> codes) {
        calls.call(sub("affiliates.referral_codes.add", "POST", id, "referral_codes")
                .jsonBody(listBody("referral_codes", codes)).build(), root -> root);
    }

    /**
     * Removes one referral code from an affiliate.
     *
     * @param id the affiliate id
     * @param code the code
     */
    public void deleteReferralCode(String id, String code) {
        calls.call(sub("affiliates.referral_codes.delete", "DELETE", id, "referral_codes")
                .pathSegment(Requests.id("code", code)).build(), root -> root);
    }

    /**
     * Lists an affiliate's tags.
     *
     * @param id the affiliate id
     * @return the tags
     */
    public List<String> tags(String id) {
        return calls.call(sub("affiliates.tags.list", "GET", id, "tags").build(),
                root -> Lenient.texts(requireKey(root, "tags"), "tags"));
    }

    /**
     * Replaces an affiliate's tags.
     *
     * @param id the affiliate id
     * @param tags the new tags (empty clears them)
     */
    public void replaceTags(String id, List<String> tags) {
        ObjectNode body = SdkJson.mapper().createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode array = body.putArray("tags");
        tags.forEach(t -> array.add(Requests.id("tag", t)));
        calls.call(sub("affiliates.tags.replace", "PUT", id, "tags").jsonBody(body).build(), root -> root);
    }

    private static JsonNode requireKey(JsonNode root, String key) {
        GoAffProHttp.require(root, key);
        return root;
    }

    private static SdkRequest.Builder sub(String operation, String method, String id, String resource) {
        SdkRequest.Builder b;
        switch (method) {
            case "POST":
                b = Requests.post(operation, PATH);
                break;
            case "PUT":
                b = Requests.put(operation, PATH);
                break;
            case "DELETE":
                b = Requests.delete(operation, PATH);
                break;
            default:
                b = Requests.get(operation, PATH);
        }
        return b.pathSegment(Requests.id("id", id)).pathSegment(resource);
    }

    private static ObjectNode listBody(String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException(key, "needs at least one value");
        }
        ObjectNode body = SdkJson.mapper().createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode array = body.putArray(key);
        values.forEach(v -> array.add(Requests.id(key, v)));
        return body;
    }
}
