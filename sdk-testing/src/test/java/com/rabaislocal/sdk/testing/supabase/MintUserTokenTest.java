package com.rabaislocal.sdk.testing.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.InvalidTokenException;
import com.rabaislocal.sdk.supabase.auth.JwtClaims;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens the stand-in mints are the ones sdk-supabase's JwtVerifier accepts, and the stand-in's Data API too. */
class MintUserTokenTest {

    private static final Secret SECRET = Secret.of("a-test-project-jwt-secret-of-at-least-32-bytes");
    private static final UUID MERCHANT = UUID.fromString("3b1e6f0a-2c4d-4e5f-8a9b-0c1d2e3f4a5b");

    private final FakeClock clock = FakeClock.create();
    private final SupabaseStandIn standIn = SupabaseStandIn.builder().clock(clock).jwtSecret(SECRET).start();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private JwtVerifier verifier(Secret secret) {
        return JwtVerifier.builder().hs256Secret(secret).clock(clock).expectedIssuer(standIn.issuer()).build();
    }

    @Test
    void jwtVerifierWithTheSameSecretAcceptsTheTokenAndReadsItsClaims() {
        Secret token = standIn.mintUserToken(MERCHANT, "merchant");
        try (JwtVerifier verifier = verifier(SECRET)) {
            JwtClaims claims = verifier.verify(token.reveal());
            assertEquals(MERCHANT, claims.userId().orElseThrow());
            assertEquals("authenticated", claims.role().orElseThrow());
            assertEquals(List.of("authenticated"), claims.audience());
            assertEquals(standIn.issuer(), claims.issuer().orElseThrow());
            assertEquals("merchant", claims.appMetadata().get("role"));
            assertEquals(clock.instant().plus(Duration.ofHours(1)).getEpochSecond(),
                    claims.expiresAt().getEpochSecond());
        }
    }

    @Test
    void theDefaultSecretIsRandomAndReadableForTheVerifier() {
        try (SupabaseStandIn other = SupabaseStandIn.builder().clock(clock).start();
             JwtVerifier verifier = verifier(SECRET)) {
            Secret token = other.mintUserToken(MERCHANT, "consumer");
            InvalidTokenException wrongSecret = assertThrows(InvalidTokenException.class,
                    () -> verifier.verify(token.reveal()));
            assertEquals(InvalidTokenException.Reason.BAD_SIGNATURE, wrongSecret.reason());
            try (JwtVerifier right = JwtVerifier.builder().hs256Secret(other.jwtSecret()).clock(clock).build()) {
                assertEquals(MERCHANT, right.verify(token.reveal()).userId().orElseThrow());
            }
        }
    }

    @Test
    void theTokenExpiresAfterAnHourOnTheStandInsClock() {
        Secret token = standIn.mintUserToken(MERCHANT, "merchant");
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        try (JwtVerifier verifier = verifier(SECRET)) {
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token.reveal()));
            assertEquals(InvalidTokenException.Reason.EXPIRED, e.reason());
        }
        try (SupabaseClient user = SupabaseClient.create(standIn.url(), CredentialProvider.of(standIn.publishableKey()))
                .withAccessToken(token)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> user.from("offers").select("id").list(JsonNode.class));
            assertEquals("PGRST303", e.code().orElseThrow());
        }
    }

    @Test
    void theDataApiActsAsTheMintedUserWithTheirApplicationRole() {
        Secret token = standIn.mintUserToken(MERCHANT, "merchant");
        try (SupabaseClient merchant = SupabaseClient.create(standIn.url(),
                CredentialProvider.of(standIn.publishableKey())).withAccessToken(token)) {
            ObjectNode offer = SdkJson.mapper().createObjectNode().put("merchant_id", MERCHANT.toString())
                    .put("title", "Bagels : 6 pour 5").put("city", "Montréal").put("discount_percent", "15")
                    .put("starts_at", clock.instant().toString());
            merchant.from("offers").insert(offer).execute();
        }
        assertTrue(standIn.rows("offers").stream().anyMatch(r -> r.get("merchant_id").asText()
                .equals(MERCHANT.toString())), "the merchant's own offer was written");
    }

    @Test
    void aTooShortSecretOrAnUnknownRoleIsRefusedWithTheReason() {
        IllegalArgumentException shortSecret = assertThrows(IllegalArgumentException.class,
                () -> SupabaseStandIn.builder().jwtSecret(Secret.of("short")));
        assertEquals("jwtSecret must be at least 32 bytes for HS256 (got 5)", shortSecret.getMessage());
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
                () -> standIn.mintUserToken(MERCHANT, "owner"));
        assertTrue(role.getMessage().contains("consumer, merchant, affiliate, admin"), role.getMessage());
    }

    @Test
    void theSecretAndTokensNeverShowInToString() {
        Secret token = standIn.mintUserToken(MERCHANT, "merchant");
        assertTrue(!token.toString().contains(token.reveal().substring(0, 20)), token.toString());
        assertTrue(!standIn.toString().contains(SECRET.reveal()), standIn.toString());
    }
}
