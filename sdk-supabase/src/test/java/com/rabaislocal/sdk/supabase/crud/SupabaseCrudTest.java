package com.rabaislocal.sdk.supabase.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entry point: settings, the actor named by the client's token, the request context. */
class SupabaseCrudTest {

    private final CrudKit kit = new CrudKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void buildListsEveryMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SupabaseCrud.builder().requestContext(null).clock(null).build());
        assertEquals(Set.of("client", "auditSink", "requestContext", "clock"), e.fieldErrors().keySet());
    }

    @Test
    void theActorIsTheSubjectAndRoleOfTheClientsTokenElseTheKeysRole() {
        Actor user = kit.user().actor();
        assertEquals(CrudKit.USER_ID, user.id());
        assertEquals(UUID.fromString(CrudKit.USER_ID), user.userId().orElseThrow());
        assertEquals("authenticated", user.role());
        assertFalse(user.isServiceRole());

        Actor service = kit.service().actor();
        assertNull(service.id());
        assertEquals("service_role", service.role());
        assertTrue(service.isServiceRole());

        assertEquals("anon", kit.anon().actor().role());

        String custom = MockSupabase.jwt("{\"sub\":\"user-42\",\"role\":\"merchant_api\"}");
        Actor other = kit.anon().withAccessToken(custom).actor();
        assertEquals("user-42", other.id());
        assertTrue(other.userId().isEmpty());
        assertEquals("merchant_api", other.role());
    }

    @Test
    void aTokenWhoseClaimsCannotBeReadIsRefusedWithoutQuotingIt() {
        String garbage = "eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln";
        ValidationException e = assertThrows(ValidationException.class, () -> kit.anon().withAccessToken(garbage));
        assertFalse(e.getMessage().contains(garbage), e.getMessage());
        assertFalse(e.getMessage().contains("bm90LWpzb24"), e.getMessage());
    }

    @Test
    void derivedTemplatesLeaveTheOriginalUnchangedAndNeverPrintTheToken() {
        SupabaseCrud anon = kit.anon();
        SupabaseCrud user = anon.withAccessToken(MockSupabase.USER_JWT);
        SupabaseCrud withRequest = user.withRequestContext(RequestContext.of("198.51.100.7", "r-9"));

        assertEquals("anon", anon.actor().role());
        assertSame(RequestContext.none(), user.requestContext());
        assertEquals("r-9", withRequest.requestContext().requestId());
        assertEquals(user.actor(), withRequest.actor());
        assertNotSame(user.client(), anon.client());
        assertSame(kit.sink, withRequest.auditSink());
        for (SupabaseCrud c : List.of(anon, user, withRequest)) {
            assertFalse(c.toString().contains(MockSupabase.USER_JWT), c.toString());
            assertFalse(c.offers().toString().contains(MockSupabase.USER_JWT));
        }
        assertFalse(withRequest.toString().contains("198.51.100.7"), "the IP is personal data");
        assertEquals("offers", user.offers().table());
        assertEquals(com.rabaislocal.sdk.supabase.tables.Offer.class, user.offers().rowType());
    }

    @Test
    void aRequestContextHoldsAnIpAddressAndAHeaderSafeRequestId() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> RequestContext.of("example.com", "line\nbreak"));
        assertEquals(Set.of("sourceIp", "requestId"), e.fieldErrors().keySet());
        assertThrows(ValidationException.class, () -> RequestContext.of(null, "r".repeat(201)));
        assertThrows(ValidationException.class, () -> RequestContext.of("256.1.1.1", null));
        assertThrows(ValidationException.class, () -> RequestContext.of("1::2::3", null));
        for (String ok : List.of("203.0.113.9", "2001:db8::1", "::1", "::ffff:192.0.2.1", "fe80:0:0:0:0:0:0:1")) {
            assertEquals(ok, RequestContext.of(ok, null).sourceIp());
        }
        assertEquals(" 203.0.113.9 ".strip(), RequestContext.of(" 203.0.113.9 ", null).sourceIp());
        assertSame(RequestContext.none(), RequestContext.of(null, null));
        assertEquals(RequestContext.of("::1", "a"), RequestContext.of("::1", "a").toBuilder().build());
    }
}
