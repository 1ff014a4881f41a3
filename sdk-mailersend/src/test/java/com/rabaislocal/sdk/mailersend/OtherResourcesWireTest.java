package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.mailersend.activity.Activity;
import com.rabaislocal.sdk.mailersend.activity.ActivityListParams;
import com.rabaislocal.sdk.mailersend.analytics.AnalyticsParams;
import com.rabaislocal.sdk.mailersend.analytics.DateAnalytics;
import com.rabaislocal.sdk.mailersend.messages.Message;
import com.rabaislocal.sdk.mailersend.quota.ApiQuota;
import com.rabaislocal.sdk.mailersend.suppressions.Suppression;
import com.rabaislocal.sdk.mailersend.templates.Template;
import com.rabaislocal.sdk.mailersend.webhooks.Webhook;
import com.rabaislocal.sdk.mailersend.webhooks.WebhookCreateParams;
import com.rabaislocal.sdk.mailersend.webhooks.WebhookUpdateParams;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OtherResourcesWireTest extends WireTestBase {

    private static String page(String items, int current, int last) {
        return "{\"data\":[" + items + "],\"links\":{\"first\":\"x\",\"last\":\"y\",\"prev\":null,\"next\":"
                + (current < last ? "\"z\"" : "null") + "},\"meta\":{\"current_page\":" + current + ",\"from\":1,"
                + "\"last_page\":" + last + ",\"path\":\"p\",\"per_page\":10,\"to\":1,\"total\":2}}";
    }

    @Test
    void templatesAreWalkedPageByPageAndOneIsRead() throws Exception {
        enqueue(page("{\"id\":\"vywj2lpokkm47oqz\",\"name\":\"Bienvenue\",\"type\":\"html\",\"image_path\":\"https://"
                + "x/p.png\",\"created_at\":\"2026-01-01T10:00:00.000000Z\"}", 1, 2));
        enqueue(page("{\"id\":\"z3m5jgrq390ldpyo\",\"name\":\"Reçu\",\"type\":\"drag_drop\",\"image_path\":null,"
                + "\"created_at\":\"2026-01-02T10:00:00.000000Z\"}", 2, 2));
        List<Template> all = client.templates().list(ListParams.builder().domainId("dom1").limit(10).build())
                .toList();
        assertEquals(List.of("vywj2lpokkm47oqz", "z3m5jgrq390ldpyo"), all.stream().map(Template::id).toList());
        RecordedRequest first = take("GET", "/templates");
        assertEquals("dom1", first.getUrl().queryParameter("domain_id"));
        assertEquals("1", first.getUrl().queryParameter("page"));
        assertEquals("10", first.getUrl().queryParameter("limit"));
        assertEquals("2", take("GET", "/templates").getUrl().queryParameter("page"));
        assertTrue(all.get(1).imagePath().isEmpty());

        enqueue("{\"data\":{\"id\":\"vywj2lpokkm47oqz\",\"name\":\"Bienvenue\",\"type\":\"html\"}}");
        assertEquals("Bienvenue", client.templates().get("vywj2lpokkm47oqz").name());
        take("GET", "/templates/vywj2lpokkm47oqz");
    }

    @Test
    void suppressionsListAddAndDelete() throws Exception {
        enqueue(page("{\"id\":\"s1\",\"reason\":\"550 5.1.1 unknown user\",\"created_at\":\"2026-11-01T10:00:00.000000Z\","
                + "\"recipient\":{\"id\":\"r1\",\"email\":\"perdu@example.com\",\"created_at\":\"x\"}}", 1, 1));
        Page<Suppression> p = client.suppressions().hardBounces().page(ListParams.forDomain("dom1"), 1);
        assertEquals("perdu@example.com", p.items().get(0).email().orElseThrow());
        assertEquals("550 5.1.1 unknown user", p.items().get(0).reason().orElseThrow());
        assertTrue(!p.hasNext());
        assertEquals("dom1", take("GET", "/suppressions/hard-bounces").getUrl().queryParameter("domain_id"));

        enqueue(201, "{\"data\":[{\"id\":\"b1\",\"type\":\"pattern\",\"pattern\":\"*@spam.example\",\"created_at\":"
                + "\"2026-11-01T10:00:00.000000Z\"},{\"id\":\"b2\",\"type\":\"exact\",\"pattern\":\"x@example.com\"}]}");
        List<Suppression> added = client.suppressions().blocklist().add("dom1", List.of("x@example.com"),
                List.of("*@spam.example"));
        assertEquals(json("{\"domain_id\":\"dom1\",\"recipients\":[\"x@example.com\"],\"patterns\":[\"*@spam.example\"]}"),
                json(take("POST", "/suppressions/blocklist")));
        assertEquals("x@example.com", added.get(1).email().orElseThrow());

        enqueue(201, "{\"data\":[]}");
        client.suppressions().unsubscribes().add("dom1", List.of("parti@example.com"));
        assertEquals(json("{\"domain_id\":\"dom1\",\"recipients\":[\"parti@example.com\"]}"),
                json(take("POST", "/suppressions/unsubscribes")));

        enqueue(204, "");
        client.suppressions().spamComplaints().delete("dom1", List.of("s1", "s2"));
        assertEquals(json("{\"domain_id\":\"dom1\",\"ids\":[\"s1\",\"s2\"]}"),
                json(take("DELETE", "/suppressions/spam-complaints")));
        enqueue(200, "{\"message\":\"ok\"}");
        client.suppressions().onHold().deleteAll(null);
        assertEquals(json("{\"all\":true}"), json(take("DELETE", "/suppressions/on-hold-list")));

        ValidationException e = assertThrows(ValidationException.class,
                () -> client.suppressions().onHold().add("dom1", List.of("bad")));
        assertEquals(List.of("kind", "recipients.0"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void webhooksCreateGetUpdateDeleteAndList() throws Exception {
        String hook = "{\"id\":\"wh1\",\"url\":\"https://api.rabaislocal.com/hooks/ms\",\"events\":[\"activity.sent\","
                + "\"activity.hard_bounced\"],\"name\":\"prod\",\"enabled\":true,\"editable\":true,\"secret\":"
                + "\"Z1u2v3w4x5y6\",\"created_at\":\"2026-12-02T10:00:00.000000Z\",\"domain\":{\"id\":\"dom1\"}}";
        enqueue(201, "{\"data\":" + hook + "}");
        Webhook w = client.webhooks().create(WebhookCreateParams.builder().url("https://api.rabaislocal.com/hooks/ms")
                .name("prod").events("activity.sent", "activity.hard_bounced").domainId("dom1").enabled(true).build());
        assertEquals(json("{\"url\":\"https://api.rabaislocal.com/hooks/ms\",\"name\":\"prod\",\"events\":"
                + "[\"activity.sent\",\"activity.hard_bounced\"],\"enabled\":true,\"domain_id\":\"dom1\"}"),
                json(take("POST", "/webhooks")));
        assertEquals("Z1u2v3w4x5y6", w.signingSecret().orElseThrow().reveal());
        assertEquals("dom1", w.domainId().orElseThrow());

        enqueue("{\"data\":" + hook + "}");
        assertEquals("prod", client.webhooks().get("wh1").name());
        take("GET", "/webhooks/wh1");

        enqueue("{\"data\":" + hook.replace("\"enabled\":true", "\"enabled\":false") + "}");
        assertTrue(!client.webhooks().update("wh1", WebhookUpdateParams.builder().enabled(false).build()).enabled());
        assertEquals(json("{\"enabled\":false}"), json(take("PUT", "/webhooks/wh1")));

        enqueue(200, "");
        client.webhooks().delete("wh1");
        take("DELETE", "/webhooks/wh1");

        enqueue(page(hook, 1, 1));
        assertEquals(1, client.webhooks().list("dom1").toList().size());
        assertEquals("dom1", take("GET", "/webhooks").getUrl().queryParameter("domain_id"));

        ValidationException e = assertThrows(ValidationException.class, () -> WebhookCreateParams.builder()
                .url("ftp://x").events("bad").build());
        assertEquals(List.of("url", "name", "events.0", "domain_id"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void messagesAndActivity() throws Exception {
        enqueue(page("{\"id\":\"" + MESSAGE_ID + "\",\"created_at\":\"2026-12-02T10:00:00.000000Z\",\"updated_at\":"
                + "\"2026-12-02T10:00:00.000000Z\"}", 1, 1));
        assertEquals(MESSAGE_ID, client.messages().list(ListParams.all()).toList().get(0).id());
        take("GET", "/messages");
        enqueue("{\"data\":{\"id\":\"" + MESSAGE_ID + "\",\"emails\":[{\"id\":\"e1\",\"status\":\"delivered\"}],"
                + "\"domain\":{\"id\":\"dom1\"},\"created_at\":\"2026-12-02T10:00:00.000000Z\"}}");
        Message m = client.messages().get(MESSAGE_ID);
        assertEquals(List.of("e1"), m.emailIds());
        take("GET", "/messages/" + MESSAGE_ID);

        enqueue(page("{\"id\":\"a1\",\"created_at\":\"2026-12-02T10:00:00.000000Z\",\"type\":\"hard_bounced\",\"email\":"
                + "{\"id\":\"e1\",\"subject\":\"Bienvenue\",\"status\":\"rejected\",\"recipient\":{\"email\":"
                + "\"perdu@example.com\"}}}", 1, 1));
        Instant from = Instant.parse("2026-11-20T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        List<Activity> acts = client.activity().list(ActivityListParams.builder("dom1").window(from, to)
                .events("hard_bounced", "soft_bounced").build()).toList();
        assertEquals("perdu@example.com", acts.get(0).recipient().orElseThrow());
        RecordedRequest r = take("GET", "/activity/dom1");
        assertEquals(Long.toString(from.getEpochSecond()), r.getUrl().queryParameter("date_from"));
        assertEquals(List.of("hard_bounced", "soft_bounced"), r.getUrl().queryParameterValues("event[]"));
        enqueue("{\"data\":{\"id\":\"a1\",\"type\":\"delivered\"}}");
        assertEquals("delivered", client.activity().get("a1").type());
        take("GET", "/activities/a1");

        assertThrows(ValidationException.class, () -> ActivityListParams.builder("dom1")
                .window(from, from.plusSeconds(40L * 86400)).build());
    }

    @Test
    void analyticsByDateGivesTheBounceRate() throws Exception {
        enqueue("{\"data\":{\"date_from\":\"1764547200\",\"date_to\":\"1764719999\",\"group_by\":\"days\",\"stats\":["
                + "{\"date\":\"1764547200\",\"delivered\":600,\"hard_bounced\":9,\"soft_bounced\":3},"
                + "{\"date\":\"1764633600\",\"delivered\":400,\"hard_bounced\":5,\"soft_bounced\":3}]}}");
        Instant from = Instant.ofEpochSecond(1764547200L);
        DateAnalytics a = client.analytics().byDate(AnalyticsParams.bounces(from, from.plusSeconds(172799), "dom1"));
        RecordedRequest r = take("GET", "/analytics/date");
        assertEquals("dom1", r.getUrl().queryParameter("domain_id"));
        assertEquals("1764547200", r.getUrl().queryParameter("date_from"));
        assertEquals("days", r.getUrl().queryParameter("group_by"));
        assertEquals(List.of("delivered", "hard_bounced", "soft_bounced"), r.getUrl().queryParameterValues("event[]"));
        assertEquals(1000, a.total("delivered"));
        assertEquals(0.02, a.bounceRate(100).getAsDouble(), 1e-9);
        assertTrue(a.bounceRate(5000).isEmpty());
    }

    @Test
    void apiQuota() throws Exception {
        enqueue("{\"quota\":100000,\"remaining\":99873,\"reset\":\"2026-12-03T00:00:00Z\"}");
        ApiQuota q = client.apiQuota().get();
        take("GET", "/api-quota");
        assertEquals(100000, q.quota());
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), q.reset().orElseThrow());
        assertEquals(0.99873, q.remainingShare(), 1e-9);
    }
}
