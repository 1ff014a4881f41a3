package com.rabaislocal.sdk.examples.spring;

import com.rabaislocal.sdk.spring.web.SupabaseUser;
import com.rabaislocal.sdk.supabase.auth.JwtClaims;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offers, as the signed-in merchant. No error handling here: an invalid offer is the SDK's
 * {@code ValidationException}, a refused token its {@code InvalidTokenException}, a row hidden by RLS its
 * {@code RowNotFoundException}, and the starter answers each as a problem detail.
 */
@RestController
@RequestMapping("/offers")
public class OffersController {

    /**
     * What a merchant sends to create an offer.
     *
     * @param title the title, at most 200 characters
     * @param description the description, optional
     * @param discountPercent the discount in percent, 0 to 100
     * @param city the city
     * @param endsAt when the offer ends, optional
     */
    public record OfferRequest(String title, String description, BigDecimal discountPercent, String city,
                               Instant endsAt) {
    }

    /**
     * An offer as answered.
     *
     * @param id the offer's id
     * @param merchantId its merchant
     * @param title the title
     * @param discountPercent the discount
     * @param city the city
     * @param status the status
     */
    public record OfferView(UUID id, UUID merchantId, String title, BigDecimal discountPercent, String city,
                            String status) {
        static OfferView of(Offer o) {
            return new OfferView(o.id(), o.merchantId(), o.title(), o.discountPercent(), o.city(),
                    o.status() == null ? null : o.status().value());
        }
    }

    /**
     * Who is calling.
     *
     * @param user the verified user
     * @return the user's id and role
     */
    @GetMapping("/me")
    public java.util.Map<String, String> me(@SupabaseUser JwtClaims user) {
        return java.util.Map.of("user_id", user.userId().map(UUID::toString).orElse(""),
                "role", user.role().orElse(""));
    }

    /**
     * Creates an active offer of the calling merchant.
     *
     * @param user the verified user
     * @param crud the CRUD template acting as that user
     * @param body the offer
     * @return 201 with the stored offer
     */
    @PostMapping
    public ResponseEntity<OfferView> create(@SupabaseUser JwtClaims user, @SupabaseUser SupabaseCrud crud,
                                            @RequestBody OfferRequest body) {
        Offer stored = crud.offers().insert(Offer.builder()
                .merchantId(user.userId().orElse(null))
                .title(body.title())
                .description(body.description())
                .discountPercent(body.discountPercent())
                .city(body.city())
                .endsAt(body.endsAt())
                .status(OfferStatus.ACTIVE)
                .build());
        return ResponseEntity.created(URI.create("/offers/" + stored.id())).body(OfferView.of(stored));
    }
}
