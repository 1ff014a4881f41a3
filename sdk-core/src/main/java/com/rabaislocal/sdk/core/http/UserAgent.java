package com.rabaislocal.sdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's {@code User-Agent}: {@code rabaislocal-sdk-java/<sdk version> (java <runtime version>)}.
 */
public final class UserAgent {

    private static final String SDK_VERSION = loadVersion();
    private static final String VALUE = "rabaislocal-sdk-java/" + SDK_VERSION + " (java "
            + System.getProperty("java.version", "unknown") + ")";

    private UserAgent() {
    }

    /** @return the full User-Agent header value */
    public static String value() {
        return VALUE;
    }

    /** @return the SDK's version, e.g. {@code 0.1.0} */
    public static String sdkVersion() {
        return SDK_VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/com/rabaislocal/sdk/core/sdk-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                // An unfiltered resource (IDE run without Maven) still yields a readable value.
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through: the User-Agent is informative, never a reason to fail
        }
        return "dev";
    }
}
