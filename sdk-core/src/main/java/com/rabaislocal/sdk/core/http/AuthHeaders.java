package com.rabaislocal.sdk.core.http;

/**
 * The headers of one attempt, as a {@link RequestAuthenticator} sees them: it may set or remove a header, and
 * nothing else. Keeps transport types out of the interface modules implement.
 */
public interface AuthHeaders {

    /**
     * Sets a header, replacing any value it had.
     *
     * @param name header name
     * @param value header value (never logged when the name is sensitive)
     */
    void set(String name, String value);

    /**
     * Removes a header.
     *
     * @param name header name, any case
     */
    void remove(String name);
}
