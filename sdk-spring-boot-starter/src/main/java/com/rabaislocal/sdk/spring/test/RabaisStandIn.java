package com.rabaislocal.sdk.spring.test;

import java.util.Map;

/**
 * A local stand-in of a service for tests: started before the application context, pointed at by the properties it
 * gives, registered as a bean (so a test can inspect or stop it), closed with the context. {@link RabaisStandIns}
 * starts GoAffPro's and Make's from sdk-testing; the Supabase one is the application's choice (a class with a
 * public no-argument constructor that starts it).
 */
public interface RabaisStandIn extends AutoCloseable {

    /**
     * The configuration that points the SDK at this stand-in, by variable name ({@code SUPABASE_URL}, ...) or
     * {@code rabaislocal.*} property; it takes precedence over every other property source of the test.
     *
     * @return the properties
     */
    Map<String, String> properties();

    /** Stops the stand-in. */
    @Override
    void close();

    /** The default of {@link RabaisStandIns#supabase()}: no Supabase stand-in. */
    final class None implements RabaisStandIn {
        /** Creates nothing. */
        public None() {
        }

        @Override
        public Map<String, String> properties() {
            return Map.of();
        }

        @Override
        public void close() {
        }
    }
}
