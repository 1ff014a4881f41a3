package com.rabaislocal.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RateLimitException;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.UnexpectedStatusException;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every non-2xx answer becomes the exception that fits its status, carrying what the service said: message, code,
 * request id, retryability, raw body, field errors and wait hint; the message names service, status, method and
 * path, also when the body is an HTML gateway page.
 */
class ErrorMappingTest {

    private static final String CLOUDFLARE_502 = """
            <!DOCTYPE html>
            <!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
            <html lang="en-US">
            <head>
            <title>api.acme.example | 502: Bad gateway</title>
            <meta charset="UTF-8" />
            <meta name="robots" content="noindex, nofollow" />
            <link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
            </head>
            <body>
            <div id="cf-wrapper">
              <div id="cf-error-details" class="p-0">
                <h1 class="inline-block">Bad gateway</h1>
                <span class="code-label">Error code 502</span>
                <p>Cloudflare Ray ID: <strong class="font-semibold">8a1b2c3d4e5f6a7b</strong></p>
              </div>
            </div>
            </body>
            </html>
            """;

    private MockWebServer server;
    private SdkHttpClient transport;
    private ServiceClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        transport = SdkHttpClient.builder().build();
        // No retry, so each status is seen once; retryability is still the policy's verdict on the status.
        client = ServiceClient.builder().service("acme").baseUrl(server.url("/api/")).transport(transport)
                .retryPolicy(RetryPolicy.builder().maxRetries(0).build()).build();
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        server.shutdown();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("x-request-id", "req-" + status).setBody(body);
    }

    private ApiException fail(SdkRequest request) {
        return assertThrows(ApiException.class, () -> client.execute(request));
    }

    private ApiException failGet() {
        return fail(SdkRequest.builder("GET", "/widgets/42").build());
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "400, InvalidRequestException, false",
        "401, AuthenticationException, false",
        "403, PermissionDeniedException, false",
        "404, NotFoundException, false",
        "405, UnexpectedStatusException, false",
        "406, UnexpectedStatusException, false",
        "409, ConflictException, false",
        "410, UnexpectedStatusException, false",
        "418, UnexpectedStatusException, false",
        "422, InvalidRequestException, false",
        "429, RateLimitException, true",
        "500, ServerException, true",
        "501, ServerException, false",
        "502, ServerException, true",
        "503, ServerException, true",
        "504, ServerException, true",
        "408, UnexpectedStatusException, true",
    })
    void eachStatusMapsToItsException(int status, String type, boolean retryable) {
        String body = "{\"code\":\"E" + status + "\",\"message\":\"widget " + status + " says no\"}";
        server.enqueue(json(status, body));

        ApiException e = failGet();

        assertEquals(type, e.getClass().getSimpleName());
        assertEquals("acme", e.service());
        assertEquals(status, e.httpStatus());
        assertEquals("widget " + status + " says no", e.serviceMessage());
        assertEquals(Optional.of("E" + status), e.code());
        assertEquals(Optional.of("req-" + status), e.requestId());
        assertEquals(retryable, e.retryable());
        assertEquals(body, e.rawBody());
        assertEquals("GET", e.error().method());
        assertEquals("/api/widgets/42", e.error().path());
        assertEquals("acme answered HTTP " + status + " [E" + status + "]: widget " + status
                + " says no on GET /api/widgets/42, request id req-" + status, e.getMessage());
        assertInstanceOf(RabaisSdkException.class, e);
    }

    @Test
    void validationErrorsCarryFieldErrors() {
        server.enqueue(json(422, "{\"message\":\"The given data was invalid.\",\"errors\":{\"email\":[\"is invalid\","
                + "\"is already taken\"],\"name\":[\"is required\"]}}"));

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
                fail(SdkRequest.builder("POST", "/users").jsonBody(Map.of("email", "x")).build()));

        assertEquals(Map.of("email", List.of("is invalid", "is already taken"), "name", List.of("is required")),
                e.fieldErrors());
        assertEquals("The given data was invalid.", e.serviceMessage());
        assertTrue(e.getMessage().contains("email: is invalid; email: is already taken; name: is required"),
                e.getMessage());
        assertTrue(e.getMessage().contains("on POST /api/users"), e.getMessage());
    }

    @Test
    void fieldErrorsWithoutAMessageStillReadWell() {
        String body = "{\"errors\":{\"email\":[\"is invalid\"]}}";
        server.enqueue(json(400, body));

        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, failGet());

        assertEquals(Map.of("email", List.of("is invalid")), e.fieldErrors());
        assertEquals(body, e.rawBody());
        assertTrue(e.getMessage().startsWith("acme answered HTTP 400: "), e.getMessage());
        assertTrue(e.getMessage().contains("{email: is invalid}"), e.getMessage());
    }

    @Test
    void rateLimitCarriesTheWaitHint() {
        server.enqueue(json(429, "{\"message\":\"Too Many Attempts.\"}").setHeader("Retry-After", "7"));
        server.enqueue(json(429, "{\"message\":\"Too Many Attempts.\"}").setHeader("Retry-After-Ms", "1250"));
        server.enqueue(json(429, "{\"message\":\"Too Many Attempts.\"}"));

        assertEquals(Optional.of(Duration.ofSeconds(7)),
                assertInstanceOf(RateLimitException.class, failGet()).retryAfter());
        assertEquals(Optional.of(Duration.ofMillis(1250)),
                assertInstanceOf(RateLimitException.class, failGet()).retryAfter());
        assertEquals(Optional.empty(), assertInstanceOf(RateLimitException.class, failGet()).retryAfter());
    }

    @Test
    void anHtmlGatewayPageGivesItsTitle() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setHeader("cf-ray", "8a1b2c3d4e5f6a7b-YUL").setBody(CLOUDFLARE_502));

        ServerException e = assertInstanceOf(ServerException.class, failGet());

        assertEquals("api.acme.example | 502: Bad gateway", e.serviceMessage());
        assertEquals("acme answered HTTP 502: api.acme.example | 502: Bad gateway on GET /api/widgets/42, "
                + "request id 8a1b2c3d4e5f6a7b-YUL", e.getMessage());
        assertEquals(CLOUDFLARE_502, e.rawBody(), "the page is kept whole for diagnosis");
        assertEquals(Optional.empty(), e.code());
    }

    @Test
    void htmlWithoutTitleIsStrippedAndBounded() {
        String page = "<html><body><h1>503 Service Unavailable</h1><p>" + "x".repeat(500) + "</p></body></html>";
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "text/html").setBody(page));

        ApiException e = failGet();

        assertTrue(e.serviceMessage().startsWith("503 Service Unavailable xxx"), e.serviceMessage());
        assertFalse(e.serviceMessage().contains("<"), e.serviceMessage());
        assertTrue(e.serviceMessage().length() <= 203, "bounded: " + e.serviceMessage().length());
    }

    @Test
    void plainTextAndEmptyBodiesGiveAMessage() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("upstream connect error or disconnect"));
        server.enqueue(new MockResponse().setResponseCode(404));

        assertEquals("upstream connect error or disconnect", failGet().serviceMessage());
        ApiException empty = failGet();
        assertEquals("HTTP 404", empty.serviceMessage());
        assertEquals("", empty.rawBody());
        assertEquals("acme answered HTTP 404: HTTP 404 on GET /api/widgets/42", empty.getMessage());
    }

    @Test
    void nestedErrorObjectsAreRead() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid login credentials\"}"));

        ApiException nested = failGet();
        assertInstanceOf(AuthenticationException.class, nested);
        assertEquals("Incorrect API key provided.", nested.serviceMessage());
        assertEquals(Optional.of("invalid_api_key"), nested.code());

        ApiException oauth = failGet();
        assertEquals("Invalid login credentials", oauth.serviceMessage(), "the first non-blank of message, msg, "
                + "error_description, error");
    }

    @Test
    void requestIdComesFromTheConfiguredHeadersInOrder() {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("sb-request-id", "sb-1")
                .setHeader("cf-ray", "ray-1"));
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("x-amzn-requestid", "amzn-1")
                .setHeader("x-request-id", "ignored"));

        assertEquals(Optional.of("sb-1"), failGet().requestId());
        ServiceClient amazon = client.withOptions(b -> b.requestIdHeaders("x-amzn-requestid"));
        assertEquals(Optional.of("amzn-1"),
                assertThrows(NotFoundException.class,
                        () -> amazon.execute(SdkRequest.builder("GET", "/x").build())).requestId());
    }

    @Test
    void responseHeadersAreKeptExceptCredentials() {
        server.enqueue(json(403, "{\"message\":\"forbidden\"}").setHeader("Set-Cookie", "session=abc; HttpOnly")
                .setHeader("X-RateLimit-Remaining", "0"));

        ApiError error = assertInstanceOf(PermissionDeniedException.class, failGet()).error();

        assertEquals(List.of("0"), error.headers().get("x-ratelimit-remaining"));
        assertFalse(error.headers().containsKey("Set-Cookie"), error.headers().toString());
    }

    @Test
    void aServiceParserCompletesTheError() {
        ServiceClient pg = client.withOptions(b -> b.errorParser((body, error) -> {
            var node = ErrorParser.readJson(body);
            error.code(ErrorParser.firstText(node, "code")).message(ErrorParser.firstText(node, "message"))
                    .details(ErrorParser.firstText(node, "details")).hint(ErrorParser.firstText(node, "hint"))
                    .retryable(false);
        }));
        server.enqueue(json(409, "{\"code\":\"23505\",\"details\":\"Key (slug)=(pizza) already exists.\","
                + "\"hint\":null,\"message\":\"duplicate key value violates unique constraint \\\"offers_slug_key\\\"\"}"));

        ConflictException e = assertThrows(ConflictException.class,
                () -> pg.execute(SdkRequest.builder("POST", "/rest/v1/offers").jsonBody(Map.of()).build()));

        assertEquals(Optional.of("23505"), e.code());
        assertEquals(Optional.of("Key (slug)=(pizza) already exists."), e.error().details());
        assertEquals(Optional.empty(), e.error().hint());
        assertEquals("acme answered HTTP 409 [23505]: duplicate key value violates unique constraint "
                + "\"offers_slug_key\" (details: Key (slug)=(pizza) already exists.) on POST /api/rest/v1/offers, "
                + "request id req-409", e.getMessage());
    }

    @Test
    void aFailingParserDoesNotHideTheAnswer() {
        ServiceClient broken = client.withOptions(b -> b.errorParser((body, error) -> {
            throw new IllegalStateException("parser bug");
        }));
        server.enqueue(json(500, "{\"message\":\"boom\"}"));

        ApiException e = assertThrows(ServerException.class,
                () -> broken.execute(SdkRequest.builder("GET", "/x").build()));

        assertEquals("{\"message\":\"boom\"}", e.rawBody());
        assertEquals(500, e.httpStatus());
    }

    @Test
    void errorsAreMappedForTypedAndStreamingCallsToo() {
        server.enqueue(json(404, "{\"message\":\"no such widget\"}"));
        server.enqueue(json(401, "{\"message\":\"expired\"}"));

        NotFoundException typed = assertThrows(NotFoundException.class,
                () -> client.execute(SdkRequest.builder("GET", "/widgets/9").build(), Map.class));
        assertEquals("no such widget", typed.serviceMessage());
        AuthenticationException streamed = assertThrows(AuthenticationException.class,
                () -> client.stream(SdkRequest.builder("GET", "/exports/1").build()));
        assertEquals("/api/exports/1", streamed.error().path());
    }

    @Test
    void noAnswerIsATransportExceptionNamingServiceMethodAndPath() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/api/").toString();
        gone.shutdown();
        ServiceClient unreachable = client.withOptions(b -> b.baseUrl(url));

        TransportException e = assertThrows(TransportException.class,
                () -> unreachable.execute(SdkRequest.builder("DELETE", "/widgets/42").build()));

        assertEquals("acme", e.service());
        assertTrue(e.getMessage().startsWith("acme DELETE /widgets/42 failed without an answer: ConnectException"),
                e.getMessage());
    }

    @Test
    void aSuccessThatIsNotTheExpectedJsonIsReportedOnceWithTheType() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\":\"abc\"}"));
        server.enqueue(new MockResponse().setBody("{}"));

        RecordingSleeper sleeper = RecordingSleeper.create();
        RabaisSdkException e = assertThrows(RabaisSdkException.class, () -> client.withOptions(
                b -> b.retryPolicy(sleeper.policy().build())).execute(SdkRequest.builder("GET", "/widgets/1").build(),
                Widget.class));

        assertFalse(e instanceof TransportException, "the answer came; it just did not fit");
        assertTrue(e instanceof com.rabaislocal.sdk.core.error.UnexpectedResponseException, e.getClass().getName());
        assertEquals(200, ((com.rabaislocal.sdk.core.error.UnexpectedResponseException) e).httpStatus());
        assertTrue(e.getMessage().startsWith("acme GET /widgets/1 answered HTTP 200 with an answer that does not fit:"
                + " it could not be read as " + Widget.class.getTypeName()), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a malformed answer is not retried");
        assertEquals(0, sleeper.count());
    }

    /** A typed answer. */
    record Widget(long id, String name) {
    }
}
