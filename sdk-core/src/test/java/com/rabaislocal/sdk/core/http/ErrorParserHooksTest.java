package com.rabaislocal.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A module's parser returns its own exceptions, and may turn a 2xx that carries an error into one. */
class ErrorParserHooksTest {

    /** A module's own exception, kept under the kit's family. */
    static final class QuotaExhaustedException extends RateLimitException {
        private static final long serialVersionUID = 1L;

        QuotaExhaustedException(ApiError error) {
            super(error);
        }
    }

    /** Like GoAffPro: HTTP 200 with {@code {"error": ...}} and no payload key is an error. */
    static final class AcmeParser implements ErrorParser {
        private final ErrorParser generic = ErrorParser.generic();

        @Override
        public void parse(String body, ApiError.Builder error) {
            generic.parse(body, error);
            JsonNode root = ErrorParser.readJson(body);
            if (root != null && "invalid token".equals(root.path("error").asText())) {
                error.kind(ErrorKind.AUTHENTICATION);
            }
            if (root != null && "quota_exhausted".equals(root.path("error").path("code").asText())) {
                // Waiting will not bring quota back: the parser, not the status, decides.
                error.retryable(false);
            }
        }

        @Override
        public ApiException exception(ApiError error) {
            if ("quota_exhausted".equals(error.code().orElse(""))) {
                return new QuotaExhaustedException(error);
            }
            return ErrorParser.super.exception(error);
        }

        @Override
        public boolean inspectsSuccess() {
            return true;
        }

        @Override
        public boolean errorInSuccess(String body) {
            JsonNode root = ErrorParser.readJson(body);
            return root != null && root.has("error") && !root.has("affiliates");
        }
    }

    private MockWebServer server;
    private SdkHttpClient transport;
    private ServiceClient client;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        sleeper = RecordingSleeper.create();
        client = ServiceClient.builder().service("acme").baseUrl(server.url("/v1/")).transport(transport)
                .errorParser(new AcmeParser()).retryPolicy(sleeper.policy().build()).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void a200CarryingAnErrorBecomesTheParsersException() {
        server.enqueue(new MockResponse.Builder().addHeader("x-request-id", "r-9")
                .body("{\"error\":\"invalid token\"}").build());
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client.execute(SdkRequest.builder("GET", "/admin/affiliates").build(), Map.class));
        assertEquals(200, e.httpStatus());
        assertEquals("invalid token", e.serviceMessage());
        assertEquals("r-9", e.requestId().orElseThrow());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aSuccessShapeThatHoldsAnErrorFieldIsData() {
        server.enqueue(new MockResponse.Builder().body("{\"affiliates\":[{\"id\":1}],\"error\":null}").build());
        Map<?, ?> m = client.execute(SdkRequest.builder("GET", "/admin/affiliates").build(), Map.class);
        assertEquals(List.of(Map.of("id", 1)), m.get("affiliates"));
    }

    @Test
    void theParserChoosesTheExceptionClassAndItsRetryability() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .body("{\"error\":{\"message\":\"You exceeded your quota\",\"code\":\"quota_exhausted\"}}").build());
        ApiException e = assertThrows(ApiException.class,
                () -> client.execute(SdkRequest.builder("GET", "/usage").build()));
        assertInstanceOf(QuotaExhaustedException.class, e);
        assertTrue(e instanceof RateLimitException);
        assertEquals(1, server.getRequestCount(), "a quota error is not retried");
        assertEquals(0, sleeper.count());
    }

    @Test
    void aReaderSeesTheBodyAfterInspectionAndAWrongShapeIsUnexpected() {
        server.enqueue(new MockResponse.Builder().body("{\"affiliates\":[]}").build());
        String text = client.execute(SdkRequest.builder("GET", "/admin/affiliates").build(), "affiliates",
                a -> new String(a.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("{\"affiliates\":[]}", text);

        server.enqueue(new MockResponse.Builder().addHeader("x-request-id", "r-5").body("[1,2]").build());
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.execute(SdkRequest.builder("GET", "/admin/affiliates").build(), Map.class));
        assertEquals(200, e.httpStatus());
        assertEquals("r-5", e.requestId().orElseThrow());
    }
}
