package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateCreateParams;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateCreateResult;
import com.rabaislocal.sdk.goaffpro.orders.Order;
import com.rabaislocal.sdk.goaffpro.orders.OrderCreateParams;
import com.rabaislocal.sdk.goaffpro.payments.PaymentCreateParams;
import com.rabaislocal.sdk.goaffpro.payments.PendingPayout;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The GoAffPro step of the examples: a merchant's partner joins the affiliate programme, a referred order is
 * recorded (after the dedupe check that makes a manual retry safe), the pending payouts are listed and one is
 * marked paid. Runs against sdk-testing's GoAffPro stand-in unless GOAFFPRO_API_KEY is set, in which case it runs
 * against the real admin API of that store (and really records the order and the payout).
 */
public final class GoAffProWalkthrough {

    private static final String INDENT = "    ";

    private GoAffProWalkthrough() {
    }

    /**
     * What the walk-through did.
     *
     * @param affiliateId the partner's affiliate id
     * @param orderId GoAffPro's id of the referred order
     * @param paid the payout marked paid, or empty when nothing was owed
     */
    public record Result(String affiliateId, String orderId, Optional<PendingPayout> paid) {
    }

    /**
     * Runs against the real API when GOAFFPRO_API_KEY is set, else against a stand-in started here.
     *
     * @param out where to print
     * @return what the walk-through did
     */
    public static Result runFromProcess(PrintStream out) {
        out.println();
        out.println("== 4. GoAffPro affiliate programme ==");
        String key = System.getProperty("GOAFFPRO_API_KEY", System.getenv("GOAFFPRO_API_KEY"));
        if (key != null && !key.isBlank()) {
            out.println("Target: the GoAffPro admin API (GOAFFPRO_API_KEY is set)");
            try (GoAffProClient client = GoAffProClient.fromSettings(SdkConfig.fromEnvironment())) {
                return run(client, out);
            }
        }
        try (GoAffProStandIn standIn = GoAffProStandIn.start("example-store-token");
             GoAffProClient client = GoAffProClient.builder().baseUrl(standIn.baseUrl())
                     .credential(CredentialProvider.of("example-store-token")).build()) {
            out.println("Target: local GoAffPro stand-in at " + standIn.baseUrl());
            return run(client, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the GoAffPro stand-in could not start", e);
        }
    }

    /**
     * Runs the walk-through with a client.
     *
     * @param client the GoAffPro client; not closed here
     * @param out where to print
     * @return what the walk-through did
     */
    public static Result run(GoAffProClient client, PrintStream out) {
        out.println("[1/4] Enrol the merchant's partner as an affiliate");
        AffiliateCreateResult partner = client.affiliates().createOrFind(AffiliateCreateParams.builder()
                .email("partenaire@boulangerie-roy.example").companyName("Boulangerie Roy").firstName("Léa")
                .lastName("Roy").build());
        out.println(INDENT + (partner.created() ? "created" : "already enrolled") + " affiliate " + partner.id());

        out.println("[2/4] Record a referred order (checking first that it is not already there)");
        String number = "RL-EXAMPLE-1001";
        Optional<Order> existing = client.orders().findByNumber(number);
        if (existing.isEmpty()) {
            client.orders().create(OrderCreateParams.builder(number, new BigDecimal("58.00"))
                    .affiliateId(partner.id()).currency("CAD").build());
            existing = client.orders().findByNumber(number);
        }
        Order order = existing.orElseThrow(() -> new IllegalStateException("order " + number + " was not recorded"));
        out.println(INDENT + "order " + order.number() + " (id " + order.id() + "), total " + order.total()
                + ", commission " + order.commission() + ", status " + order.status());

        out.println("[3/4] List the pending payouts");
        List<PendingPayout> pending = client.payments().pending();
        pending.forEach(p -> out.println(INDENT + "affiliate " + p.affiliateId() + " is owed " + p.amount()));

        out.println("[4/4] Mark one payout paid");
        Optional<PendingPayout> toPay = pending.stream().filter(p -> p.affiliateId().equals(partner.id()))
                .findFirst();
        toPay.ifPresentOrElse(p -> {
            client.payments().markPaid(List.of(PaymentCreateParams.builder(p.affiliateId(), p.amount())
                    .paymentMethod("bank_transfer").adminNote("RabaisLocal example payout").build()));
            out.println(INDENT + "paid " + p.amount() + " to affiliate " + p.affiliateId());
        }, () -> out.println(INDENT + "nothing owed to the partner"));
        return new Result(partner.id(), order.id(), toPay);
    }
}
