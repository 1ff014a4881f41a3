package com.rabaislocal.sdk.testing.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stand-in's GoTrue: password sign-in and sign-out for its one demo user, tokens minted for any user, and the
 * check of access tokens. As on Supabase, signing out ends the session, but the Data API keeps accepting its access
 * token until the token expires.
 *
 * <p>Access tokens are JWTs with Supabase's claims ({@code iss}, {@code sub}, {@code role = authenticated},
 * {@code aud = authenticated}, {@code exp}, {@code app_metadata.role}, ...) signed HS256 with the stand-in's JWT
 * secret, as a project with the legacy JWT secret signs them; the Data API side accepts a token only when its
 * signature and expiry check out, as PostgREST does.
 */
final class AuthApi {

    /** How long an access token lasts, as on a Supabase project by default. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final Clock clock;
    private final Secret jwtSecret;
    private final SecureRandom random = new SecureRandom();
    private final String email;
    private final Secret password;
    private final UUID userId;
    private final String appRole;
    private final String displayName;
    private final Instant createdAt;
    private final Map<String, Issued> issued = new HashMap<>();
    /** Tokens whose session was signed out; still accepted by the Data API until they expire, as on Supabase. */
    private final Set<String> ended = new HashSet<>();

    private record Issued(Caller caller, Instant expiresAt) {
    }

    AuthApi(String projectUrl, Clock clock, Secret jwtSecret, String email, Secret password, UUID userId,
            String appRole, String displayName) {
        this.issuer = projectUrl + "/auth/v1";
        this.clock = clock;
        this.jwtSecret = jwtSecret;
        this.email = email;
        this.password = password;
        this.userId = userId;
        this.appRole = appRole;
        this.displayName = displayName;
        this.createdAt = clock.instant().minus(Duration.ofDays(42));
    }

    /** Serves {@code /auth/v1/...}; returns null for a route it does not serve. */
    Answer handle(Request request) {
        if (request.method().equals("POST") && request.path().equals("/auth/v1/token")
                && "password".equals(request.param("grant_type"))) {
            return signIn(request.body());
        }
        if (request.method().equals("POST") && request.path().equals("/auth/v1/logout")) {
            return signOut(request.header("authorization"));
        }
        if (request.method().equals("GET") && request.path().equals("/auth/v1/health")) {
            // GoTrue's health answer, which monitoring checks read.
            com.fasterxml.jackson.databind.node.ObjectNode health = com.rabaislocal.sdk.core.json.SdkJson.mapper()
                    .createObjectNode().put("version", "v2.170.0").put("name", "GoTrue")
                    .put("description", "GoTrue is a user registration and authentication API");
            return Answer.json(200, health);
        }
        return null;
    }

    /** {@code POST /logout}: ends the session of the Bearer token; GoTrue answers 204, or 401/403 for a bad token. */
    private Answer signOut(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (token == null) {
            return Answer.authError(401, "no_authorization", "This endpoint requires a Bearer token");
        }
        Issued session = issued.get(token);
        if (session == null) {
            // A minted token is valid but was never a session.
            return verifiedClaims(token) != null
                    ? Answer.authError(403, "session_not_found", "Session from session_id claim in JWT does not exist")
                    : Answer.authError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature");
        }
        if (!ended.add(token)) {
            return Answer.authError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
        }
        return Answer.empty(204);
    }

