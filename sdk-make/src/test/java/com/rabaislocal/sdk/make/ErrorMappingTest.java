package com.rabaislocal.sdk.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.UnexpectedStatusException;
import com.rabaislocal.sdk.make.error.ScenarioBusyException;
import com.rabaislocal.sdk.make.error.ScenarioNotActiveException;
import java.time.Instant;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    private final MakeWire wire;

    ErrorMappingTest() throws Exception {
        wire = new MakeWire();
    }

    @AfterEach
    void close() throws Exception {
        wire.close();
    }

    private <T extends ApiException> T getFails(Class<T> type, int status, String body) {
        wire.enqueue(status, body);
        return assertThrows(type, () -> wire.client.scenarios().get(5));
    }

    @Test
    void makesBodyGivesMessageCodeDetailsAndSuberrors() {
        InvalidRequestException e = getFails(InvalidRequestException.class, 400,
                "{\"detail\":\"Validation failed for 1 parameter(s).\",\"message\":\"Bad Request\",\"code\":\"SC400\","
                        + "\"suberrors\":[{\"message\":\"Missing value of required parameter 'number'.\",\"name\":\"Error\"}]}");
        assertEquals("Validation failed for 1 parameter(s).: Missing value of required parameter 'number'.",
                e.serviceMessage());
        assertEquals("SC400", e.code().orElseThrow());
        assertEquals("Bad Request", e.error().details().orElseThrow());
        assertEquals("req-1", e.requestId().orElseThrow());
        assertTrue(e.getMessage().contains("GET /api/v2/scenarios/5"), e.getMessage());
    }

    @Test
    void eachStatusAndCodeHasItsFamily() {
        getFails(PermissionDeniedException.class, 403,
                "{\"detail\":\"Access denied.\",\"message\":\"Permission denied\",\"code\":\"SC403\"}");
        PermissionDeniedException rights = getFails(PermissionDeniedException.class, 400,
                "{\"detail\":\"Insufficient rights\",\"message\":\"Bad Request\",\"code\":\"IM002\"}");
        assertTrue(rights.getMessage().contains("MAKE_TEAM_ID"), rights.getMessage());
        getFails(NotFoundException.class, 404, "{\"detail\":\"Scenario not found\",\"message\":\"Not Found\",\"code\":\"SC404\"}");
        getFails(NotFoundException.class, 400, "{\"detail\":\"Account Does Not Exist\",\"code\":\"IM304\"}");
        AuthenticationException auth = getFails(AuthenticationException.class, 401,
                "{\"detail\":\"Invalid token\",\"message\":\"Unauthorized\",\"code\":\"SC401\"}");
        assertTrue(auth.getMessage().contains("MAKE_ZONE"), auth.getMessage());
        getFails(AuthenticationException.class, 400, "{\"detail\":\"Invalid credentials\",\"code\":\"IM102\"}");
        getFails(InvalidRequestException.class, 406, "{\"detail\":\"Confirmation required\",\"code\":\"IM004\"}");
        getFails(ServerException.class, 500, "{\"detail\":\"Internal error\",\"code\":\"SC500\"}");
    }

    @Test
    void a424IsAnUnexpectedStatusNotAServerError() {
        wire.enqueue(424, "{\"detail\":\"Connection timed out\",\"code\":\"SC424\"}");
        assertThrows(UnexpectedStatusException.class, () -> wire.client.scenarios().get(5));
    }

    @Test
    void runningAnInactiveScenarioIsAClearConflict() {
        wire.enqueue(400, "{\"detail\":\"Scenario is not activated.\",\"message\":\"Bad Request\",\"code\":\"SC400\"}");
        ScenarioNotActiveException e = assertThrows(ScenarioNotActiveException.class,
                () -> wire.client.scenarios().run(5));
        assertTrue(e.getMessage().contains("activate the scenario"), e.getMessage());
        assertFalse(e.retryable());
        wire.enqueue(400, "{\"detail\":\"Scenario is already being executed.\",\"code\":\"SC400\"}");
        assertThrows(ScenarioBusyException.class, () -> wire.client.scenarios().run(5));
        assertEquals(2, wire.server.getRequestCount());
    }

    @Test
    void aPlainText429CarriesTheRateLimitHeaders() {
        long reset = wire.clock.instant().getEpochSecond() + 20;
        MockResponse limited = new MockResponse.Builder().code(429).addHeader("Content-Type", "text/plain")
                .addHeader("x-ratelimit-limit", "30").addHeader("x-ratelimit-remaining", "0")
                .addHeader("x-ratelimit-reset", Long.toString(reset))
                .body("Requests limit for organization exceeded, please try again later.").build();
        for (int i = 0; i < 4; i++) {
            wire.server.enqueue(limited);
        }
        RateLimitException e = assertThrows(RateLimitException.class, () -> wire.client.scenarios().get(5));
        assertTrue(e.getMessage().contains("Requests limit for organization exceeded"), e.getMessage());
        MakeRateLimit limit = MakeRateLimit.of(e).orElseThrow();
        assertEquals(30, limit.limit());
        assertEquals(0, limit.remaining());
        assertEquals(Instant.ofEpochSecond(reset), limit.reset());
        assertTrue(e.retryAfter().isPresent());
    }

    @Test
    void aPaused429IsNotRetried() {
        wire.enqueue(429, "{\"detail\":\"Organization is paused\",\"code\":\"IM310\"}");
        RateLimitException e = assertThrows(RateLimitException.class, () -> wire.client.scenarios().get(5));
        assertFalse(e.retryable());
        assertEquals(1, wire.server.getRequestCount());
        assertEquals(0, wire.sleeper.count());
    }

    @Test
    void successfulAnswersRecordTheRateLimit() {
        wire.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("x-ratelimit-limit", "60").addHeader("x-ratelimit-remaining", "57")
                .addHeader("x-ratelimit-reset", "1783000000").body("{\"scenario\":{\"id\":5}}").build());
        wire.client.scenarios().get(5);
        MakeRateLimit l = wire.client.lastRateLimit().orElseThrow();
        assertEquals(60, l.limit());
        assertEquals(57, l.remaining());
        assertEquals(l, wire.client.withOptions(b -> { }).lastRateLimit().orElseThrow(),
                "a derived client shares the observation");
    }
}
