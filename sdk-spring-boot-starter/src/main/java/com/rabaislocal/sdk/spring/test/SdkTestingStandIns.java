package com.rabaislocal.sdk.spring.test;

import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.spring.internal.SpringSources;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/** sdk-testing's stand-ins as {@link RabaisStandIn}s; loaded only when sdk-testing is on the class path. */
final class SdkTestingStandIns {

    /** The admin token the GoAffPro stand-in expects. */
    static final String GOAFFPRO_TOKEN = "goaffpro-stand-in-token";

    private SdkTestingStandIns() {
    }

    /** A started stand-in, as the bean to register and its {@link RabaisStandIn} view. */
    record Started(Object bean, RabaisStandIn standIn) {
    }

    static Started goAffPro() {
        try {
            GoAffProStandIn s = GoAffProStandIn.start(GOAFFPRO_TOKEN);
            return new Started(s, view(s, Map.of(
                    SpringSources.propertyName(ConfigKey.GOAFFPRO_API_KEY), GOAFFPRO_TOKEN,
                    SpringSources.propertyName(ConfigKey.GOAFFPRO_BASE_URL), s.baseUrl())));
        } catch (IOException e) {
            throw new UncheckedIOException("GoAffPro stand-in could not start", e);
        }
    }

    static Started make() {
        try {
            MakeStandIn s = MakeStandIn.withSampleData(Clock.systemUTC());
            return new Started(s, view(s, Map.of(
                    SpringSources.propertyName(ConfigKey.MAKE_TEAM_ID), Long.toString(MakeStandIn.TEAM_ID),
                    SpringSources.propertyName(ConfigKey.MAKE_API_TOKEN), MakeStandIn.TOKEN,
                    SpringSources.propertyName(ConfigKey.MAKE_BASE_URL), s.baseUrl())));
        } catch (IOException e) {
            throw new UncheckedIOException("Make stand-in could not start", e);
        }
    }

    private static RabaisStandIn view(AutoCloseable server, Map<String, String> properties) {
        return new RabaisStandIn() {
            @Override
            public Map<String, String> properties() {
                return properties;
            }

            @Override
            public void close() {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException("stand-in did not stop", e);
                }
            }
        };
    }
}
