package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.goaffpro.payments.Payment;
import com.rabaislocal.sdk.goaffpro.payments.PaymentCreateParams;
import com.rabaislocal.sdk.goaffpro.payments.PaymentListParams;
import com.rabaislocal.sdk.goaffpro.payments.PaymentRequest;
import com.rabaislocal.sdk.goaffpro.payments.PaymentRequestStatus;
import com.rabaislocal.sdk.goaffpro.payments.PendingPayout;
import com.rabaislocal.sdk.goaffpro.rewards.Reward;
import com.rabaislocal.sdk.goaffpro.rewards.RewardCreateParams;
import com.rabaislocal.sdk.goaffpro.rewards.RewardListParams;
import com.rabaislocal.sdk.goaffpro.rewards.RewardStatus;
import com.rabaislocal.sdk.goaffpro.rewards.RewardType;
import com.rabaislocal.sdk.goaffpro.transactions.Transaction;
import com.rabaislocal.sdk.goaffpro.transactions.TransactionListParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class PaymentsAndRewardsWireTest extends WireTestBase {

    @Test
    void rewardsListCreateUpdateDeleteAndLookup() throws Exception {
        enqueue("{\"rewards\":[{\"id\":9,\"affiliate_id\":\"12345\",\"amount\":\"25.00\",\"type\":\"signup_bonus\","
                + "\"status\":\"approved\",\"level\":\"1\",\"order_id\":101,\"metadata\":\"spring\","
                + "\"created_at\":\"2024-03-01T10:00:00+02:00\"}]}");
        List<Reward> rewards = client.rewards().list(RewardListParams.builder().affiliateId("12345")
                .type(RewardType.SIGNUP_BONUS).sinceId("8").build()).toList();
        RecordedRequest r = take("GET", "/admin/rewards");
        assertEquals("8", r.getUrl().queryParameter("since_id"));
        assertEquals("signup_bonus", r.getUrl().queryParameter("type"));
        assertEquals(String.join(",", Reward.DEFAULT_FIELDS), r.getUrl().queryParameter("fields"));
        Reward reward = rewards.get(0);
        assertEquals(new BigDecimal("25.00"), reward.amount());
        assertEquals(RewardType.SIGNUP_BONUS, reward.type());
        assertEquals("101", reward.orderId());
        assertEquals(Instant.parse("2024-03-01T08:00:00Z"), reward.createdAt());
        assertEquals("spring", reward.metadata().orElseThrow().asText());

        enqueue("{\"success\":true}");
        client.rewards().create(List.of(RewardCreateParams.builder("12345", new BigDecimal("25.00"),
                RewardType.SIGNUP_BONUS).status(RewardStatus.APPROVED).metadata("spring").build()));
        assertEquals(json("{\"rewards\":[{\"affiliate_id\":\"12345\",\"amount\":25.00,\"type\":\"signup_bonus\","
                + "\"status\":\"approved\",\"metadata\":\"spring\"}]}"), json(take("POST", "/admin/rewards")));

        enqueue("{\"success\":true}");
        client.rewards().update("9", new BigDecimal("30"), RewardStatus.PENDING);
        assertEquals(json("{\"amount\":30,\"status\":\"pending\"}"), json(take("PATCH", "/admin/rewards/9")));

        enqueue("{\"success\":true}");
        client.rewards().delete("9");
        take("DELETE", "/admin/rewards/9");

        enqueue("{\"rewards\":[{\"id\":9,\"order_id\":\"101\"}]}");
        assertEquals(1, client.rewards().findForOrder("101").size());
        assertEquals("101", take("GET", "/admin/rewards").getUrl().queryParameter("order_id"));
    }

    @Test
    void paymentsListPendingMarkPaidUpdateDeleteAndRequests() throws Exception {
        enqueue("{\"payments\":[{\"id\":3,\"affiliate_id\":12345,\"amount\":\"40.50\",\"currency\":\"CAD\","
                + "\"payment_method\":\"paypal\",\"created_at\":\"Mon Mar 04 2024 09:00:00 GMT-0500\"}]}");
        List<Payment> payments = client.payments().page(PaymentListParams.builder().affiliateId("12345").build(), 0)
                .items();
        RecordedRequest list = take("GET", "/admin/payments");
        assertEquals("0", list.getUrl().queryParameter("offset"));
        assertEquals(String.join(",", Payment.DEFAULT_FIELDS), list.getUrl().queryParameter("fields"));
        assertEquals(new BigDecimal("40.50"), payments.get(0).amount());
        assertEquals(Instant.parse("2024-03-04T14:00:00Z"), payments.get(0).createdAt());

        enqueue("{\"pending\":[{\"affiliate_id\":\"12345\",\"amount\":\"40.50\",\"total_earned\":\"100\","
                + "\"total_paid\":59.5}],\"upto\":\"2024-03-31\"}");
        List<PendingPayout> pending = client.payments().pending("12345", Instant.parse("2024-03-31T00:00:00Z"));
        RecordedRequest p = take("GET", "/admin/payments/pending");
        assertEquals("2024-03-31T00:00:00.000Z", p.getUrl().queryParameter("upto"));
        assertEquals(new PendingPayout("12345", new BigDecimal("40.50"), new BigDecimal("100"),
                new BigDecimal("59.5")), pending.get(0));

        enqueue("{\"success\":true}");
        client.payments().markPaid(List.of(PaymentCreateParams.builder("12345", new BigDecimal("40.50"))
                .paymentMethod("paypal").adminNote("March").transactionIds(List.of("t1", "t2"))
                .paidAt(Instant.parse("2024-04-01T12:00:00Z")).build()));
        assertEquals(json("{\"payments\":[{\"affiliate_id\":\"12345\",\"amount\":40.50,\"payment_method\":\"paypal\","
                + "\"admin_note\":\"March\",\"tx_ids\":[\"t1\",\"t2\"],\"created_at\":\"2024-04-01T12:00:00.000Z\"}]}"),
                json(take("POST", "/admin/payments")));

        enqueue("{\"success\":true}");
        client.payments().update("3", "checked", null);
        assertEquals(json("{\"admin_note\":\"checked\"}"), json(take("PATCH", "/admin/payments/3")));

        enqueue("{\"success\":true}");
        client.payments().delete("3");
        take("DELETE", "/admin/payments/3");

        enqueue("{\"requests\":[{\"id\":4,\"affiliate_id\":1,\"status\":\"in_progress\",\"tx_ids\":[\"t1\"]}]}");
        List<PaymentRequest> requests = client.payments().requests(PaymentRequestStatus.IN_PROGRESS);
        assertEquals("in_progress", take("GET", "/admin/payments/requests").getUrl().queryParameter("status"));
        assertEquals(PaymentRequestStatus.IN_PROGRESS, requests.get(0).status());

        enqueue("{\"success\":true}");
        client.payments().updateRequest("4", PaymentRequestStatus.PAID);
        assertEquals(json("{\"status\":\"paid\"}"), json(take("PATCH", "/admin/payments/requests/4")));

        enqueue("{\"id\":5}");
        client.payments().createRequest("1", List.of("t1"), "please");
        assertEquals(json("{\"affiliate_id\":\"1\",\"tx_ids\":[\"t1\"],\"note\":\"please\"}"),
                json(take("POST", "/admin/payments/requests")));
    }

    @Test
    void transactionsMixSnakeAndCamelCase() throws Exception {
        enqueue("{\"transactions\":[{\"tx_id\":77,\"affiliate_id\":1,\"amount\":\"-40.50\",\"currency\":\"CAD\","
                + "\"event_type\":\"payout\",\"entity_type\":\"payment\",\"entity_id\":3,\"is_paid\":\"1\","
                + "\"startingBalance\":\"40.50\",\"endingBalance\":0}],\"count\":1,\"limit\":100,\"offset\":0}");
        List<Transaction> txs = client.transactions().page(TransactionListParams.builder()
                .type(TransactionListParams.Type.PAYOUTS).paid(true).build(), 0).items();
        RecordedRequest r = take("GET", "/admin/transactions");
        assertEquals("PAYOUTS", r.getUrl().queryParameter("type"));
        assertEquals("1", r.getUrl().queryParameter("is_paid"));
        Transaction t = txs.get(0);
        assertEquals("77", t.id());
        assertEquals(new BigDecimal("-40.50"), t.amount());
        assertEquals(new BigDecimal("40.50"), t.startingBalance());
        assertEquals(0, BigDecimal.ZERO.compareTo(t.endingBalance()));
        assertTrue(t.paid());
    }
}
