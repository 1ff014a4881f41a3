package com.rabaislocal.sdk.testing.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoAffProStandInTest {

    private static final String TOKEN = "stand-in-token";
    private final HttpClient http = HttpClient.newHttpClient();
    private GoAffProStandIn standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = GoAffProStandIn.start(TOKEN);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                .header("x-goaffpro-access-token", token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return SdkJson.mapper().readTree(r.body());
    }

    @Test
    void aWrongTokenGets200WithAnError() throws Exception {
        HttpResponse<String> r = call("GET", "/admin/orders?fields=id", "wrong", null);
        assertEquals(200, r.statusCode());
        assertEquals("shop not found " + GoAffProStandIn.SITE_ID, json(r).get("error").asText());
    }

    @Test
    void theStoreConfigurationIsServed() throws Exception {
        JsonNode config = json(call("GET", "/admin/store/config?keys=site_id,store_name,default_currency", TOKEN, null)).get("config");
        assertEquals(GoAffProStandIn.SITE_ID, config.get("site_id").asText());
        assertEquals("CAD", config.get("default_currency").asText());
    }

    @Test
    void listingsWithoutFieldsGetAnErrorOrEmptyObjects() throws Exception {
        standIn.addAffiliate("ana@example.com", "Ana");
        assertEquals("fields is required", json(call("GET", "/admin/orders", TOKEN, null)).get("error").asText());
        JsonNode affiliates = json(call("GET", "/admin/affiliates", TOKEN, null)).get("affiliates");
        assertEquals(1, affiliates.size());
        assertTrue(affiliates.get(0).isEmpty());
    }

    @Test
    void ordersCarryStringMoneyStringIdsAndJavaScriptDatesAndFeedThePendingBalance() throws Exception {
        long ana = standIn.addAffiliate("ana@example.com", "Ana");
        call("POST", "/admin/orders", TOKEN, "{\"order\":{\"number\":\"1001\",\"total\":58},\"affiliate_id\":" + ana
                + "}");
        JsonNode order = json(call("GET", "/admin/orders?fields=id,number,total,commission,created", TOKEN, null))
                .get("orders").get(0);
        assertTrue(order.get("id").isTextual());
        assertEquals("58.00", order.get("total").asText());
        assertEquals("5.80", order.get("commission").asText());
        assertTrue(order.get("created").asText().contains("GMT+0000"), order.toString());
        JsonNode pending = json(call("GET", "/admin/payments/pending", TOKEN, null)).get("pending").get(0);
        assertEquals(ana, pending.get("affiliate_id").asLong());
        assertEquals("5.80", pending.get("amount").asText());

        call("POST", "/admin/payments", TOKEN, "{\"payments\":[{\"affiliate_id\":\"" + ana + "\",\"amount\":5.8}]}");
        assertEquals(0, json(call("GET", "/admin/payments/pending", TOKEN, null)).get("pending").size());
    }

    @Test
    void aRegisteredAddressIsRefusedWith200() throws Exception {
        standIn.addAffiliate("ana@example.com", "Ana");
        HttpResponse<String> r = call("POST", "/admin/affiliates", TOKEN, "{\"email\":\"ana@example.com\"}");
        assertEquals(200, r.statusCode());
        assertEquals("Email already registered", json(r).get("error").asText());
    }

    @Test
    void theRepeatModeAnswersTheLastPageForever() throws Exception {
        for (int i = 0; i < 3; i++) {
            standIn.addAffiliate("a" + i + "@example.com", "A" + i);
        }
        standIn.repeatLastPage(true);
        JsonNode beyond = json(call("GET", "/admin/affiliates?fields=id&limit=2&offset=50", TOKEN, null))
                .get("affiliates");
        assertEquals(2, beyond.size());
        standIn.repeatLastPage(false);
        assertEquals(0, json(call("GET", "/admin/affiliates?fields=id&limit=2&offset=50", TOKEN, null))
                .get("affiliates").size());
    }
}
