package com.rabaislocal.sdk.supabase.functions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.http.ServiceClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Invokes the project's Edge Functions: {@code POST /functions/v1/<name>} by default, with the caller's identity
 * (the user JWT of a {@code withAccessToken} client, else a legacy JWT key). Immutable and thread-safe.
 *
 * <p>Errors: when the relay fails ({@code x-relay-error: true}) a {@link FunctionRelayException}; when the function
 * answers a non-2xx status itself, the sdk-core {@link ApiException} subclass of that status, its message read
 * from the function's JSON ({@code message}, {@code error}, {@code code}...) or its text. Retries: GET invocations
 * and calls declared {@code repeatable(true)} are retried on 503, 520 and I/O failures; other calls are sent once.
 */
public final class FunctionsClient {

    private static final String BASE_PATH = "/functions/v1";

    private final ServiceClient http;

    private FunctionsClient(ServiceClient http) {
        this.http = http;
    }

    /**
     * Creates a client over a configured Supabase {@link ServiceClient}.
     *
     * @param http the service client, base URL the project URL
     * @return the functions client
     */
    public static FunctionsClient create(ServiceClient http) {
        if (http == null) {
            throw new ValidationException("http", "must not be null");
        }
        return new FunctionsClient(http);
    }

    /**
     * POSTs a body to a function and binds its answer.
     *
     * @param name the function name (a sub-path such as {@code hello/world} is allowed)
     * @param body bytes, text, any JSON-writable value, or null
     * @param responseType the answer's type: {@code String} and {@code byte[]} take the raw body, others bind JSON
     * @param <T> the answer type
     * @return the answer, null when the body was empty
     */
    public <T> T invoke(String name, Object body, Class<T> responseType) {
        SdkResponse r = invoke(name, FunctionInvokeParams.builder().body(body).build());
        if (responseType == String.class) {
            return responseType.cast(r.bodyString());
        }
        if (responseType == byte[].class) {
            return responseType.cast(r.body());
        }
        return r.json(responseType);
    }

    /**
     * POSTs a body to a function and binds its JSON answer to a generic type.
     *
     * @param name the function name
     * @param body bytes, text, any JSON-writable value, or null
     * @param responseType e.g. {@code new TypeReference<List<Offer>>() {}}
     * @param <T> the answer type
     * @return the answer, null when the body was empty
     */
    public <T> T invoke(String name, Object body, TypeReference<T> responseType) {
        return invoke(name, FunctionInvokeParams.builder().body(body).build()).json(responseType);
    }

    /**
     * Invokes a function with full control over the request, returning the raw answer.
     *
     * @param name the function name
     * @param options method, body, headers, query, region, timeout
     * @return the 2xx answer (status, headers, body)
     * @throws FunctionRelayException when the relay failed
     * @throws ApiException (a subclass per status) when the function answered an error
     */
    public SdkResponse invoke(String name, FunctionInvokeParams options) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("function name", "is required");
        }
        SdkRequest.Builder b = SdkRequest.builder(options.method(), BASE_PATH + "/" + name)
                .operation("functions.invoke");
        for (Map.Entry<String, String> q : options.query()) {
            b.query(q.getKey(), q.getValue());
        }
        String contentType = null;
        for (Map.Entry<String, String> h : options.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = h.getValue();
            } else {
                b.header(h.getKey(), h.getValue());
            }
        }
        if (options.region() != null) {
            b.header("x-region", options.region());
            b.query("forceFunctionRegion", options.region());
        }
        Object body = options.body();
        if (body instanceof byte[]) {
            b.body((byte[]) body, contentType != null ? contentType : "application/octet-stream");
        } else if (body instanceof CharSequence) {
            b.body(body.toString().getBytes(StandardCharsets.UTF_8),
                    contentType != null ? contentType : "text/plain; charset=utf-8");
        } else if (body != null) {
            b.jsonBody(body);
        }
        if (options.timeout() != null) {
            b.timeout(options.timeout());
        }
        if (options.repeatable() != null) {
            b.repeatable(options.repeatable());
        } else {
            b.repeatable(options.method().equals("GET"));
        }
        // A relay failure (x-relay-error: true) comes typed from SupabaseErrorParser as a FunctionRelayException.
        return http.execute(b.build());
    }

    @Override
    public String toString() {
        return "FunctionsClient{" + http.baseUrl() + BASE_PATH + '}';
    }
}
