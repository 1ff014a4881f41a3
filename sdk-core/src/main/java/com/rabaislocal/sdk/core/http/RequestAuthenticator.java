package com.rabaislocal.sdk.core.http;

import okhttp3.Request;

/**
 * Puts credentials on one attempt of a request. Called for every attempt, so a credential provider that returns a
 * rotated key is honoured without rebuilding the client. Implementations must register their header names as
 * sensitive on the client (see {@link ServiceClient.Builder#sensitiveHeader(String)}).
 */
@FunctionalInterface
public interface RequestAuthenticator {

    /** Adds nothing: for public endpoints. */
    RequestAuthenticator NONE = (request, builder) -> { };

    /**
     * Adds the credential headers.
     *
     * @param request the SDK request, e.g. to see headers it already carries (a per-user JWT)
     * @param builder the OkHttp request being built for this attempt
     */
    void authenticate(SdkRequest request, Request.Builder builder);
}
