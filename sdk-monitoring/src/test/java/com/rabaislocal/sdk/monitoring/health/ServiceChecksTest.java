package com.rabaislocal.sdk.monitoring.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.make.MakeScopes;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GoAffPro and Make checks over their real clients, against the sdk-testing stand-ins. */
class ServiceChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void goAffProIsUpWhenTheStoreIsTheConfiguredProgramAndDownOtherwise() throws Exception {
        try (GoAffProStandIn standIn = GoAffProStandIn.start("health-token")) {
            GoAffProClient right = GoAffProClient.builder().baseUrl(standIn.baseUrl())
                    .credential(CredentialProvider.of("health-token")).programId(GoAffProStandIn.SITE_ID).build();
            GoAffProClient wrongProgram = right.withOptions(b -> b.programId("9999"));
            GoAffProClient wrongToken = right.withOptions(b -> b.credential(CredentialProvider.of("forged-token"))
                    .retryPolicy(RetryPolicy.none()));

            HealthResult up = ServiceHealthChecks.goAffPro(right, TIMEOUT).check();
            HealthResult otherStore = ServiceHealthChecks.goAffPro(wrongProgram, TIMEOUT).check();
            HealthResult refused = ServiceHealthChecks.goAffPro(wrongToken, TIMEOUT).check();

            assertEquals(HealthStatus.UP, up.status(), up.reason());
            assertEquals(GoAffProStandIn.SITE_ID, up.details().get("site_id"));
            assertEquals(HealthStatus.DOWN, otherStore.status());
            assertTrue(otherStore.reason().contains("GOAFFPRO_PROGRAM_ID is 9999"), otherStore.reason());
            assertEquals(HealthStatus.DOWN, refused.status());
            assertFalse(refused.reason().contains("forged-token"), "no token in a reason: " + refused.reason());
        }
    }

    @Test
    void makeIsUpWithTheScopesDegradedWithoutSomeAndDownWhenTheTokenIsRefused() throws Exception {
        try (MakeStandIn make = MakeStandIn.start(Clock.systemUTC())) {
            MakeClient client = MakeClient.builder().baseUrl(make.baseUrl()).teamId(MakeStandIn.TEAM_ID)
                    .credential(CredentialProvider.of(MakeStandIn.TOKEN)).build();
            make.scopes(Set.of(MakeScopes.SCENARIOS_READ));

            HealthResult up = ServiceHealthChecks.make(client, List.of(MakeScopes.SCENARIOS_READ), TIMEOUT).check();
            HealthResult lacking = ServiceHealthChecks.make(client, List.of(MakeScopes.SCENARIOS_READ,
                    MakeScopes.SCENARIOS_RUN), TIMEOUT).check();
            HealthResult refused = ServiceHealthChecks.make(client.withOptions(b -> b.credential(
                    CredentialProvider.of("00000000-0000-4000-8000-000000000bad")).retryPolicy(RetryPolicy.none())),
                    List.of(), TIMEOUT).check();

            assertEquals(HealthStatus.UP, up.status(), up.reason());
            assertEquals(HealthStatus.DEGRADED, lacking.status(), lacking.reason());
            assertTrue(lacking.reason().contains(MakeScopes.SCENARIOS_RUN), lacking.reason());
            assertEquals(HealthStatus.DOWN, refused.status(), refused.reason());
            assertTrue(refused.reason().contains("MAKE_API_TOKEN was refused"), refused.reason());
            assertFalse(refused.reason().contains("0bad"), refused.reason());
        }
    }
}
