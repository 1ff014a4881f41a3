package com.rabaislocal.sdk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Supabase API keys without verifying them: a legacy key is a JWT whose payload says which {@code role} it
 * grants and which project ({@code ref}) it belongs to; a new key is {@code sb_publishable_...} or
 * {@code sb_secret_...}. Only claims are decoded (plain Base64 and JSON); the signature is never needed to tell a
 * swapped or cross-project key, and the key itself is never put in a message.
 */
final class SupabaseKeys {

    static final String PUBLISHABLE_PREFIX = "sb_publishable_";
    static final String SECRET_PREFIX = "sb_secret_";
    /** The issuer of the Supabase CLI's well-known local keys, which only belong on a developer machine. */
    static final String DEMO_ISSUER = "supabase-demo";

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    private static final Pattern KEY_BODY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HOSTED = Pattern.compile("([a-z0-9]+)\\.supabase\\.co");
    private static final Pattern PRINTABLE_CLAIM = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    enum Form { JWT, PUBLISHABLE, SECRET }

    /** What a key says about itself. Claims are only present for JWTs. */
    record Info(Form form, Optional<String> role, Optional<String> ref, Optional<Instant> issuedAt,
                Optional<Instant> expiresAt, Optional<String> issuer) {
    }

    /** Why a value is not a Supabase key at all. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private SupabaseKeys() {
    }

    /** Reads the form and, for a JWT, its claims. */
    static Info inspect(String value) throws Malformed {
        if (value.startsWith(PUBLISHABLE_PREFIX) || value.startsWith(SECRET_PREFIX)) {
            boolean publishable = value.startsWith(PUBLISHABLE_PREFIX);
            String body = value.substring((publishable ? PUBLISHABLE_PREFIX : SECRET_PREFIX).length());
            if (!KEY_BODY.matcher(body).matches()) {
                throw new Malformed("starts with " + (publishable ? PUBLISHABLE_PREFIX : SECRET_PREFIX)
                        + " but the rest is not letters, digits, '_' or '-'");
            }
            return new Info(publishable ? Form.PUBLISHABLE : Form.SECRET, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || !BASE64URL.matcher(parts[0]).matches() || !BASE64URL.matcher(parts[1]).matches()
                || !BASE64URL.matcher(parts[2]).matches()) {
            throw new Malformed("is neither a JWT (three base64url parts separated by '.') nor a Supabase API key "
                    + "starting with " + PUBLISHABLE_PREFIX + " or " + SECRET_PREFIX);
        }
        JsonNode header = decodeJson(parts[0]);
        JsonNode payload = decodeJson(parts[1]);
        if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
            throw new Malformed("has the shape of a JWT but its header or payload is not base64url-encoded JSON");
        }
        return new Info(Form.JWT, text(payload, "role"), text(payload, "ref"), instant(payload, "iat"),
                instant(payload, "exp"), text(payload, "iss"));
    }

    /** The project ref in {@code https://<ref>.supabase.co}; empty for loopback and custom domains. */
    static Optional<String> projectRef(URI supabaseUrl) {
        Matcher m = HOSTED.matcher(supabaseUrl.getHost().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Checks that a key fits its slot, its project and its environment. Each problem is phrased to follow the
     * variable's name and says what was expected and what was found.
     */
    static List<String> check(ConfigKey slot, Info info, Optional<URI> supabaseUrl, RabaisEnvironment env,
                              Instant now) {
        List<String> problems = new ArrayList<>();
        boolean anonSlot = slot == ConfigKey.SUPABASE_ANON_KEY;
        ConfigKey other = anonSlot ? ConfigKey.SUPABASE_SERVICE_ROLE_KEY : ConfigKey.SUPABASE_ANON_KEY;
        String swapped = " (" + slot + " and " + other + " look swapped)";
        if (info.form() == Form.JWT) {
            String expected = anonSlot ? "anon" : "service_role";
            String otherRole = anonSlot ? "service_role" : "anon";
            if (info.role().isEmpty()) {
                problems.add("expected a JWT with role '" + expected + "', found a JWT without a role claim");
            } else if (!info.role().get().equals(expected)) {
                problems.add("expected a JWT with role '" + expected + "', found role " + shown(info.role().get())
                        + (info.role().get().equals(otherRole) ? swapped : ""));
            }
            Optional<String> projectRef = supabaseUrl.flatMap(SupabaseKeys::projectRef);
            if (projectRef.isPresent()) {
                if (info.ref().isEmpty()) {
                    problems.add("expected a key of Supabase project '" + projectRef.get()
                            + "' (from SUPABASE_URL), found a JWT without a ref claim");
                } else if (!info.ref().get().equals(projectRef.get())) {
                    problems.add("expected a key of Supabase project '" + projectRef.get()
                            + "' (from SUPABASE_URL), found a key of project " + shown(info.ref().get()));
                }
            }
            if (info.expiresAt().isPresent() && !info.expiresAt().get().isAfter(now)) {
                problems.add("expired on " + info.expiresAt().get() + " (JWT exp claim)");
            }
            if (env != RabaisEnvironment.DEVELOPMENT && info.issuer().orElse("").equals(DEMO_ISSUER)) {
                problems.add("is the Supabase CLI's local demo key (iss '" + DEMO_ISSUER + "'), which " + env
                        + " must not use; expected the " + env.id() + " project's key");
            }
        } else {
            boolean wantPublishable = anonSlot;
            boolean isPublishable = info.form() == Form.PUBLISHABLE;
            if (wantPublishable != isPublishable) {
                problems.add("expected " + (wantPublishable ? "a publishable key (" + PUBLISHABLE_PREFIX + "...)"
                        : "a secret key (" + SECRET_PREFIX + "...)") + ", found "
                        + (isPublishable ? "a publishable key (" + PUBLISHABLE_PREFIX + "...)"
                        : "a secret key (" + SECRET_PREFIX + "...)") + swapped);
            }
        }
        return problems;
    }

    /** A claim value is shown only when it is short and name-like. */
    private static String shown(String claim) {
        return PRINTABLE_CLAIM.matcher(claim).matches() ? "'" + claim + "'" : "an unexpected value";
    }

    private static JsonNode decodeJson(String part) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            return SdkJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static Optional<String> text(JsonNode payload, String claim) {
        JsonNode n = payload.get(claim);
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode payload, String claim) {
        JsonNode n = payload.get(claim);
        return n != null && n.isNumber() ? Optional.of(Instant.ofEpochSecond(n.asLong())) : Optional.empty();
    }
}
