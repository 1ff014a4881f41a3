package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The settings both Auth client builders take: project URL, key, transport and retry policy. The key's setters
 * stay on each builder, named for the key that client needs.
 *
 * @param <B> the concrete builder type
 */
abstract class AuthServiceBuilder<B extends AuthServiceBuilder<B>> {

    String url;
    CredentialProvider key;
    SdkHttpClient transport = SdkHttpClient.shared();
    RetryPolicy retryPolicy = AuthHttp.defaultRetryPolicy();

    AuthServiceBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the project URL; Auth lives under {@code /auth/v1} of it.
     *
     * @param url e.g. {@code https://<ref>.supabase.co}
     * @return this builder
     */
    public B url(String url) {
        this.url = url;
        return self();
    }

    /**
     * Sets transport.
     *
     * @param transport the shared transport; default {@link SdkHttpClient#shared()}
     * @return this builder
     */
    public B transport(SdkHttpClient transport) {
        this.transport = transport;
        return self();
    }

    /**
     * Sets retryPolicy.
     *
     * @param retryPolicy default {@link AuthClient#defaultRetryPolicy()}
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return self();
    }

    final B key(CredentialProvider key) {
        this.key = key;
        return self();
    }

    /** The settings that must not be null, by name, in the order the error lists them. */
    Map<String, Object> requiredSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", transport);
        m.put("retryPolicy", retryPolicy);
        return m;
    }

    /**
     * Records every problem with the settings and resolves the Auth base URL.
     *
     * @param keyName the key's setting, as the error names it
     * @param keyKind which key the project must supply, for the error
     * @return the base URL, or null after recording a problem
     */
    final HttpUrl checkSettings(Map<String, List<String>> errors, String keyName, String keyKind) {
        HttpUrl base = AuthHttp.authBase(url, errors);
        if (key == null) {
            AuthValues.problem(errors, keyName, "is required (" + keyKind + ")");
        }
        Map<String, Object> required = requiredSettings();
        if (required.containsValue(null)) {
            AuthValues.problem(errors, String.join("/", required.keySet()), "must not be null");
        }
        return base;
    }
}
