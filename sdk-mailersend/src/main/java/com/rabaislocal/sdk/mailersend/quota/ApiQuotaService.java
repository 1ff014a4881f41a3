package com.rabaislocal.sdk.mailersend.quota;

import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.time.Duration;

/**
 * The daily quota: {@code GET /api-quota}, which does not count against it (the health check uses it).
 */
public final class ApiQuotaService {

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public ApiQuotaService(MailerSendHttp http) {
        this.http = http;
    }

    /** @return the quota, what is left and when it resets */
    public ApiQuota get() {
        return get(null);
    }

    /**
     * Reads the quota within a deadline (for health checks).
     *
     * @param deadline the call's limit, or null for the client's
     * @return the quota
     * @throws com.rabaislocal.sdk.core.error.UnexpectedResponseException when {@code quota} or {@code remaining}
     *     is missing
     */
    public ApiQuota get(Duration deadline) {
        SdkRequest.Builder rb = SdkRequest.builder("GET", "/api-quota").operation("api_quota.get");
        if (deadline != null) {
            rb.deadline(deadline);
        }
        MailerSendHttp.Answer a = http.json(rb.build());
        if (!a.root().path("quota").isNumber() || !a.root().path("remaining").isNumber()) {
            throw a.unexpected("expected numbers \"quota\" and \"remaining\"");
        }
        return new ApiQuota(a.root().path("quota").asLong(), a.root().path("remaining").asLong(),
                Json.instant(a.root(), "reset"));
    }
}
