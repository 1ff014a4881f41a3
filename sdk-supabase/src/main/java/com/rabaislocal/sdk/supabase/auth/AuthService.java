package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.http.ServiceClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import okhttp3.HttpUrl;

/**
 * What both Auth clients are: the settings they were built from and one Auth transport on {@code <url>/auth/v1}
 * sending their key.
 */
abstract class AuthService implements AutoCloseable {

    private final String url;
    private final CredentialProvider key;
    private final SdkHttpClient transport;
    private final RetryPolicy retryPolicy;
    final ServiceClient http;

    AuthService(AuthServiceBuilder<?> b, HttpUrl base) {
        this.url = b.url;
        this.key = b.key;
        this.transport = b.transport;
        this.retryPolicy = b.retryPolicy;
        this.http = AuthHttp.serviceClient(base, transport, retryPolicy, key);
    }

    /** Copies these settings into a new builder, for {@code toBuilder()}. */
    final <B extends AuthServiceBuilder<B>> B settingsInto(B builder) {
        return builder.url(url).key(key).transport(transport).retryPolicy(retryPolicy);
    }

    /** @return the Auth base URL, {@code <url>/auth/v1} */
    public HttpUrl baseUrl() {
        return http.baseUrl();
    }

    /** Marks the client closed; the transport stays open for others. */
    @Override
    public void close() {
        http.close();
    }

    /** @return the client's type and base URL; never the key */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "{baseUrl=" + http.baseUrl() + '}';
    }
}
