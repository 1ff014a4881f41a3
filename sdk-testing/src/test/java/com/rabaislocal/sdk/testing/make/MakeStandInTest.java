package com.rabaislocal.sdk.testing.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.FakeClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MakeStandInTest {

    private final MakeStandIn make;
    private final HttpClient http = HttpClient.newHttpClient();

    MakeStandInTest() throws Exception {
        make = MakeStandIn.withSampleData(FakeClock.create());
    }

    @AfterEach
    void close() {
        make.close();
    }

    private HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "test/1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Token " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = call("GET", make.baseUrl() + path, MakeStandIn.TOKEN, null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("30", r.headers().firstValue("x-ratelimit-limit").orElseThrow());
        return SdkJson.mapper().readTree(r.body());
    }

    @Test
    void answersLikeMakesApi() throws Exception {
        assertEquals(401, call("GET", make.baseUrl() + "/users/me", "wrong", null).statusCode());
        JsonNode page = get("/scenarios?teamId=4242&pg%5Boffset%5D=1&pg%5Blimit%5D=1");
        assertEquals(102, page.path("scenarios").get(0).path("id").asLong());
        JsonNode logs = get("/scenarios/102/logs?pg%5Blimit%5D=5");
        for (JsonNode l : logs.path("scenarioLogs")) {
            assertEquals(3, l.path("status").asInt(), "the sample's last 5 runs of 102 failed");
        }
        assertEquals(5, logs.path("scenarioLogs").size());
        assertEquals(1, get("/scenarios/102/blueprints").path("scenariosBlueprints").size());
        HttpResponse<String> inactive = call("POST", make.baseUrl() + "/scenarios/103/run", MakeStandIn.TOKEN, "{}");
        assertEquals(400, inactive.statusCode());
        assertTrue(inactive.body().contains("Scenario is not activated"));
        HttpResponse<String> run = call("POST", make.baseUrl() + "/scenarios/101/run", MakeStandIn.TOKEN,
                "{\"responsive\":false}");
        assertTrue(SdkJson.mapper().readTree(run.body()).path("statusUrl").asText().contains("/executions/"));
    }

    @Test
    void hooksAnswerAsMakesDo() throws Exception {
        String url = make.addHook(900, "Tiny queue", 101, 1);
        HttpResponse<String> ok = call("POST", url, null, "{\"a\":1}");
        assertEquals(200, ok.statusCode());
        assertEquals("Accepted", ok.body());
        assertEquals(400, call("POST", url, null, "{}").statusCode(), "queue of 1 is full");
        assertEquals(1, make.hookQueue(900).get(0).path("a").asInt());
        make.retireHook(900);
        assertEquals(410, call("POST", url, null, "{}").statusCode());
    }
}
