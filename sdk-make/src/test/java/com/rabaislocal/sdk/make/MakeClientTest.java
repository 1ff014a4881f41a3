package com.rabaislocal.sdk.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import com.rabaislocal.sdk.make.error.MissingScopeException;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class MakeClientTest {

    private static SdkConfig.Builder config() {
        return SdkConfig.builder().set(ConfigKey.MAKE_TEAM_ID, "42").set(ConfigKey.MAKE_API_TOKEN, MakeWire.TOKEN);
    }

    @Test
    void theBuilderNamesEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> MakeClient.builder().build());
        assertEquals(Set.of("baseUrl", "credential", "teamId"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().contains("zone"), e.getMessage());
        ValidationException zone = assertThrows(ValidationException.class, () -> MakeClient.builder().zone("mars")
                .teamId(-1).credential(CredentialProvider.of(MakeWire.TOKEN)).build());
        assertEquals(Set.of("zone", "teamId"), zone.fieldErrors().keySet());
    }

    @Test
    void zonesGiveTheirHosts() {
        assertEquals("https://eu1.make.com/api/v2", MakeClient.zoneBaseUrl("eu1"));
        assertEquals("https://us2.make.com/api/v2", MakeClient.zoneBaseUrl(" US2 "));
        assertEquals("https://eu1.make.celonis.com/api/v2", MakeClient.zoneBaseUrl("eu1.make.celonis.com"));
        assertThrows(ValidationException.class, () -> MakeClient.zoneBaseUrl("https://eu1.make.com"));
    }

    @Test
    void fromSettingsNeedsAZoneOrABaseUrl() {
        ConfigException e = assertThrows(ConfigException.class, () -> MakeClient.fromSettings(config().build()));
        assertTrue(e.getMessage().contains("MAKE_ZONE"), e.getMessage());
        try (MakeClient c = MakeClient.fromSettings(config().set(ConfigKey.MAKE_ZONE, "eu2").build())) {
            assertEquals("https://eu2.make.com/api/v2", c.options().baseUrl());
            assertEquals(42, c.teamId());
        }
        try (MakeClient c = MakeClient.fromSettings(config().set(ConfigKey.MAKE_ZONE, "eu2")
                .set(ConfigKey.MAKE_BASE_URL, "https://make.example.org/api/v2/").build())) {
            assertEquals("https://make.example.org/api/v2", c.options().baseUrl(), "the base URL wins");
        }
        assertThrows(ConfigException.class,
                () -> MakeClient.fromSettings(config().set(ConfigKey.MAKE_ZONE, "mars").build()));
    }

    @Test
    void verifyTokenReadsTheUserAndItsScopes() throws Exception {
        try (MakeWire wire = new MakeWire()) {
            wire.enqueue(200, "{\"authUser\":{\"id\":7,\"name\":\"Ops\",\"email\":\"ops@rabaislocal.com\"}}");
            wire.enqueue(200, "{\"authorization\":{\"authUsed\":\"token\",\"scope\":[\"scenarios:read\","
                    + "\"scenarios:run\"]}}");
            TokenInfo t = wire.client.verifyToken(MakeScopes.SCENARIOS_READ);
            assertEquals(7, t.userId());
            assertEquals(Set.of("scenarios:read", "scenarios:run"), t.scopes());
            RecordedRequest me = wire.take();
            assertEquals("/api/v2/users/me", me.getTarget());
            MakeWire.assertMakeHeaders(me);
            assertEquals("/api/v2/users/me/current-authorization", wire.take().getTarget());

            wire.enqueue(200, "{\"authUser\":{\"id\":7,\"name\":\"Ops\"}}");
            wire.enqueue(200, "{\"authorization\":{\"scope\":[\"scenarios:read\"]}}");
            MissingScopeException e = assertThrows(MissingScopeException.class,
                    () -> wire.client.verifyToken(MakeScopes.SCENARIOS_RUN, MakeScopes.HOOKS_READ));
            assertEquals(Set.of("scenarios:run", "hooks:read"), e.missing());
            assertTrue(e.getMessage().contains("hooks:read") && e.getMessage().contains("scenarios:run"));

            wire.enqueue(401, "{\"detail\":\"Invalid token\",\"message\":\"Unauthorized\",\"code\":\"SC401\"}");
            ConfigException refused = assertThrows(ConfigException.class, () -> wire.client.verifyToken());
            assertTrue(refused.getMessage().contains("MAKE_ZONE"), refused.getMessage());
            assertFalse(refused.getMessage().contains(MakeWire.TOKEN));
        }
    }

    @Test
    void theTokenNeverShowsInToStringsOrLogs() throws Exception {
        try (MakeWire wire = new MakeWire(); LogCapture logs = LogCapture.sdk()) {
            wire.enqueue(200, "{\"scenario\":{\"id\":5}}");
            wire.client.scenarios().get(5);
            assertFalse(wire.client.toString().contains(MakeWire.TOKEN));
            assertFalse(logs.text().contains(MakeWire.TOKEN), logs.text());
            assertTrue(logs.text().contains("/api/v2/scenarios/5"), "the call was logged");
        }
    }

    @Test
    void aClosedClientRefusesCalls() throws Exception {
        try (MakeWire wire = new MakeWire()) {
            MakeClient derived = wire.client.withOptions(b -> b.teamId(7));
            assertEquals(7, derived.teamId());
            derived.close();
            assertThrows(RabaisSdkException.class, () -> derived.scenarios().get(5));
            wire.enqueue(200, "{\"scenario\":{\"id\":5}}");
            assertEquals(5, wire.client.scenarios().get(5).id(), "the original stays open");
        }
    }
}
