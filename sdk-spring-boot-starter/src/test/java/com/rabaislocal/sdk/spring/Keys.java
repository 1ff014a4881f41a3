package com.rabaislocal.sdk.spring;

/** Well-formed new-style Supabase keys for the tests (no real project has them). */
final class Keys {

    static final String PUBLISHABLE = "sb_publishable_ZaqV0Ae7Vm5Fm2yqnJbSzQ_JIt7dpFZ";
    static final String SECRET = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";
    static final String JWT_SECRET = "a-test-only-hs256-secret-of-at-least-32-bytes";

    private Keys() {
    }
}
