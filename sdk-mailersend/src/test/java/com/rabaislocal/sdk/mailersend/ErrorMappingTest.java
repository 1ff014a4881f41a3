package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.mailersend.error.MailerSendErrorParser;
import com.rabaislocal.sdk.mailersend.error.MailerSendRateLimitException;
import com.rabaislocal.sdk.mailersend.error.MailerSendValidationException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends WireTestBase {

    private MailerSendClient once() {
        return builder().retryPolicy(sleeper.policy().maxRetries(0).build()).build();
    }

    private ApiException sendFails() {
        try (MailerSendClient c = once()) {
            return assertThrows(ApiException.class,
                    () -> c.emails().send(EmailServiceWireTest.simple("a@example.com")));
        }
    }

    @Test
    void status422IsTheValidationExceptionWithTheDottedFieldMapInOrder() {
        enqueue(422, "{\"message\":\"The to.0.email must be a valid email address. (and 2 more errors)\","
                + "\"errors\":{\"to.0.email\":[\"The to.0.email must be a valid email address.\"],"
                + "\"personalization.0.data\":[\"The personalization.0.data keys must not use dot notation.\"],"
                + "\"from.email\":[\"The from.email domain must be verified in your account to send emails. #MS42207\"]}}");
        MailerSendValidationException e = assertInstanceOf(MailerSendValidationException.class, sendFails());
        assertEquals(List.of("to.0.email", "personalization.0.data", "from.email"),
                List.copyOf(e.fieldErrors().keySet()));
        assertEquals(List.of("The to.0.email must be a valid email address."), e.fieldErrors().get("to.0.email"));
        assertTrue(e.serviceMessage().startsWith("The to.0.email must be"));
        assertInstanceOf(InvalidRequestException.class, e);
        assertEquals(120, e.rateLimit().limit().getAsLong());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void status429IsTheRateLimitExceptionWithItsDelayAndLimits() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "17")
                .addHeader("X-RateLimit-Limit", "120").addHeader("X-RateLimit-Remaining", "0")
                .addHeader("Content-Type", "application/json")
                .body("{\"message\":\"Your account reached its rate limit of 120 requests/min. Please wait before "
                        + "trying again.\"}").build());
        MailerSendRateLimitException e = assertInstanceOf(MailerSendRateLimitException.class, sendFails());
        assertEquals(Duration.ofSeconds(17), e.retryAfter().orElseThrow());
        assertEquals(0, e.rateLimit().remaining().getAsLong());
        assertEquals(120, MailerSendErrorParser.rateLimitOf(e).limit().getAsLong());
    }

    @Test
    void a429WithoutRetryAfterWaitsForTheNextMinute() {
        // The fake clock starts at 12:00:00: the next window opens in 60 s (plus one second of margin).
        enqueue(429, "{\"message\":\"Too Many Attempts.\"}");
        MailerSendRateLimitException e = assertInstanceOf(MailerSendRateLimitException.class, sendFails());
        assertEquals(Duration.ofSeconds(61), e.retryAfter().orElseThrow());
    }

    @Test
    void status401IsAnAuthenticationFailure() {
        enqueue(401, "{\"message\":\"Unauthenticated.\"}");
        ApiException e = assertInstanceOf(AuthenticationException.class, sendFails());
        assertEquals("Unauthenticated.", e.serviceMessage());
    }

    @Test
    void status403IsPermissionDenied() {
        enqueue(403, "{\"message\":\"This action is unauthorized.\"}");
        assertInstanceOf(PermissionDeniedException.class, sendFails());
    }

    @Test
    void status404IsNotFound() {
        enqueue(404, "{\"message\":\"Resource not found.\"}");
        try (MailerSendClient c = once()) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> c.templates().get("nope"));
            assertEquals("Resource not found.", e.serviceMessage());
        }
    }

    @Test
    void status5xxAndMaintenance421AreServerErrors() {
        enqueue(500, "{\"message\":\"Server Error\"}");
        assertEquals(500, assertInstanceOf(ServerException.class, sendFails()).httpStatus());
        enqueue(421, "{\"message\":\"The service is under maintenance. Try again later.\"}");
        assertEquals(421, assertInstanceOf(ServerException.class, sendFails()).httpStatus());
        server.enqueue(new MockResponse.Builder().code(502).body("<html><title>502 Bad Gateway</title></html>")
                .build());
        assertEquals("502 Bad Gateway", assertInstanceOf(ServerException.class, sendFails()).serviceMessage());
    }

    @Test
    void status400IsABadRequest() {
        enqueue(400, "{\"message\":\"Malformed JSON.\"}");
        ApiException e = sendFails();
        assertInstanceOf(InvalidRequestException.class, e);
        assertEquals(400, e.httpStatus());
    }
}
