package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.goaffpro.affiliates.Affiliate;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateCreateParams;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateCreateResult;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import com.rabaislocal.sdk.goaffpro.orders.Order;
import com.rabaislocal.sdk.goaffpro.orders.OrderCreateParams;
import com.rabaislocal.sdk.goaffpro.orders.OrderListParams;
import com.rabaislocal.sdk.goaffpro.orders.OrderStatus;
import com.rabaislocal.sdk.goaffpro.payments.PaymentCreateParams;
import com.rabaislocal.sdk.goaffpro.payments.PendingPayout;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the stateful stand-in, quirks on. */
class StandInTest {

    private GoAffProStandIn standIn;
    private GoAffProClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = GoAffProStandIn.start("standin-token");
        client = GoAffProClient.builder().baseUrl(standIn.baseUrl()).credential(CredentialProvider.of("standin-token"))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        standIn.close();
    }

    @Test
    void offsetPagingAgainstAServerRepeatingItsLastPageEndsWithEveryItemOnce() {
        for (int i = 0; i < 4; i++) {
            standIn.addAffiliate("a" + i + "@example.com", "A" + i);
        }
        standIn.repeatLastPage(true);
        int before = standIn.requestCount();

        List<Affiliate> all = client.affiliates().list(AffiliateListParams.builder().limit(2).build()).toList();

        assertEquals(4, all.size());
        assertEquals(4, all.stream().map(Affiliate::id).distinct().count());
        // Two full pages, then the repeated page that ends the walk.
        assertEquals(3, standIn.requestCount() - before);
    }

    @Test
    void keysetPagingAgainstTheRepeatingServerEndsToo() {
        long ana = standIn.addAffiliate("ana@example.com", "Ana");
        for (int i = 0; i < 4; i++) {
            client.orders().create(OrderCreateParams.builder("100" + i, new BigDecimal("10.00"))
                    .affiliateId(String.valueOf(ana)).build());
        }
        standIn.repeatLastPage(true);
        List<Order> all = client.orders().list(OrderListParams.builder().limit(2).build()).toList();
        assertEquals(4, all.size());
        assertEquals(4, all.stream().map(Order::id).distinct().count());
        assertEquals(OrderStatus.PENDING, all.get(0).status());
        assertEquals(new BigDecimal("1.00"), all.get(0).commission());
    }

    @Test
    void theMaxPagesValveStopsAWalkTheIdsCannot() {
        for (int i = 0; i < 6; i++) {
            standIn.addAffiliate("a" + i + "@example.com", "A" + i);
        }
        try (GoAffProClient capped = client.withOptions(b -> b.maxPages(2))) {
            assertEquals(4, capped.affiliates().list(AffiliateListParams.builder().limit(2).build()).toList().size());
        }
    }

    @Test
    void theAffiliateFlowFromSignupToPayout() {
        AffiliateCreateResult created = client.affiliates().createOrFind(AffiliateCreateParams.builder()
                .email("partner@example.com").companyName("Boulangerie Roy").build());
        AffiliateCreateResult again = client.affiliates().createOrFind(AffiliateCreateParams.builder()
                .email("partner@example.com").build());
        assertEquals(created.id(), again.id());
        assertFalse(again.created());

        client.orders().create(OrderCreateParams.builder("2001", new BigDecimal("58.00")).affiliateId(created.id())
                .build());
        assertEquals("2001", client.orders().findByNumber("2001").orElseThrow().number());

        PendingPayout owed = client.payments().pending().get(0);
        assertEquals(new BigDecimal("5.80"), owed.amount());
        client.payments().markPaid(List.of(PaymentCreateParams.builder(owed.affiliateId(), owed.amount()).build()));
        assertEquals(List.of(), client.payments().pending());
    }

    @Test
    void aWrongTokenIsAnAuthenticationFailureDespiteHttp200() {
        try (GoAffProClient wrong = client.withOptions(b -> b.credential(CredentialProvider.of("nope")))) {
            assertThrows(AuthenticationException.class, () -> wrong.orders().findByNumber("1"));
        }
    }
}
