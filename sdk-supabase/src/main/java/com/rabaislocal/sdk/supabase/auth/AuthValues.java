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

    /** What a password puts on the wire: its value, or null when there is none. */
    static String revealOrNull(Secret password) {
        return password == null ? null : password.reveal();
    }

    /** A builder's own copy of caller data, or null for none. */
    static Map<String, Object> mutableCopy(Map<String, ?> in) {
        return in == null ? null : new LinkedHashMap<>(in);
    }

    /** Puts whichever of e-mail and phone is set (validation has ensured exactly one). */
    static void putEmailOrPhone(Map<String, Object> body, String email, String phone) {
        if (email != null) {
            body.put("email", email);
        } else {
            body.put("phone", phone);
        }
    }

    /** Puts an administrator's user fields that are set: contact, password (revealed) and confirmation flags. */
    static void putUserFields(Map<String, Object> body, String email, String phone, Secret password,
            Boolean emailConfirm, Boolean phoneConfirm) {
        putIfSet(body, "email", email);
        putIfSet(body, "phone", phone);
        putIfSet(body, "password", revealOrNull(password));
        putIfSet(body, "email_confirm", emailConfirm);
        putIfSet(body, "phone_confirm", phoneConfirm);
    }

    /** Names whichever of e-mail and phone is set, for a toString. */
    static String emailOrPhone(String email, String phone) {
        return email != null ? "email=" + email : "phone=" + phone;
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
