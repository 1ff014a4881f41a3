package com.rabaislocal.sdk.testing.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.InvalidRequestException;
import com.rabaislocal.sdk.core.error.NotFoundException;
import com.rabaislocal.sdk.core.error.PermissionDeniedException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.AuthClient;
import com.rabaislocal.sdk.supabase.auth.PasswordCredentials;
import com.rabaislocal.sdk.supabase.auth.Session;
import com.rabaislocal.sdk.supabase.auth.SignOutScope;
import com.rabaislocal.sdk.supabase.postgrest.Count;
import com.rabaislocal.sdk.supabase.postgrest.Order;
import com.rabaislocal.sdk.supabase.postgrest.PostgrestResult;
import com.rabaislocal.sdk.supabase.postgrest.Returning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in answers like Supabase for the requests it serves, and refuses the others. */
class SupabaseStandInTest {

    private static final Instant NOW = Instant.parse("2025-06-02T14:00:00Z");

    private SupabaseStandIn standIn;
    private SupabaseClient anon;
    private SupabaseClient service;
    private AuthClient auth;

    @BeforeEach
    void start() {
        standIn = SupabaseStandIn.start(Clock.fixed(NOW, ZoneOffset.UTC));
        anon = SupabaseClient.create(standIn.url(), CredentialProvider.of(standIn.publishableKey()));
        service = SupabaseClient.createServiceRole(standIn.url(), CredentialProvider.of(standIn.secretKey()));
        auth = AuthClient.builder().url(standIn.url()).apiKey(standIn.publishableKey()).build();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private Session signIn() {
        return auth.signInWithPassword(PasswordCredentials.email(standIn.demoEmail(), standIn.demoPassword()));
    }

    private SupabaseClient merchant() {
        return anon.withAccessToken(signIn().accessToken());
    }

    @Test
    void signInReturnsAJwtSignedWithTheStandInsSecretWithSupabaseClaims() throws Exception {
        Session s = signIn();
        assertEquals(standIn.demoUserId(), s.user().id());
        assertEquals("authenticated", s.user().role());
        assertEquals("merchant", s.user().appMetadata().get("role"));
        assertEquals(NOW.plusSeconds(3600), s.expiresAt());
        String[] parts = s.accessToken().reveal().split("\\.", -1);
        assertEquals(3, parts.length);
        assertEquals(43, parts[2].length(), "an HMAC-SHA256 signature, base64url");
        JsonNode header = SdkJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = SdkJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("HS256", header.get("alg").asText());
        assertEquals(standIn.issuer(), claims.get("iss").asText());
        assertEquals(standIn.demoUserId().toString(), claims.get("sub").asText());
        assertEquals("authenticated", claims.get("role").asText());
        assertEquals("authenticated", claims.get("aud").asText());
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), claims.get("exp").asLong());
    }

    @Test
    void signingOutEndsTheSessionButTheTokenLivesUntilItExpires() {
        Session s = signIn();
        auth.signOut(s.accessToken(), SignOutScope.LOCAL);
        assertEquals(3, anon.withAccessToken(s.accessToken()).from("offers").select("id").list(JsonNode.class)
                .size(), "PostgREST checks the JWT, not the session");
        auth.signOut(s.accessToken(), SignOutScope.LOCAL);
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> auth.signInWithPassword(
                PasswordCredentials.email(standIn.demoEmail(), Secret.of("not-the-password"))));
        assertEquals("invalid_credentials", e.code().orElseThrow());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void aTokenTheStandInDidNotIssueIsRefused() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(
                StandardCharsets.UTF_8)) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + standIn.demoUserId() + "\",\"role\":\"authenticated\"}").getBytes(
                        StandardCharsets.UTF_8)) + ".";
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> anon.withAccessToken(forged).from("offers").select("id").list(JsonNode.class));
        assertEquals("PGRST301", e.code().orElseThrow());
    }

    @Test
    void theGatewayWantsAKnownApiKeyAndAnswersInPostgrestShapes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/rest/v1/offers"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("No API key found in request"), none.body());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(standIn.url() + "/rest/v1/offers"))
                .header("apikey", "sb_publishable_wrong").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Invalid API key"), wrong.body());
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(standIn.url()
                + "/rest/v1/offers?select=discount_percent,starts_at&discount_percent=eq.50"))
                .header("apikey", standIn.publishableKey().reveal()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals("0-0/*", ok.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("[{\"discount_percent\":50.00,\"starts_at\":\"2025-05-28T14:00:00+00:00\"}]", ok.body(),
                "numeric(5,2) keeps its scale; timestamptz as PostgREST writes it");
    }

    @Test
    void unknownRoutesAreAPostgrestNotFound() {
        NotFoundException table = assertThrows(NotFoundException.class,
                () -> anon.from("ai_agents").select("*").list(JsonNode.class));
        assertEquals("PGRST205", table.code().orElseThrow());
        NotFoundException method = assertThrows(NotFoundException.class,
                () -> service.from("offers").delete().eq("city", "Laval").execute());
        assertEquals("PGRST205", method.code().orElseThrow());
        NotFoundException function = assertThrows(NotFoundException.class,
                () -> service.rpc("expire_offers").execute());
        assertEquals("PGRST202", function.code().orElseThrow());
    }

    @Test
    void anonymousReadersSeeOnlyLiveOffersAndTheFiltersApply() {
        List<JsonNode> live = anon.from("offers").select("title,city,status").order("title").list(JsonNode.class);
        assertEquals(List.of("Café équitable : 15 % sur les grains", "Croissants au beurre : 2 pour 1 avant 10 h",
                "Poutine gratinée : 4 $ de rabais"), live.stream().map(n -> n.get("title").asText()).toList());
        assertEquals(3, live.get(0).size(), "only the selected columns");

        List<JsonNode> montreal = anon.from("offers").select("*").eq("city", "Montréal").eq("status", "active")
                .is("deleted_at", null).lte("starts_at", NOW).or(c -> c.is("ends_at", null).gt("ends_at", NOW))
                .order("starts_at", Order.desc()).limit(1).list(JsonNode.class);
        assertEquals(1, montreal.size());
        assertEquals("Croissants au beurre : 2 pour 1 avant 10 h", montreal.get(0).get("title").asText());
        assertEquals(50.0, montreal.get(0).get("discount_percent").doubleValue());

        PostgrestResult<JsonNode> counted = anon.from("offers").select("id").gte("starts_at", NOW.minusSeconds(
                3 * 86400)).count(Count.EXACT).execute();
        assertEquals(1, counted.rows().size());
        assertEquals(1L, counted.count().orElseThrow());
    }

    @Test
    void aMerchantCreatesAndSoftDeletesTheirOwnOffer() {
        SupabaseClient merchant = merchant();
        Map<String, Object> row = Map.of("merchant_id", standIn.demoUserId(), "title", "Bagels : 6 pour 5",
                "city", "Montréal", "discount_percent", 20, "status", "active", "starts_at", NOW.minusSeconds(60));
        JsonNode created = merchant.from("offers").insert(row).single(JsonNode.class);
        String id = created.get("id").asText();
        assertEquals("2025-06-02T14:00:00+00:00", created.get("created_at").asText());
        assertTrue(created.get("deleted_by").isNull());

        JsonNode deleted = merchant.from("offers").update(Map.of("deleted_at", NOW)).eq("id", id)
                .single(JsonNode.class);
        assertEquals(standIn.demoUserId().toString(), deleted.get("deleted_by").asText(), "stamped by the trigger");
        assertTrue(anon.from("offers").select("id").eq("id", id).list(JsonNode.class).isEmpty(),
                "a deleted offer is not live");
        assertEquals(1, merchant.from("offers").select("id").eq("id", id).list(JsonNode.class).size(),
                "its merchant still reads it, to restore it");

        PermissionDeniedException other = assertThrows(PermissionDeniedException.class, () -> merchant.from("offers")
                .insert(Map.of("merchant_id", UUID.randomUUID(), "title", "x", "city", "Laval",
                        "discount_amount_cents", 100)).execute());
        assertEquals("42501", other.code().orElseThrow());
        InvalidRequestException both = assertThrows(InvalidRequestException.class, () -> merchant.from("offers")
                .insert(Map.of("merchant_id", standIn.demoUserId(), "title", "x", "city", "Laval",
                        "discount_amount_cents", 100, "discount_percent", 5)).execute());
        assertTrue(both.getMessage().contains("offers_one_discount_check"), both.getMessage());
        InvalidRequestException unknownColumn = assertThrows(InvalidRequestException.class, () -> merchant
                .from("offers").update(Map.of("price", 1)).eq("id", id).execute());
        assertEquals("PGRST204", unknownColumn.code().orElseThrow());
        PostgrestResult<JsonNode> anonymousUpdate = anon.from("offers").update(Map.of("title", "pirate"))
                .eq("id", id).execute();
        assertEquals(204, anonymousUpdate.status(), "RLS hides the row: no error, nothing changed");
        assertEquals("Bagels : 6 pour 5", standIn.rows("offers").stream()
                .filter(o -> o.get("id").asText().equals(id)).findFirst().orElseThrow().get("title").asText());
    }

    @Test
    void anUpsertIgnoringDuplicatesInsertsOnceAndAPlainInsertConflicts() {
        SupabaseClient merchant = merchant();
        UUID id = UUID.randomUUID();
        Map<String, Object> row = Map.of("id", id, "merchant_id", standIn.demoUserId(), "title", "Bagels",
                "city", "Montréal", "discount_amount_cents", 150);
        List<JsonNode> first = merchant.from("offers").upsert(row).onConflict("id").ignoreDuplicates()
                .returning(Returning.REPRESENTATION).execute().rows();
        assertEquals(1, first.size());
        List<JsonNode> again = merchant.from("offers").upsert(row).onConflict("id").ignoreDuplicates()
                .returning(Returning.REPRESENTATION).execute().rows();
        assertTrue(again.isEmpty(), "ON CONFLICT DO NOTHING returns no row");
        ConflictException duplicate = assertThrows(ConflictException.class,
                () -> merchant.from("offers").insert(row).execute());
        assertEquals("23505", duplicate.code().orElseThrow());
        assertEquals(1, standIn.rows("offers").stream().filter(o -> o.get("id").asText().equals(id.toString()))
                .count());
        InvalidRequestException noConstraint = assertThrows(InvalidRequestException.class, () -> merchant
                .from("offers").upsert(row).onConflict("title").ignoreDuplicates().execute());
        assertEquals("42P10", noConstraint.code().orElseThrow());
    }

    @Test
    void aConsentGetsItsEvidenceFromTheServer() {
        SupabaseClient merchant = merchant();
        JsonNode consent = merchant.from("legal_consents").insert(Map.of("user_id", standIn.demoUserId(),
                "consent_type", "terms", "version", "2025-05", "granted", true,
                "granted_at", "2000-01-01T00:00:00Z")).single(JsonNode.class);
        assertEquals("2025-06-02T14:00:00+00:00", consent.get("granted_at").asText(), "server clock wins");
        assertEquals("127.0.0.1", consent.get("ip").asText());
        assertTrue(consent.get("user_agent").asText().startsWith("rabaislocal-sdk-java/"));

        assertThrows(PermissionDeniedException.class, () -> merchant.from("legal_consents").insert(Map.of(
                "user_id", UUID.randomUUID(), "consent_type", "terms", "version", "1", "granted", true)).execute());
        InvalidRequestException badType = assertThrows(InvalidRequestException.class, () -> merchant
                .from("legal_consents").insert(Map.of("user_id", standIn.demoUserId(), "consent_type", "Terms!",
                        "version", "1", "granted", true)).execute());
        assertEquals("23514", badType.code().orElseThrow());
    }

    @Test
    void creditsFollowTheDatabaseFunctions() {
        SupabaseClient merchant = merchant();
        String user = standIn.demoUserId().toString();
        String pack = standIn.rows("credits_packages").get(0).get("id").asText();
        String inactive = standIn.rows("credits_packages").get(2).get("id").asText();

        PermissionDeniedException byUser = assertThrows(PermissionDeniedException.class, () -> merchant
                .rpc("purchase_credits", Map.of("p_user_id", user, "p_package_id", pack, "p_idempotency_key", "k1"))
                .execute());
        assertEquals("42501", byUser.code().orElseThrow());

        JsonNode first = service.rpc("purchase_credits", Map.of("p_user_id", user, "p_package_id", pack,
                "p_idempotency_key", "pay_1")).json();
        assertEquals(100, first.get("delta").asInt());
        assertEquals("purchase: Forfait découverte", first.get("reason").asText());
        JsonNode replay = service.rpc("purchase_credits", Map.of("p_user_id", user, "p_package_id", pack,
                "p_idempotency_key", "pay_1")).json();
        assertEquals(first, replay, "a repeated key returns the first row");
        assertEquals(100, (int) merchant.rpc("credit_balance").value(Integer.class));
        assertEquals(100, (int) service.rpc("credit_balance", Map.of("p_user_id", user)).get().value(Integer.class),
                "GET passes the arguments in the query string");
        InvalidRequestException readOnly = assertThrows(InvalidRequestException.class, () -> merchant
                .rpc("spend_credits", Map.of("p_amount", 1, "p_reason", "x", "p_idempotency_key", "k")).get()
                .execute());
        assertEquals("25006", readOnly.code().orElseThrow());

        InvalidRequestException reused = assertThrows(InvalidRequestException.class, () -> merchant
                .rpc("spend_credits", Map.of("p_amount", 5, "p_reason", "x", "p_idempotency_key", "pay_1")).execute());
        assertEquals("RLC02", reused.code().orElseThrow());
        InvalidRequestException unavailable = assertThrows(InvalidRequestException.class, () -> service
                .rpc("purchase_credits", Map.of("p_user_id", user, "p_package_id", inactive,
                        "p_idempotency_key", "pay_2")).execute());
        assertEquals("RLC03", unavailable.code().orElseThrow());

        JsonNode spent = merchant.rpc("spend_credits", Map.of("p_amount", 30, "p_reason", "mise en avant",
                "p_idempotency_key", "spend_1")).json();
        assertEquals(-30, spent.get("delta").asInt());
        assertEquals(70, spent.get("balance_after").asInt());
        InvalidRequestException overdraw = assertThrows(InvalidRequestException.class, () -> merchant
                .rpc("spend_credits", Map.of("p_amount", 71, "p_reason", "trop", "p_idempotency_key", "spend_2"))
                .execute());
        assertEquals("RLC01", overdraw.code().orElseThrow());
        assertEquals("balance 70, requested 71", overdraw.error().details().orElseThrow());
        assertEquals(70, standIn.creditBalance(standIn.demoUserId()));
        assertEquals(2, standIn.rows("credits_transactions").size(), "refused movements leave no row");

        NotFoundException wrongArgs = assertThrows(NotFoundException.class, () -> merchant.rpc("spend_credits",
                Map.of("amount", 1)).execute());
        assertEquals("PGRST202", wrongArgs.code().orElseThrow());
        ApiException anonymous = assertThrows(ApiException.class, () -> anon.rpc("credit_balance").execute());
        assertEquals(401, anonymous.httpStatus());
    }

    @Test
    void onlyTheServiceRoleInsertsAuditRows() {
        Map<String, Object> row = Map.of("action", "insert", "entity_type", "offers", "entity_id", "1",
                "changes", Map.of("title", Map.of("new", "x")));
        assertThrows(PermissionDeniedException.class, () -> merchant().from("logs_audit").insert(row).execute());
        PostgrestResult<JsonNode> stored = service.from("logs_audit").insert(List.of(row, row)).execute();
        assertEquals(201, stored.status());
        List<JsonNode> rows = standIn.rows("logs_audit");
        assertEquals(2, rows.size());
        assertNotEquals(rows.get(0).get("id"), rows.get(1).get("id"));
        assertFalse(rows.get(0).get("changes").isEmpty());

        // A list is sent with columns=<union of keys>: a key one row lacks is NULL there, unless missing=default.
        Map<String, Object> bare = Map.of("action", "login", "entity_type", "users");
        InvalidRequestException notNull = assertThrows(InvalidRequestException.class,
                () -> service.from("logs_audit").insert(List.of(row, bare)).execute());
        assertEquals("23502", notNull.code().orElseThrow());
        assertTrue(notNull.getMessage().contains("\"changes\""), notNull.getMessage());
        service.from("logs_audit").insert(List.of(row, bare)).defaultToNull(false).execute();
        JsonNode defaulted = standIn.rows("logs_audit").get(3);
        assertEquals("{}", defaulted.get("changes").toString());
        assertTrue(defaulted.get("entity_id").isNull());
        assertFalse(defaulted.get("event_id").isNull(), "a default event id");
    }
}