    /**
     * Tells who a Bearer token belongs to, as PostgREST does: the signature must be this stand-in's, the token not
     * expired, and its {@code sub} a user id.
     *
     * @return the caller, with the token's database role and user id (the application role is the caller's to add)
     * @throws Refusal PostgREST's 401 when the token is not signed with the stand-in's secret or has expired
     */
    Caller caller(String token) {
        JsonNode claims = verifiedClaims(token);
        if (claims == null) {
            throw Refusal.postgrest(401, "PGRST301", "No suitable key or wrong key type");
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(claims.path("exp").asLong(0)))) {
            throw Refusal.postgrest(401, "PGRST303", "JWT expired");
        }
        UUID sub;
        try {
            sub = UUID.fromString(claims.path("sub").asText(""));
        } catch (IllegalArgumentException e) {
            throw Refusal.postgrest(401, "PGRST301", "No suitable key or wrong key type");
        }
        return new Caller(claims.path("role").asText("authenticated"), sub, null);
    }

    /**
     * Mints an access token for a user, as a sign-in would issue one, without a session.
     *
     * @param user the user's id ({@code sub})
     * @param role the user's application role, written to {@code app_metadata.role}
     * @return the signed token
     */
    String mint(UUID user, String role) {
        Instant now = clock.instant();
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        ObjectNode claims = claims(now, now.plus(TOKEN_LIFETIME), user, "", appMetadata(role), metadata);
        return sign(claims);
    }

    /** The claims of a token whose signature is this stand-in's, or null. */
    private JsonNode verifiedClaims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = SdkJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"HS256".equals(header.path("alg").asText())) {
                return null;
            }
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return SdkJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private Answer signIn(JsonNode body) {
        String givenEmail = body == null ? null : text(body, "email");
        String givenPassword = body == null ? null : text(body, "password");
        if (givenEmail == null || givenPassword == null) {
            return Answer.authError(400, "validation_failed", "missing email or phone");
        }
        boolean emailMatches = givenEmail.strip().toLowerCase(Locale.ROOT).equals(email);
        boolean passwordMatches = MessageDigest.isEqual(givenPassword.getBytes(StandardCharsets.UTF_8),
                password.reveal().getBytes(StandardCharsets.UTF_8));
        if (!emailMatches || !passwordMatches) {
            return Answer.authError(400, "invalid_credentials", "Invalid login credentials");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(TOKEN_LIFETIME);
        ObjectNode user = user(now);
        String accessToken = accessToken(now, expiresAt, user);
        issued.put(accessToken, new Issued(new Caller("authenticated", userId, appRole), expiresAt));

        ObjectNode session = JsonNodeFactory.instance.objectNode();
        session.put("access_token", accessToken);
        session.put("token_type", "bearer");
        session.put("expires_in", TOKEN_LIFETIME.toSeconds());
        session.put("expires_at", expiresAt.getEpochSecond());
        session.put("refresh_token", randomToken(9));
        session.set("user", user);
        return Answer.json(200, session);
    }

    private ObjectNode user(Instant now) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.put("id", userId.toString());
        user.put("aud", "authenticated");
        user.put("role", "authenticated");
        user.put("email", email);
        user.put("email_confirmed_at", PgType.format(createdAt));
        user.put("phone", "");
        user.put("confirmed_at", PgType.format(createdAt));
        user.put("last_sign_in_at", PgType.format(now));
        user.set("app_metadata", appMetadata());
        ObjectNode userMetadata = user.putObject("user_metadata");
        userMetadata.put("display_name", displayName);
        user.putArray("identities");
        user.put("created_at", PgType.format(createdAt));
        user.put("updated_at", PgType.format(now));
        user.put("is_anonymous", false);
        return user;
    }

    private ObjectNode appMetadata() {
        return appMetadata(appRole);
    }

    private static ObjectNode appMetadata(String role) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("provider", "email");
        m.putArray("providers").add("email");
        m.put("role", role);
        return m;
    }

    private String accessToken(Instant now, Instant expiresAt, ObjectNode user) {
        return sign(claims(now, expiresAt, userId, email, appMetadata(),
                (ObjectNode) user.get("user_metadata").deepCopy()));
    }

    private ObjectNode claims(Instant now, Instant expiresAt, UUID user, String userEmail, ObjectNode appMetadata,
                              ObjectNode userMetadata) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", issuer);
        claims.put("sub", user.toString());
        claims.put("aud", "authenticated");
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("email", userEmail);
        claims.put("phone", "");
        claims.set("app_metadata", appMetadata);
        claims.set("user_metadata", userMetadata);
        claims.put("role", "authenticated");
        claims.put("aal", "aal1");
        ObjectNode amr = claims.putArray("amr").addObject();
        amr.put("method", "password");
        amr.put("timestamp", now.getEpochSecond());
        claims.put("session_id", UUID.randomUUID().toString());
        claims.put("is_anonymous", false);
        // The nonce makes every token distinct even when two sign-ins share a second.
        claims.put("jti", randomToken(12));
        return claims;
    }

    private String sign(ObjectNode claims) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwtSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(JsonNode node) {
        try {
            return B64.encodeToString(SdkJson.mapper().writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
