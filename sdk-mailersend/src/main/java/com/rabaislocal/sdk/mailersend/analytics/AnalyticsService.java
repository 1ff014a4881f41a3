package com.rabaislocal.sdk.mailersend.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analytics by date: {@code GET /analytics/date}. A cheap view; thread-safe.
 */
public final class AnalyticsService {

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public AnalyticsService(MailerSendHttp http) {
        this.http = http;
    }

    /**
     * Counts per date.
     *
     * @param params the window, counts and filters
     * @return the counts
     * @throws com.rabaislocal.sdk.core.error.UnexpectedResponseException when {@code data.stats} is not an array
     */
    public DateAnalytics byDate(AnalyticsParams params) {
        MailerSendHttp.Answer a = http.data(params.request());
        JsonNode stats = a.data().path("stats");
        if (!stats.isArray()) {
            throw a.unexpected("expected an array under \"data.stats\"");
        }
        List<DateAnalytics.Day> days = new ArrayList<>();
        for (JsonNode s : stats) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("date")) {
                    counts.put(e.getKey(), Json.number(s, e.getKey(), 0));
                }
            }
            days.add(new DateAnalytics.Day(Json.instant(s, "date").orElse(Instant.EPOCH), counts));
        }
        return new DateAnalytics(Json.text(a.data(), "group_by"), days);
    }
}
