package com.rabaislocal.sdk.goaffpro.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.coupons.Coupon;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An affiliate (partner) of the programme, as {@code GET /admin/affiliates} answers it. Every accessor but
 * {@link #id()} may return null when the field was not asked for or not sent; {@link #DEFAULT_FIELDS} are asked for
 * by default. {@link #toString()} shows the id and status only (no personal data).
 */
public final class Affiliate extends RawModel {

    /** The fields asked for by default: everything this model reads (not the login token or payout details). */
    public static final List<String> DEFAULT_FIELDS = List.of("id", "name", "first_name", "last_name", "email",
            "ref_code", "ref_codes", "coupon", "coupons", "phone", "company_name", "website", "status", "group_id",
            "commission", "payment_method", "total_referral_earnings", "total_amount_paid", "total_amount_pending",
            "number_of_orders", "tags", "approved_at", "created_at", "updated_at");

    private final String id;
    private final String name;
    private final String firstName;
    private final String lastName;
    private final String email;
    private final String refCode;
    private final List<String> refCodes;
    private final Coupon coupon;
    private final List<Coupon> coupons;
    private final String phone;
    private final String companyName;
    private final String website;
    private final AffiliateStatus status;
    private final String groupId;
    private final Commission commission;
    private final String paymentMethod;
    private final BigDecimal totalReferralEarnings;
    private final BigDecimal totalAmountPaid;
    private final BigDecimal totalAmountPending;
    private final Long numberOfOrders;
    private final List<String> tags;
    private final Instant approvedAt;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Affiliate(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.name = Lenient.text(raw, "name");
        this.firstName = Lenient.text(raw, "first_name");
        this.lastName = Lenient.text(raw, "last_name");
        this.email = Lenient.text(raw, "email");
        this.refCode = Lenient.text(raw, "ref_code");
        this.refCodes = Lenient.texts(raw, "ref_codes");
        this.coupon = Coupon.from(raw.get("coupon"));
        List<Coupon> cs = new ArrayList<>();
        for (JsonNode c : Lenient.items(raw, "coupons")) {
            Coupon read = Coupon.from(c);
            if (read != null) {
                cs.add(read);
            }
        }
        this.coupons = Collections.unmodifiableList(cs);
        this.phone = Lenient.text(raw, "phone");
        this.companyName = Lenient.text(raw, "company_name");
        this.website = Lenient.text(raw, "website");
        this.status = AffiliateStatus.of(Lenient.text(raw, "status"));
        this.groupId = Lenient.id(raw, "group_id");
        this.commission = Commission.from(Lenient.object(raw, "commission"));
        this.paymentMethod = Lenient.text(raw, "payment_method");
        this.totalReferralEarnings = Lenient.money(raw, "total_referral_earnings");
        this.totalAmountPaid = Lenient.money(raw, "total_amount_paid");
        this.totalAmountPending = Lenient.money(raw, "total_amount_pending");
        this.numberOfOrders = Lenient.integer(raw, "number_of_orders");
        this.tags = Lenient.texts(raw, "tags");
        this.approvedAt = Lenient.instant(raw, "approved_at");
        this.createdAt = Lenient.instant(raw, "created_at");
        this.updatedAt = Lenient.instant(raw, "updated_at");
    }

    /**
     * Reads an affiliate object.
     *
     * @param node the object
     * @return the affiliate
     * @throws Lenient.BadValue when a field cannot be read
     * @throws GoAffProHttp.MissingKey when it has no id
     */
    public static Affiliate from(JsonNode node) {
        return new Affiliate(node);
    }

    /** @return the id, never null */
    public String id() {
        return id;
    }

    /** @return the full name, or first and last name joined when only those were sent */
    public String name() {
        if (name != null) {
            return name;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** @return the first name */
    public String firstName() {
        return firstName;
    }

    /** @return the last name */
    public String lastName() {
        return lastName;
    }

    /** @return the e-mail address */
    public String email() {
        return email;
    }

    /** @return the main referral code; GoAffPro may assign it a moment after creation */
    public String refCode() {
        return refCode;
    }

    /** @return every referral code, empty when not sent */
    public List<String> refCodes() {
        return refCodes;
    }

    /** @return the main coupon */
    public Coupon coupon() {
        return coupon;
    }

    /** @return every coupon, empty when not sent */
    public List<Coupon> coupons() {
        return coupons;
    }

    /** @return the phone number */
    public String phone() {
        return phone;
    }

    /** @return the company name */
    public String companyName() {
        return companyName;
    }

    /** @return the website */
    public String website() {
        return website;
    }

    /** @return the status (an open value: {@code invited} and {@code blocked} occur beside the documented ones) */
    public AffiliateStatus status() {
        return status;
    }

    /** @return the group id */
    public String groupId() {
        return groupId;
    }

    /** @return the affiliate's own commission rate */
    public Commission commission() {
        return commission;
    }

    /** @return the payout method, e.g. {@code paypal} */
    public String paymentMethod() {
        return paymentMethod;
    }

    /** @return the total earned from referrals, exact */
    public BigDecimal totalReferralEarnings() {
        return totalReferralEarnings;
    }

    /** @return the total paid out, exact */
    public BigDecimal totalAmountPaid() {
        return totalAmountPaid;
    }

    /** @return the total awaiting payout, exact */
    public BigDecimal totalAmountPending() {
        return totalAmountPending;
    }

    /** @return the number of referred orders */
    public Long numberOfOrders() {
        return numberOfOrders;
    }

    /** @return the tags, empty when not sent */
    public List<String> tags() {
        return tags;
    }

    /** @return when the affiliate was approved */
    public Instant approvedAt() {
        return approvedAt;
    }

    /** @return when the affiliate signed up */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when the affiliate was last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Affiliate{id=" + id + ", status=" + status + '}';
    }
}
