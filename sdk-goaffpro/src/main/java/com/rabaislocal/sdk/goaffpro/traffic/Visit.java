package com.rabaislocal.sdk.goaffpro.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.time.Instant;
import java.util.List;

/**
 * One referral visit ({@code GET /admin/traffic}). The visitor's IP address and user agent are personal data:
 * reachable through {@link #ipAddress()}, never shown by {@link #toString()}.
 */
public final class Visit extends RawModel {

    /** The fields asked for by default: the documented set. */
    public static final List<String> DEFAULT_FIELDS = List.of("id", "affiliate_id", "landing_page",
            "referring_page", "ip_address", "user_agent", "created_at");

    private final String id;
    private final String affiliateId;
    private final String landingPage;
    private final String referringPage;
    private final String ipAddress;
    private final String userAgent;
    private final Instant createdAt;

    private Visit(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.affiliateId = Lenient.id(raw, "affiliate_id");
        this.landingPage = Lenient.text(raw, "landing_page");
        this.referringPage = Lenient.text(raw, "referring_page");
        this.ipAddress = Lenient.text(raw, "ip_address");
        this.userAgent = Lenient.text(raw, "user_agent");
        this.createdAt = Lenient.instant(raw, "created_at");
    }

    /**
     * Reads a visit object.
     *
     * @param node the object
     * @return the visit
     */
    public static Visit from(JsonNode node) {
        return new Visit(node);
    }

    /** @return the id, never null */
    public String id() {
        return id;
    }

    /** @return the affiliate whose link was followed */
    public String affiliateId() {
        return affiliateId;
    }

    /** @return the page landed on */
    public String landingPage() {
        return landingPage;
    }

    /** @return the page the visitor came from */
    public String referringPage() {
        return referringPage;
    }

    /** @return the visitor's IP address (personal data) */
    public String ipAddress() {
        return ipAddress;
    }

    /** @return the visitor's user agent */
    public String userAgent() {
        return userAgent;
    }

    /** @return when the visit happened */
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Visit{id=" + id + ", affiliateId=" + affiliateId + '}';
    }
}
