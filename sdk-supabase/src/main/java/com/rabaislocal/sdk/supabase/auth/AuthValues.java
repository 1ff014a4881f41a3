package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Value helpers the Auth parameter and result types share. */
final class AuthValues {

    private AuthValues() {
    }

    /** A deeply unmodifiable copy of JSON-like data, keeping order and JSON nulls; empty for null. */
    static Map<String, Object> copy(Map<String, ?> in) {
        if (in == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, freeze(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object v) {
        if (v instanceof Map) {
            return copy((Map<String, ?>) v);
        }
        if (v instanceof java.util.Collection) {
            List<Object> out = new java.util.ArrayList<>();
            for (Object e : (java.util.Collection<?>) v) {
                out.add(freeze(e));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** A secret from a caller's text, or null when blank (reported by the builder's validation). */
    static Secret secretOrNull(String value) {
        return value == null || value.isBlank() ? null : Secret.of(value);
    }

    /** Null for a blank string. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Puts a body field only when it is set. */
    static void putIfSet(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    /** Records a problem under a field. */
    static void problem(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(message);
    }

    /** Throws when any problem was recorded. */
    static void check(String subject, Map<String, List<String>> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(subject, errors);
        }
    }

    /** Requires exactly one of e-mail and phone. */
    static void emailXorPhone(Map<String, List<String>> errors, String email, String phone) {
        if (email == null && phone == null) {
            problem(errors, "email/phone", "one of email or phone is required");
        } else if (email != null && phone != null) {
            problem(errors, "email/phone", "give email or phone, not both");
        }
    }
}
