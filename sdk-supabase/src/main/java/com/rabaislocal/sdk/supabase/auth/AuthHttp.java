package com.rabaislocal.sdk.supabase.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.http.RequestAuthenticator;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.http.UserAgent;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/** What the Auth clients and the JWKS fetch share: base URL, headers, credentials, retries and error mapping. */
final class AuthHttp {

    /** The service name in logs and errors. */
    static final String SERVICE = "supabase";
    /** The GoTrue API version every request asks for; it selects the {@code code} field in error bodies. */
    static final String API_VERSION = "2024-01-01";

    private static final RetryPolicy RETRY_POLICY = retryPolicy(RetryPolicy.builder());

    private AuthHttp() {
    }

    /** The Auth retry policy: 500-504 and 520-530 are retried, as by the official Auth clients. */
    static RetryPolicy defaultRetryPolicy() {
        return RETRY_POLICY;
    }

    private static RetryPolicy retryPolicy(RetryPolicy.Builder b) {
        Set<Integer> statuses = new TreeSet<>();
        for (int s = 500; s <= 504; s++) {
            statuses.add(s);
        }
        for (int s = 520; s <= 530; s++) {
            statuses.add(s);
        }
        return b.retryableStatuses(statuses).build();
    }

    /**
     * Resolves {@code <projectUrl>/auth/v1}, recording a problem when the URL is missing or not http(s).
     *
     * @return the base, or null after recording a problem
     */
    static HttpUrl authBase(String projectUrl, Map<String, List<String>> errors) {
        HttpUrl url = parseHttpUrl("url", projectUrl, errors);
        return url == null ? null : url.newBuilder().addPathSegments(AUTH_PATH).build();
    }

    /** Parses an http(s) URL, recording a problem under {@code field} when it is missing or invalid. */
    static HttpUrl parseHttpUrl(String field, String text, Map<String, List<String>> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, List.of("is required"));
            return null;
        }
        HttpUrl url = HttpUrl.parse(text.strip());
        if (url == null) {
            errors.put(field, List.of("is not an http(s) URL: " + text));
        }
        return url;
    }

    /**
     * Builds the transport of an Auth client: {@code apikey}, {@code X-Supabase-Api-Version} and
     * {@code X-Client-Info} on every request, the Auth error parser, and bodies never logged (they carry passwords
     * and tokens), whatever the shared transport's {@code logBodies} says.
     *
     * @param key the credential, sent as {@code apikey} and, unless the request carries a user's token, as Bearer;
     *     null for none
     */
    /** The version path of the Auth API under the project URL. */
    static final String AUTH_PATH = "auth/v1";

    /** The Auth transport of a client built on the kit's options: {@code <project url>/auth/v1}. */
    static ServiceClient serviceClient(ClientOptions options) {
        HttpUrl base = HttpUrl.get(options.baseUrl().strip()).newBuilder().addPathSegments(AUTH_PATH).build();
        SdkHttpClient transport = options.transport();
        SdkHttpClient quiet = transport.logBodies() ? transport.toBuilder().logBodies(false).build() : transport;
        return ServiceClient.builder()
                .service(SERVICE)
                .options(options)
                .baseUrl(base)
                .transport(quiet)
                .errorParser(new AuthErrorParser())
                .authenticator(options.credential() == null ? RequestAuthenticator.NONE
                        : authenticator(options.credential()))
                .defaultHeader("X-Supabase-Api-Version", API_VERSION)
                .defaultHeader("X-Client-Info", "rabaislocal-sdk-java/" + UserAgent.sdkVersion())
                .build();
    }

    static ServiceClient serviceClient(HttpUrl base, SdkHttpClient transport, RetryPolicy retryPolicy,
            CredentialProvider key) {
        SdkHttpClient quiet = transport.logBodies() ? transport.toBuilder().logBodies(false).build() : transport;
        return ServiceClient.builder()
                .service(SERVICE)
                .baseUrl(base)
                .transport(quiet)
                .retryPolicy(retryPolicy)
                .errorParser(new AuthErrorParser())
                .authenticator(key == null ? RequestAuthenticator.NONE : authenticator(key))
                .defaultHeader("X-Supabase-Api-Version", API_VERSION)
                .defaultHeader("X-Client-Info", "rabaislocal-sdk-java/" + UserAgent.sdkVersion())
                .build();
    }

    private static RequestAuthenticator authenticator(CredentialProvider key) {
        return (request, builder) -> {
            String value = key.current().reveal();
            builder.set("apikey", value);
            if (request.headers().get("Authorization") == null) {
                builder.set("Authorization", "Bearer " + value);
            }
        };
    }

    /** @return the header value carrying a user's access token */
    static String bearer(Secret accessToken) {
        return "Bearer " + accessToken.reveal();
    }

    /** Sends a call and reads its JSON answer as a tree, failing when it is not a JSON object. */
    static JsonNode executeObject(ServiceClient http, SdkRequest request) {
        SdkResponse response = http.execute(request);
        JsonNode node = response.jsonNode();
        if (!node.isObject()) {
            throw new UnexpectedResponseException(SERVICE, request.describe(), response.status(),
                    response.requestId().orElse(null), "expected a JSON object", response.bodyString(), null);
        }
        return node;
    }

    /** Binds a tree, naming the call when its shape is wrong. */
    static <T> T bind(JsonNode node, Class<T> type, SdkRequest request) {
        try {
            return SdkJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw ServiceClient.unreadable(SERVICE, request.describe(), type.getSimpleName(), e);
        }
    }
}
