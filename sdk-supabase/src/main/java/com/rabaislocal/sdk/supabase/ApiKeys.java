package com.rabaislocal.sdk.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** What kind of Supabase key a value is; never prints the value. */
final class ApiKeys {

    static final String PUBLISHABLE_PREFIX = "sb_publishable_";
    static final String SECRET_PREFIX = "sb_secret_";
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private ApiKeys() {
    }

    /** @return whether the value has a JWT's shape (three base64url parts), as legacy anon/service keys do */
    static boolean isJwt(String value) {
        return value != null && JWT.matcher(value).matches();
    }

    /** @return the {@code role} claim of a JWT-shaped value, unverified, or null when unreadable */
    static String role(String jwt) {
        try {
            String payload = jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'));
            JsonNode claims = SdkJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(payload),
                    StandardCharsets.UTF_8));
            JsonNode role = claims.get("role");
            return role != null && role.isTextual() ? role.asText() : null;
        } catch (RuntimeException | java.io.IOException unreadable) {
            return null;
        }
    }

    /**
     * Tells why a key does not fit the client being built, or null when it fits. A secret key in a client named
     * for the publishable key would silently bypass Row Level Security; the opposite would silently apply it.
     */
    static String mismatch(String key, boolean serviceRole) {
        if (serviceRole) {
            if (key.startsWith(PUBLISHABLE_PREFIX)) {
                return "is a publishable key (sb_publishable_...); a service-role client needs the secret key"
                        + " (sb_secret_...) or the legacy service_role JWT";
            }
            if (isJwt(key) && !"service_role".equals(role(key))) {
                return "is a JWT whose role is " + role(key) + ", not service_role; a service-role client needs the"
                        + " secret key";
            }
            return null;
        }
        if (key.startsWith(SECRET_PREFIX)) {
            return "is a secret key (sb_secret_...), which bypasses Row Level Security; use"
                    + " SupabaseClient.serviceRoleBuilder() for it, or give this client the publishable key";
        }
        if (isJwt(key) && "service_role".equals(role(key))) {
            return "is the legacy service_role JWT, which bypasses Row Level Security; use"
                    + " SupabaseClient.serviceRoleBuilder() for it, or give this client the anon key";
        }
        return null;
    }
}
