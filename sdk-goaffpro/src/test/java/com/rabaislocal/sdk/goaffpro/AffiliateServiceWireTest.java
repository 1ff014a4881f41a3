package com.rabaislocal.sdk.goaffpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ConflictException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.goaffpro.affiliates.Affiliate;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateCreateParams;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateCreateResult;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateListParams;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateSearchParams;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateStatus;
import com.rabaislocal.sdk.goaffpro.affiliates.AffiliateUpdateParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class AffiliateServiceWireTest extends WireTestBase {

    private static final String DEFAULT_FIELDS = String.join(",", Affiliate.DEFAULT_FIELDS);

    @Test
    void listSendsFieldsFiltersLimitAndOffsetAndReadsQuirkyValues() throws Exception {
        enqueue("{\"affiliates\":[{\"id\":12345,\"name\":\"Ana Roy\",\"email\":\"ana@example.com\","
                + "\"ref_code\":\"ANA\",\"status\":\"approved\",\"total_referral_earnings\":\"8.754800\","
                + "\"coupon\":{\"code\":\"ANA10\",\"discount_type\":\"percentage\",\"discount_value\":\"10.00\"},"
                + "\"created_at\":\"Sun Jul 26 2019 12:10:07 GMT+0530 (India Standard Time)\","
                + "\"updated_at\":1700000000,\"extra_1\":\"kept\"},"
                + "{\"id\":\"12346\",\"email\":\"bo@example.com\",\"status\":\"blocked\",\"coupon\":\"BO5\","
                + "\"created_at\":\"2024-01-01T00:00:00.000Z\",\"total_referral_earnings\":12.5}]}");
        AffiliateListParams p = AffiliateListParams.builder().status(AffiliateStatus.APPROVED)
                .emails(List.of("ana@example.com", "bo@example.com")).createdBetween(Instant.parse(
                        "2024-01-01T00:00:00Z"), null).fields("extra_1").limit(2).build();

        List<Affiliate> page = client.affiliates().page(p, 40).items();

        RecordedRequest r = take("GET", "/admin/affiliates");
        assertEquals("approved", r.getUrl().queryParameter("status"));
        assertEquals("ana@example.com,bo@example.com", r.getUrl().queryParameter("email"));
        assertEquals("2024-01-01T00:00:00.000Z", r.getUrl().queryParameter("created_at_min"));
        assertEquals(DEFAULT_FIELDS + ",extra_1", r.getUrl().queryParameter("fields"));
        assertEquals("2", r.getUrl().queryParameter("limit"));
        assertEquals("40", r.getUrl().queryParameter("offset"));
        assertNull(r.getUrl().queryParameter("page"));

        Affiliate ana = page.get(0);
        assertEquals("12345", ana.id());
        assertEquals(new BigDecimal("8.754800"), ana.totalReferralEarnings());
        assertEquals("ANA10", ana.coupon().code());
        assertEquals(new BigDecimal("10.00"), ana.coupon().discountValue());
        assertEquals(Instant.parse("2019-07-26T06:40:07Z"), ana.createdAt());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), ana.updatedAt());
        assertEquals("kept", ana.field("extra_1").orElseThrow().asText());
        assertEquals(AffiliateStatus.APPROVED, ana.status());
        Affiliate bo = page.get(1);
        assertEquals("12346", bo.id());
        assertEquals("BO5", bo.coupon().code());
        assertEquals(new BigDecimal("12.5"), bo.totalReferralEarnings());
        assertEquals("blocked", bo.status().value());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), bo.createdAt());
        assertFalse(ana.toString().contains("ana@example.com"));
    }

    @Test
    void listWalksOffsetsUntilAShortPage() throws Exception {
        enqueue("{\"affiliates\":[{\"id\":1},{\"id\":2}]}");
        enqueue("{\"affiliates\":[{\"id\":3}]}");

        List<Affiliate> all = client.affiliates().list(AffiliateListParams.builder().limit(2).build()).toList();

        assertEquals(List.of("1", "2", "3"), all.stream().map(Affiliate::id).toList());
        assertEquals("0", take().getUrl().queryParameter("offset"));
        assertEquals("2", take().getUrl().queryParameter("offset"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void getFiltersTheListById() throws Exception {
        enqueue("{\"affiliates\":[{\"id\":7,\"email\":\"x@example.com\"}]}");
        assertEquals("7", client.affiliates().get("7").orElseThrow().id());
        RecordedRequest r = take("GET", "/admin/affiliates");
        assertEquals("7", r.getUrl().queryParameter("id"));
        assertEquals("1", r.getUrl().queryParameter("limit"));

        enqueue("{\"affiliates\":[]}");
        assertTrue(client.affiliates().get("8").isEmpty());
    }

    @Test
    void createPostsTheProfileAndReadsAffiliateId() throws Exception {
        enqueue("{\"affiliate_id\":12345}");
        String id = client.affiliates().create(AffiliateCreateParams.builder().email("ana@example.com")
                .firstName("Ana").lastName("Roy").companyName("Boulangerie Roy").refCode("ANA")
                .password(Secret.of("s3cret-pass")).status(AffiliateStatus.APPROVED)
                .coupon("percentage", new BigDecimal("10")).extra(1, "partner").build());

        assertEquals("12345", id);
        RecordedRequest r = take("POST", "/admin/affiliates");
        assertEquals(json("{\"email\":\"ana@example.com\",\"first_name\":\"Ana\",\"last_name\":\"Roy\","
                + "\"company_name\":\"Boulangerie Roy\",\"ref_code\":\"ANA\",\"password\":\"s3cret-pass\","
                + "\"status\":\"approved\",\"coupon\":{\"discount_type\":\"percentage\",\"discount_value\":10},"
                + "\"extra_1\":\"partner\"}"), json(r));
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
    }

    @Test
    void createParamsReportEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> AffiliateCreateParams.builder()
                .refCode("bad code").password(Secret.of("x")).status(AffiliateStatus.INVITED).build());
        assertTrue(e.fieldErrors().keySet().containsAll(List.of("email", "ref_code", "password", "status")),
                e.fieldErrors().toString());
        assertFalse(e.getMessage().contains("x\""));
    }

    @Test
    void alreadyRegisteredIsAConflictAndCreateOrFindReturnsTheExistingAffiliate() throws Exception {
        enqueue("{\"error\":\"Email already registered\"}");
        assertThrows(ConflictException.class, () -> client.affiliates().create(
                AffiliateCreateParams.builder().email("ana@example.com").build()));
        take();

        enqueue(400, "{\"error\":\"An affiliate with this email already exists\"}");
        enqueue("{\"affiliates\":[{\"id\":\"55\",\"email\":\"ana@example.com\"}]}");
        AffiliateCreateResult result = client.affiliates().createOrFind(
                AffiliateCreateParams.builder().email("ana@example.com").build());

        assertFalse(result.created());
        assertEquals("55", result.id());
        take("POST", "/admin/affiliates");
        RecordedRequest lookup = take("GET", "/admin/affiliates");
        assertEquals("ana@example.com", lookup.getUrl().queryParameter("email"));
    }

    @Test
    void updateIsAPatchWithOnlyTheFieldsSet() throws Exception {
        enqueue("{\"success\":true}");
        client.affiliates().update("12345", AffiliateUpdateParams.builder().phone("514-555-0100")
                .commission("percentage", new BigDecimal("15.0"), "order").build());
        RecordedRequest r = take("PATCH", "/admin/affiliates/12345");
        assertEquals(json("{\"phone\":\"514-555-0100\",\"commission\":{\"type\":\"percentage\",\"amount\":15,"
                + "\"on\":\"order\"}}"), json(r));

        assertThrows(ValidationException.class, () -> AffiliateUpdateParams.builder()
                .commission("percentage", new BigDecimal("12.5"), null).build());
        assertThrows(ValidationException.class, () -> AffiliateUpdateParams.builder().build());
    }

    @Test
    void deleteSearchAndSubResources() throws Exception {
        enqueue("{\"affiliate_id\":12345}");
        client.affiliates().delete("12345");
        take("DELETE", "/admin/affiliates/12345");

        enqueue("{\"affiliates\":[{\"id\":1,\"name\":\"Ana\"}]}");
        client.affiliates().search(AffiliateSearchParams.builder("An").operator("contains").sort("name", true)
                .build());
        RecordedRequest s = take("GET", "/admin/affiliates/search");
        assertEquals("An", s.getUrl().queryParameter("keyword"));
        assertEquals("name,ref_code,email,coupon", s.getUrl().queryParameter("in"));
        assertEquals("contains", s.getUrl().queryParameter("operator"));
        assertEquals("asc", s.getUrl().queryParameter("sort_direction"));
        assertEquals(DEFAULT_FIELDS, s.getUrl().queryParameter("fields"));

        enqueue("{\"commissions\":{\"standard\":{\"type\":\"percentage\",\"amount\":\"10\"},\"special\":[]}}");
        assertEquals(new BigDecimal("10"), client.affiliates().commissions("9").standard().amount());
        take("GET", "/admin/affiliates/9/commissions");

        enqueue("{\"coupons\":[{\"code\":\"ANA10\",\"discount_type\":\"percentage\",\"discount_value\":10}]}");
        assertEquals("ANA10", client.affiliates().coupons("9").get(0).code());
        take("GET", "/admin/affiliates/9/coupons");

        enqueue("{\"success\":true}");
        client.affiliates().assignCoupon("9", "ANA10", "percentage", new BigDecimal("10"));
        assertEquals(json("{\"coupon\":{\"code\":\"ANA10\",\"discount_type\":\"percentage\","
                + "\"discount_value\":10}}"), json(take("POST", "/admin/affiliates/9/coupons")));

        enqueue("{\"success\":true}");
        client.affiliates().createCoupon("9", "ANA15");
        assertEquals(json("{\"coupon\":\"ANA15\"}"), json(take("POST", "/admin/affiliates/9/coupons")));

        enqueue("{\"success\":true}");
        client.affiliates().deleteCoupon("9", "ANA 10");
        assertEquals("/v1/admin/affiliates/9/coupons/ANA%2010", take().getUrl().encodedPath());

        enqueue("{\"referral_codes\":[\"ANA\",\"ANA2\"]}");
        assertEquals(List.of("ANA", "ANA2"), client.affiliates().referralCodes("9"));
        take("GET", "/admin/affiliates/9/referral_codes");

        enqueue("{\"success\":true}");
        client.affiliates().replaceReferralCodes("9", List.of("ANA3"));
        assertEquals(json("{\"referral_codes\":[\"ANA3\"]}"), json(take("PUT", "/admin/affiliates/9/referral_codes")));

        enqueue("{\"success\":true}");
        client.affiliates().addReferralCodes("9", List.of("ANA4"));
        assertEquals(json("{\"referral_codes\":[\"ANA4\"]}"),
                json(take("POST", "/admin/affiliates/9/referral_codes")));

        enqueue("{\"success\":true}");
        client.affiliates().deleteReferralCode("9", "ANA4");
        take("DELETE", "/admin/affiliates/9/referral_codes/ANA4");

        enqueue("{\"tags\":[\"vip\"]}");
        assertEquals(List.of("vip"), client.affiliates().tags("9"));
        take("GET", "/admin/affiliates/9/tags");

        enqueue("{\"tags\":[\"vip\",\"montreal\"]}");
        client.affiliates().replaceTags("9", List.of("vip", "montreal"));
        assertEquals(json("{\"tags\":[\"vip\",\"montreal\"]}"), json(take("PUT", "/admin/affiliates/9/tags")));
    }
}
