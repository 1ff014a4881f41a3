package com.rabaislocal.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The combination really runs on the versions it claims: each combination module names what its order of BOM
 * imports must resolve to, and the calls in {@link SdkCallsTest} are only proof if these match.
 */
class ManagedVersionsTest {

    private static String expected(String name) {
        String v = System.getProperty("compat.expected." + name);
        if (v == null) {
            throw new IllegalStateException("the combination module must set compat.expected." + name);
        }
        return v;
    }

    @Test
    void kotlinStdlibIsTheOneTheImportsChose() {
        assertEquals(expected("kotlin"), kotlin.KotlinVersion.CURRENT.toString());
    }

    @Test
    void jacksonIsTheOneTheImportsChose() {
        assertEquals(expected("jackson"), com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals(expected("jackson"), com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    }

    @Test
    void okHttpIsTheSdksOkHttp5() {
        assertEquals(expected("okhttp"), okhttp3.OkHttp.VERSION);
    }
}
