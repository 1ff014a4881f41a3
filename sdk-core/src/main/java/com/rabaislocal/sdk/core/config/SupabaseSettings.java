package com.rabaislocal.sdk.core.config;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.net.URI;
import java.util.Optional;

/**
 * What {@code sdk-supabase} needs, validated: the project URL and the key providers. Obtain it with
 * {@link SdkConfig#supabase()}. Keys are providers so that rotation is followed; call them once per request.
 */
public final class SupabaseSettings {

    private final RabaisEnvironment environment;
    private final URI url;
    private final CredentialProvider anonKey;
    private final Optional<CredentialProvider> serviceRoleKey;
    private final Optional<CredentialProvider> jwtSecret;

    SupabaseSettings(RabaisEnvironment environment, URI url, CredentialProvider anonKey,
                     Optional<CredentialProvider> serviceRoleKey, Optional<CredentialProvider> jwtSecret) {
        this.environment = environment;
        this.url = url;
        this.anonKey = anonKey;
        this.serviceRoleKey = serviceRoleKey;
        this.jwtSecret = jwtSecret;
    }

    /**
     * Returns the deployment these settings were validated for.
     *
     * @return the environment
     */
    public RabaisEnvironment environment() {
        return environment;
    }

    /**
     * Returns the project URL (SUPABASE_URL), to which the client appends {@code /rest/v1}, {@code /auth/v1}, ...
     *
     * @return the URL, lower-case scheme and host, without a trailing slash
     */
    public URI url() {
        return url;
    }

    /**
     * Returns the project ref, the first label of {@code https://<ref>.supabase.co}.
     *
     * @return the ref; empty for loopback and custom domains
     */
    public Optional<String> projectRef() {
        return SupabaseKeys.projectRef(url);
    }

    /**
     * Returns the provider of SUPABASE_ANON_KEY (legacy JWT with role {@code anon}, or {@code sb_publishable_...}).
     *
     * @return the provider
     */
    public CredentialProvider anonKey() {
        return anonKey;
    }

    /**
     * Returns the provider of SUPABASE_SERVICE_ROLE_KEY, which bypasses row-level security.
     *
     * @return the provider, or empty if the key is not configured
     */
    public Optional<CredentialProvider> serviceRoleKey() {
        return serviceRoleKey;
    }

    /**
     * Returns the service-role key provider, for operations that cannot run without it (Auth admin API, writes
     * that bypass row-level security).
     *
     * @return the provider
     * @throws ConfigException naming SUPABASE_SERVICE_ROLE_KEY if it is not configured
     */
    public CredentialProvider requireServiceRoleKey() {
        return serviceRoleKey.orElseThrow(() -> new ConfigException(
                ValueRules.missing(ConfigKey.SUPABASE_SERVICE_ROLE_KEY)
                        + " (service-role operations such as the Auth admin API need it)"));
    }

    /** Masked: shows the URL and which keys are configured, never a key. */
    /**
     * Returns the provider of SUPABASE_JWT_SECRET, the project's HS256 signing secret, when configured: the JWT
     * verifier then checks HS256 user tokens locally.
     *
     * @return the provider, or empty when not configured
     */
    public Optional<CredentialProvider> jwtSecret() {
        return jwtSecret;
    }

    @Override
    public String toString() {
        return "SupabaseSettings{environment=" + environment + ", url=" + url + ", anonKey=configured, serviceRoleKey="
                + (serviceRoleKey.isPresent() ? "configured" : "absent") + ", jwtSecret="
                + (jwtSecret.isPresent() ? "configured" : "absent") + "}";
    }
}
