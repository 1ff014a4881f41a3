package com.rabaislocal.sdk.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.UnexpectedStatusException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import com.rabaislocal.sdk.openai.error.InsufficientQuotaException;
import com.rabaislocal.sdk.openai.error.OpenAiError;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Each status with OpenAI's real error bodies becomes the right exception, with what OpenAI said. */
class ErrorMappingTest extends WireTestBase {

    private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").user("Bonjour").build();

    private ApiException fail(int status, String body, String... headers) {
        MockResponse.Builder r = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_e" + status).body(body);
        for (int i = 0; i < headers.length; i += 2) {
            r.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(r.build());
        try (OpenAiClient c = builder().retryPolicy(RetryPolicy.none()).build()) {
            return assertThrows(ApiException.class, () -> c.chat().create(PARAMS));
        }
    }

    @Test
    void badRequestNamesTheParam() {
        ApiException e = fail(400, "{\"error\":{\"message\":\"Invalid value for 'temperature': must be at most 2.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"invalid_value\"}}");
        assertInstanceOf(InvalidRequestException.class, e);
        assertEquals("invalid_value", e.code().orElseThrow());
        assertEquals("Invalid value for 'temperature': must be at most 2.", e.serviceMessage());
        assertEquals("req_e400", e.requestId().orElseThrow());
        OpenAiError o = OpenAiError.of(e);
        assertEquals("invalid_request_error", o.type());
        assertEquals("temperature", o.param());
        assertTrue(e.error().fieldErrors().containsKey("temperature"));
        assertTrue(e.getMessage().contains("param temperature"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void unknownModelWithNullCodeUsesTheType() {
        ApiException e = fail(404, "{\"error\":{\"message\":\"The model `gpt-9` does not exist or you do not have "
                + "access to it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}");
        assertInstanceOf(NotFoundException.class, e);
        assertEquals("model_not_found", e.code().orElseThrow());
        ApiException noCode = fail(400, "{\"error\":{\"message\":\"We could not parse the JSON body of your request.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
        assertEquals("invalid_request_error", noCode.code().orElseThrow());
    }

    @Test
    void invalidKeyIsAnAuthenticationError() {
        ApiException e = fail(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****ABCD. You can "
                + "find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"invalid_api_key\"}}");
        assertInstanceOf(AuthenticationException.class, e);
        assertEquals("invalid_api_key", e.code().orElseThrow());
        assertFalse(e.getMessage().contains(KEY));
    }

    @Test
    void unsupportedRegionIsPermissionDenied() {
        ApiException e = fail(403, "{\"error\":{\"code\":\"unsupported_country_region_territory\",\"message\":"
                + "\"Country, region, or territory not supported\",\"param\":null,\"type\":\"request_forbidden\"}}");
        assertInstanceOf(PermissionDeniedException.class, e);
        assertFalse(e instanceof InsufficientQuotaException);
    }

    @Test
    void rateLimitIsTransientWithRetryAfterAndLimits() {
        ApiException e = fail(429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini in organization "
                + "org-abc on tokens per min (TPM): Limit 200000, Used 199950, Requested 120. Please try again in 21ms.\","
                + "\"type\":\"tokens\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
                "retry-after-ms", "21", "x-ratelimit-remaining-tokens", "50", "x-ratelimit-reset-tokens", "21ms");
        RateLimitException r = assertInstanceOf(RateLimitException.class, e);
        assertEquals("rate_limit_exceeded", r.code().orElseThrow());
        assertEquals(Duration.ofMillis(21), r.retryAfter().orElseThrow());
        assertTrue(r.retryable());
        OpenAiError o = OpenAiError.of(e);
        assertEquals(50, o.rateLimits().tokensRemaining().getAsLong());
        assertEquals(Duration.ofMillis(21), o.rateLimits().tokensReset().orElseThrow());
    }

    @Test
    void insufficientQuotaIsItsOwnNonRetryableException() {
        ApiException e = fail(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan "
                + "and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}");
        InsufficientQuotaException q = assertInstanceOf(InsufficientQuotaException.class, e);
        assertFalse(e instanceof RateLimitException);
        assertFalse(q.retryable());
        assertEquals(429, q.httpStatus());
    }

    @Test
    void conflictAndServerErrors() {
        assertInstanceOf(ConflictException.class, fail(409, "{\"error\":{\"message\":\"Conflict\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":null}}"));
        ApiException s = fail(500, "{\"error\":{\"message\":\"The server had an error while processing your request. "
                + "Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
        assertInstanceOf(ServerException.class, s);
        assertTrue(s.retryable());
        ApiException overloaded = fail(503, "{\"error\":{\"message\":\"The engine is currently overloaded, please try "
                + "again later.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
        assertInstanceOf(ServerException.class, overloaded);
    }

    @Test
    void aGatewayPageThatIsNotJsonKeepsTheRawBody() {
        ApiException e = fail(502, "<html><body>502 Bad Gateway</body></html>");
        assertInstanceOf(ServerException.class, e);
        assertTrue(e.rawBody().contains("502 Bad Gateway"));
    }

    @Test
    void anOddStatusIsUnexpected() {
        assertInstanceOf(UnexpectedStatusException.class, fail(418, "{\"error\":{\"message\":\"teapot\"}}"));
        assertInstanceOf(InvalidRequestException.class, fail(422, "{\"error\":{\"message\":\"Unprocessable\","
                + "\"type\":\"invalid_request_error\"}}"));
    }
}
