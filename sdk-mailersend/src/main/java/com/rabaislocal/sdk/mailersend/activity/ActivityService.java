package com.rabaislocal.sdk.mailersend.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;

/**
 * Email activity: {@code GET /activity/{domain_id}} and {@code GET /activities/{id}}. MailerSend limits activity to
 * 10 requests a minute on most plans; the client's 429 handling waits it out. A cheap view; thread-safe.
 */
public final class ActivityService {

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public ActivityService(MailerSendHttp http) {
        this.http = http;
    }

    /**
     * Every activity record matching the filters, lazily.
     *
     * @param params the domain, window and event types
     * @return the pager
     */
    public AutoPager<Activity> list(ActivityListParams params) {
        return http.pager("activity.list", params::request, params.limit(), ActivityService::read, Activity::id);
    }

    /**
     * One page.
     *
     * @param params the filters
     * @param page the page number, from 1
     * @return the page
     */
    public Page<Activity> page(ActivityListParams params, int page) {
        return http.page(params::request, page, params.limit(), ActivityService::read);
    }

    /**
     * One activity record.
     *
     * @param activityId the id
     * @return the record
     */
    public Activity get(String activityId) {
        if (activityId == null || activityId.isBlank()) {
            throw new ValidationException("activityId", "is required");
        }
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("GET", "/activities").pathSegment(activityId)
                .operation("activity.get").build());
        return read(a.data(), a);
    }

    static Activity read(JsonNode n, MailerSendHttp.Answer a) {
        JsonNode email = n.path("email");
        return new Activity(a.required(n, "id"), Json.text(n, "type"), Json.instant(n, "created_at"),
                Json.optText(email, "id"), Json.optText(email.path("recipient"), "email"),
                Json.optText(email, "subject"), n);
    }
}
