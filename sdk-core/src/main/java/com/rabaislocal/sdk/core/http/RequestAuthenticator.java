package com.rabaislocal.sdk.core.http;


/**
 * Puts credentials on one attempt of a request. Called for every attempt, so a credential provider that returns a
 * rotated key is honoured without rebuilding the client. Implementations must register their header names as
 * sensitive on the client (see {@link ServiceClient.Builder#sensitiveHeader(String)}).
 */
@FunctionalInterface
public interface RequestAuthenticator {

    /** Adds nothing: for public endpoints. */
    RequestAuthenticator NONE = (request, headers) -> { };

    /**
     * Adds the credential headers.
     *
     * @param request the SDK request, e.g. to see headers it already carries (a per-user JWT)
     * @param headers the headers of this attempt, to set the credentials on
     */
    void authenticate(SdkRequest request, AuthHeaders headers);

    /**
     * Names the headers this authenticator writes, so the client registers them as sensitive (never logged).
     *
     * @return lower-case header names; default none
     */
    default java.util.Set<String> headerNames() {
        return java.util.Set.of();
    }

    /**
     * Sends {@code Authorization: Bearer <credential>} on every attempt, reading the credential each time.
     *
     * @param credential the provider
     * @return the authenticator
     */
    static RequestAuthenticator bearer(com.rabaislocal.sdk.core.config.CredentialProvider credential) {
        return scheme("Authorization", "Bearer ", credential);
    }

    /**
     * Sends {@code <name>: <prefix><credential>} on every attempt, unless the request already carries that header
     * (a per-user token), reading the credential each time.
     *
     * @param name the header, e.g. {@code Authorization} or {@code x-goaffpro-access-token}
     * @param prefix put before the value, e.g. {@code "Bearer "} or {@code "Token "}; empty for none
     * @param credential the provider
     * @return the authenticator
     */
    static RequestAuthenticator scheme(String name, String prefix,
                                       com.rabaislocal.sdk.core.config.CredentialProvider credential) {
        java.util.Objects.requireNonNull(credential, "credential");
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return new RequestAuthenticator() {
            @Override
            public void authenticate(SdkRequest request, AuthHeaders headers) {
                if (request.headers().get(name) == null) {
                    headers.set(name, prefix + credential.current().reveal());
                }
            }

            @Override
            public java.util.Set<String> headerNames() {
                return java.util.Set.of(lower);
            }

            @Override
            public String toString() {
                return "RequestAuthenticator{" + name + ": " + prefix.strip() + " " + SensitiveHeaders.REDACTED + "}";
            }
        };
    }
}
