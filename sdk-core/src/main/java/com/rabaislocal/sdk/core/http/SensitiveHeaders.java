package com.rabaislocal.sdk.core.http;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The case-insensitive set of header names whose values are never logged: {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code apikey}, {@code api-key},
 * {@code x-api-key}, {@code X-GOAFFPRO-ACCESS-TOKEN}, {@code X-GOAFFPRO-PUBLIC-TOKEN}, plus whatever a service
 * module adds with {@link #with(String...)}. Immutable.
 */
public final class SensitiveHeaders {

    /** What a redacted value is printed as. */
    public static final String REDACTED = "██";

    private static final SensitiveHeaders DEFAULTS = new SensitiveHeaders(Set.of("authorization",
            "proxy-authorization", "cookie", "set-cookie", "apikey", "api-key", "x-api-key",
            "x-goaffpro-access-token", "x-goaffpro-public-token"));

    private static final Set<String> SENSITIVE_QUERY = Set.of("apikey", "api_key", "key", "token", "access_token",
            "refresh_token", "password", "secret");

    private final Set<String> names;

    private SensitiveHeaders(Set<String> lowerCaseNames) {
        this.names = Collections.unmodifiableSet(new TreeSet<>(lowerCaseNames));
    }

    /** @return the default set described on this class */
    public static SensitiveHeaders defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a set with more names.
     *
     * @param more header names, any case
     * @return a new set holding these names too
     */
    public SensitiveHeaders with(String... more) {
        Set<String> all = new TreeSet<>(names);
        for (String n : more) {
            all.add(n.toLowerCase(Locale.ROOT));
        }
        return new SensitiveHeaders(all);
    }

    /**
     * Tells whether a header's value must be hidden.
     *
     * @param name a header name, any case
     * @return true when listed
     */
    public boolean contains(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    /** @return the lower-case names, sorted */
    public Set<String> names() {
        return names;
    }

    /**
     * Renders headers for a log line, hiding the listed values.
     *
     * @param headers the headers
     * @return {@code name: value} pairs separated by {@code ", "}
     */
    public String render(okhttp3.Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String n = headers.name(i);
            sb.append(n).append(": ").append(contains(n) ? REDACTED : headers.value(i));
        }
        return sb.toString();
    }

    /**
     * Tells whether a query parameter carries a credential and must be redacted wherever a URL is printed:
     * {@code apikey}, {@code api_key}, {@code key}, {@code token}, {@code access_token}, {@code refresh_token},
     * {@code password}, {@code secret}, in any case.
     *
     * @param name the parameter name
     * @return true when its value must not be printed
     */
    public static boolean isSensitiveQueryParameter(String name) {
        return SENSITIVE_QUERY.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "SensitiveHeaders" + names;
    }
}
