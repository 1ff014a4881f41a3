package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the stand-in's handlers see it: method, path, decoded query parameters in order, headers by
 * lower-case name, the parsed JSON body (null when empty) and who sent it.
 */
record Request(String method, String path, List<Map.Entry<String, String>> params, Map<String, String> headers,
               JsonNode body, Caller caller, String remoteIp) {

    /** A header's value, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        for (Map.Entry<String, String> p : params) {
            if (p.getKey().equals(name)) {
                return p.getValue();
            }
        }
        return null;
    }

    /** Whether {@code Prefer} holds a preference, e.g. {@code return=representation}. */
    boolean prefers(String preference) {
        String prefer = header("prefer");
        if (prefer == null) {
            return false;
        }
        for (String p : prefer.split(",")) {
            if (p.strip().equals(preference)) {
                return true;
            }
        }
        return false;
    }

    /** The value of a {@code Prefer} preference such as {@code max-affected=1}, or null. */
    String preference(String name) {
        String prefer = header("prefer");
        if (prefer == null) {
            return null;
        }
        for (String p : prefer.split(",")) {
            String t = p.strip();
            if (t.startsWith(name + "=")) {
                return t.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Whether the client asked for one object ({@code Accept: application/vnd.pgrst.object+json}). */
    boolean wantsObject() {
        String accept = header("accept");
        return accept != null && accept.contains("application/vnd.pgrst.object+json");
    }
}
