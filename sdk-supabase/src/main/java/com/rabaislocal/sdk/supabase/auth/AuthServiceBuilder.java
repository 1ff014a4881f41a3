package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.client.ClientOptions;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import java.util.List;
import java.util.Map;

/**
 * The settings both Auth client builders take: the kit's options ({@link ClientOptions.Base}: project URL,
 * transport, retry policy, timeout, deadline, headers, listeners) and the key. The key's setters stay on each
 * builder, named for the key that client needs.
 *
 * @param <B> the concrete builder type
 */
abstract class AuthServiceBuilder<B extends AuthServiceBuilder<B>> extends ClientOptions.Base<B> {

    AuthServiceBuilder() {
        super(AuthHttp.defaultRetryPolicy());
        requireCredential();
    }

    /**
     * Sets the project URL; the client calls {@code <url>/auth/v1}. The same as {@link #baseUrl(String)}.
     *
     * @param url e.g. {@code https://<ref>.supabase.co}; required, http(s), no query or fragment
     * @return this builder
     */
    public B url(String url) {
        return baseUrl(url);
    }

    final B key(CredentialProvider key) {
        return credential(key);
    }

    @Override
    protected String baseUrlField() {
        return "url";
    }

    /** A concrete builder's own checks, added to the kit's. */
    void checkMore(Map<String, List<String>> errors) {
    }

    /** Runs every check into {@code errors} and returns the options as they are. */
    final ClientOptions checkSettings(Map<String, List<String>> errors) {
        validate(errors);
        checkMore(errors);
        return buildOptions();
    }
}
