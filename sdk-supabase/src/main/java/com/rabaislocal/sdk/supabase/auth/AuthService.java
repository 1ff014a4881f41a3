package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.http.ServiceClient;
import okhttp3.HttpUrl;

/**
 * What both Auth clients are: the settings they were built from and one Auth transport on {@code <url>/auth/v1}
 * sending their key.
 */
abstract class AuthService implements AutoCloseable {

    private final ClientOptions options;
    final ServiceClient http;

    AuthService(ClientOptions options) {
        this.options = options;
        this.http = AuthHttp.serviceClient(options);
    }

    /** Copies these settings into a new builder, for {@code toBuilder()}. */
    final <B extends AuthServiceBuilder<B>> B settingsInto(B builder) {
        return builder.options(options);
    }

    /** @return the kit options this client was built from (never shows the key) */
    public ClientOptions options() {
        return options;
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
