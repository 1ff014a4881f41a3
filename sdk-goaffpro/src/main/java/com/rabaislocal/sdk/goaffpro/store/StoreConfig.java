package com.rabaislocal.sdk.goaffpro.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.util.List;

/** The store's configuration as the programme sees it ({@code GET /admin/store/config}). */
public final class StoreConfig extends RawModel {

    /** The keys asked for by default: the documented set. */
    public static final List<String> DEFAULT_KEYS = List.of("site_id", "store_name", "default_currency", "website",
            "discount_properties", "available_payout_options");

    private final String siteId;
    private final String storeName;
    private final String defaultCurrency;
    private final String website;

    private StoreConfig(JsonNode raw) {
        super(raw);
        this.siteId = Lenient.id(raw, "site_id");
        this.storeName = Lenient.text(raw, "store_name");
        this.defaultCurrency = Lenient.text(raw, "default_currency");
        this.website = Lenient.text(raw, "website");
    }

    /**
     * Reads the configuration (the {@code config} object when the answer wraps it, else the answer itself).
     *
     * @param root the answer
     * @return the configuration
     */
    public static StoreConfig from(JsonNode root) {
        JsonNode inner = root.get("config");
        return new StoreConfig(inner != null && inner.isObject() ? inner : root);
    }

    /** @return the store's GoAffPro site (program) id */
    public String siteId() {
        return siteId;
    }

    /** @return the store's name */
    public String storeName() {
        return storeName;
    }

    /** @return the default currency code */
    public String defaultCurrency() {
        return defaultCurrency;
    }

    /** @return the store's website */
    public String website() {
        return website;
    }

    @Override
    public String toString() {
        return "StoreConfig{siteId=" + siteId + ", storeName=" + storeName + '}';
    }
}
