package com.rabaislocal.sdk.supabase.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.tables.AiAgent;
import com.rabaislocal.sdk.supabase.tables.AppRole;
import com.rabaislocal.sdk.supabase.tables.ConsentType;
import com.rabaislocal.sdk.supabase.tables.CreditsPackage;
import com.rabaislocal.sdk.supabase.tables.LegalConsent;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import com.rabaislocal.sdk.supabase.tables.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Validation runs before any I/O and reports every failing field in one ValidationException. */
class ValidationTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private void assertNothingSent() {
        assertEquals(0, kit.mock.requestCount(), "validation must happen before any request");
        assertEquals(0, kit.sink.calls(), "no audit event for a rejected row");
    }

    @Test
    void anInvalidOfferIsRejectedWithEveryFailingFieldAndNothingSent() {
        Offer bad = Offer.builder().title("  ").description("x".repeat(5001)).discountPercent(new BigDecimal("120.505"))
                .discountAmountCents(0).startsAt(Instant.parse("2026-03-02T00:00:00Z"))
                .endsAt(Instant.parse("2026-03-01T00:00:00Z")).status(OfferStatus.of("published")).city("").build();

        ValidationException e = assertThrows(ValidationException.class, () -> kit.user().offers().insert(bad));

        assertEquals(Set.of("merchant_id", "title", "description", "discount_percent", "discount_amount_cents",
                "ends_at", "status", "city"), e.fieldErrors().keySet());
        assertEquals(List.of("must be more than 0 and at most 100 (was 120.505)",
                "must have at most 2 decimals (was 120.505)",
                "only one of discount_percent and discount_amount_cents may be set"),
                e.fieldErrors().get("discount_percent"));
        assertTrue(e.getMessage().startsWith("Invalid offers row: "), e.getMessage());
        assertTrue(e.getMessage().contains("status: must be one of [draft, active, expired] (was \"published\")"),
                e.getMessage());
        assertNothingSent();
    }

    @Test
    void anUpdateIsValidatedBeforeItsFirstReadAndNeedsAnId() {
        Offer noId = Offer.builder().merchantId(UUID.randomUUID()).title("Pizza").city("Laval").build();
        ValidationException e = assertThrows(ValidationException.class, () -> kit.user().offers().update(noId));
        assertEquals(List.of("is required to update a row"), e.fieldErrors().get("id"));
        assertEquals(List.of("one of discount_percent and discount_amount_cents is required"),
                e.fieldErrors().get("discount_amount_cents"));
        assertNothingSent();
    }

    @Test
    void eachTableHasItsDefaultChecksMirroringTheDatabase() {
        ValidationException users = assertThrows(ValidationException.class, () -> kit.service().users()
                .update(User.builder().id(UUID.randomUUID()).email("not-an-address").role(AppRole.of("owner"))
                        .displayName("d".repeat(201)).build()));
        assertEquals(Set.of("email", "role", "display_name"), users.fieldErrors().keySet());

        ValidationException agents = assertThrows(ValidationException.class, () -> kit.service().aiAgents()
                .insert(AiAgent.builder().name("Helper").model(" ").temperature(new BigDecimal("2.5")).build()));
        assertEquals(Set.of("model", "temperature"), agents.fieldErrors().keySet());

        ValidationException consents = assertThrows(ValidationException.class, () -> kit.user().legalConsents()
                .insert(LegalConsent.builder().userId(UUID.randomUUID()).consentType(ConsentType.of("Terms!")).version("")
                        .revokedAt(Instant.now()).ip("localhost").build()));
        assertEquals(Set.of("consent_type", "version", "granted", "revoked_at", "ip"),
                consents.fieldErrors().keySet());

        ValidationException packages = assertThrows(ValidationException.class, () -> kit.service()
                .creditsPackages().insert(CreditsPackage.builder().name("Starter").credits(0).priceCents(-1)
                        .currency("cad").build()));
        assertEquals(Set.of("credits", "price_cents", "currency"), packages.fieldErrors().keySet());
        assertNothingSent();
    }

    @Test
    void aServiceAddsItsOwnRulesOnTopOfTheDefaultOnes() {
        RowValidator<Offer> noBars = o -> o.title() != null && o.title().contains("bar")
                ? Map.of("title", List.of("must not mention bars")) : Map.of();
        OffersRepository offers = kit.user().offers().withValidator(OffersRepository.defaultValidator().and(noBars));

        ValidationException e = assertThrows(ValidationException.class, () -> offers.insert(Offer.builder()
                .merchantId(UUID.randomUUID()).title("bar".repeat(70)).discountAmountCents(500).city("Laval").build()));
        assertEquals(List.of("is 210 characters, over the limit of 200", "must not mention bars"),
                e.fieldErrors().get("title"));
        assertNothingSent();

        OffersRepository lax = kit.user().offers().withValidator(RowValidator.none());
        kit.json(400, "{\"code\":\"23514\",\"message\":\"new row for relation \\\"offers\\\" violates check"
                + " constraint \\\"offers_title_check\\\"\"}");
        assertThrows(com.rabaislocal.sdk.core.error.InvalidRequestException.class, () -> lax.insert(Offer.builder()
                .merchantId(UUID.randomUUID()).title(" ").discountAmountCents(500).city("Laval").build()));
        assertEquals(1, kit.mock.requestCount(), "without the validator the database is the judge");
    }

    @Test
    void aNullRowOrValidatorIsRefused() {
        assertThrows(ValidationException.class, () -> kit.user().offers().insert(null));
        assertThrows(ValidationException.class, () -> kit.user().offers().withValidator(null));
        assertNothingSent();
    }
}
