package com.rabaislocal.sdk.supabase.postgrest;

/** Reads the total out of PostgREST's {@code Content-Range}: {@code 0-9/1234}, {@code *}{@code /0}, {@code 0-9/*}. */
final class ContentRange {

    private ContentRange() {
    }

    /** @return the total after the slash, or null when absent, {@code *} or malformed */
    static Long total(String header) {
        if (header == null) {
            return null;
        }
        int slash = header.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        String t = header.substring(slash + 1).strip();
        if (t.isEmpty() || t.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
