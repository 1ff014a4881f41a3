package com.rabaislocal.sdk.core.config;

/**
 * One key's value as found in the sources, with where it came from.
 *
 * @param value the trimmed, non-blank value (may be a credential: never print it)
 * @param source the winning source
 * @param origin a human description of the exact place, e.g. {@code system property rabaislocal.supabase.url}
 */
record Resolved(String value, ConfigSource source, String origin) {

    /** Masked: a resolved value may be a credential. */
    @Override
    public String toString() {
        return "Resolved[" + origin + "]";
    }
}
