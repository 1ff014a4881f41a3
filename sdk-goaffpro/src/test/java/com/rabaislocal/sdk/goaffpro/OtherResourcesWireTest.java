package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.goaffpro.webhooks.Webhook;
import java.math.BigDecimal;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OtherResourcesWireTest extends WireTestBase {

    @Test
    void couponsCommissionsGroupsTrafficStoreAndWebhooks() throws Exception {
        enqueue("{\"coupons\":[{\"code\":\"ANA10\",\"discount_type\":\"fixed_amount\",\"discount_value\":\"5.00\","
                + "\"affiliate_id\":1,\"type\":\"referral\"}]}");
        assertEquals(new BigDecimal("5.00"), client.coupons().page("1", "referral", 50, 0).items().get(0)
                .discountValue());
        RecordedRequest c = take("GET", "/admin/coupons");
        assertEquals("referral", c.getUrl().queryParameter("type"));
        assertEquals("0", c.getUrl().queryParameter("offset"));

        enqueue("{\"commissions\":[{\"id\":2,\"commission_type\":\"percentage\",\"commission_value\":\"12\"}]}");
        assertEquals(new BigDecimal("12"), client.commissions().list().get(0).commissionValue());
        take("GET", "/admin/commissions");

        enqueue("{\"id\":3}");
        client.commissions().create("product", "p-9", "flat_rate", new BigDecimal("2.50"), null);
        assertEquals(json("{\"product\":\"p-9\",\"commission_type\":\"flat_rate\",\"commission_value\":2.50}"),
                json(take("POST", "/admin/commissions")));

        enqueue("{\"groups\":[{\"id\":1,\"name\":\"Bakeries\",\"commissions\":{},\"config\":{}}]}");
        assertEquals("Bakeries", client.groups().list().get(0).name());
        assertEquals("id,name,commissions,config", take("GET", "/admin/groups").getUrl().queryParameter("fields"));

        enqueue("{\"traffic\":[{\"id\":1,\"affiliate_id\":2,\"landing_page\":\"/\",\"ip_address\":\"203.0.113.9\","
                + "\"created_at\":\"2024-01-01T00:00:00Z\"}]}");
        assertFalse(client.traffic().page("2", 10, null).items().get(0).toString().contains("203.0.113.9"));
        assertEquals("id,affiliate_id,landing_page,referring_page,ip_address,user_agent,created_at",
                take("GET", "/admin/traffic").getUrl().queryParameter("fields"));

        enqueue("{\"config\":{\"site_id\":4242,\"store_name\":\"RabaisLocal\",\"default_currency\":\"CAD\"}}");
        assertEquals("4242", client.store().config().siteId());
        assertEquals("site_id,store_name,default_currency,website,discount_properties,available_payout_options",
                take("GET", "/admin/store/config").getUrl().queryParameter("keys"));

        enqueue("{\"webhooks\":[{\"id\":1,\"topic\":\"orders/after\",\"url\":\"https://hooks.example.com/g?token=s\"}]}");
        Webhook w = client.webhooks().list().get(0);
        assertEquals("orders/after", w.topic());
        assertFalse(w.toString().contains("token"));
        take("GET", "/admin/webhooks");

        enqueue("{\"id\":2}");
        assertEquals("2", client.webhooks().create("orders/after", "https://hooks.example.com/g"));
        assertEquals(json("{\"topic\":\"orders/after\",\"url\":\"https://hooks.example.com/g\"}"),
                json(take("POST", "/admin/webhooks")));
        assertThrows(ValidationException.class, () -> client.webhooks().create("orders/after", "http://x.com/"));

        enqueue("{\"success\":true}");
        client.webhooks().delete("2");
        take("DELETE", "/admin/webhooks/2");
    }

    @Test
    void verifyProgramRefusesATokenOfAnotherStore() throws Exception {
        try (GoAffProClient scoped = builder().programId("4242").build()) {
            enqueue("{\"config\":{\"site_id\":\"4242\"}}");
            assertEquals("4242", scoped.store().verifyProgram().siteId());
            enqueue("{\"config\":{\"site_id\":\"9\"}}");
            ConfigException e = assertThrows(ConfigException.class, () -> scoped.store().verifyProgram());
            assertEquals(true, e.getMessage().contains("GOAFFPRO_PROGRAM_ID"));
        }
        assertEquals(2, server.getRequestCount());
    }
}
