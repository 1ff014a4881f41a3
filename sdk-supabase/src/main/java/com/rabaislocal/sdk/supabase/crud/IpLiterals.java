package com.rabaislocal.sdk.supabase.crud;

import java.util.regex.Pattern;

/** Recognises IP address literals (what PostgreSQL's {@code inet} accepts for one host) without any DNS lookup. */
final class IpLiterals {

    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpLiterals() {
    }

    /** @return whether the text is an IPv4 or IPv6 address, e.g. {@code 203.0.113.9} or {@code 2001:db8::1} */
    static boolean isIp(String text) {
        if (text == null) {
            return false;
        }
        return V4.matcher(text).matches() || isV6(text);
    }

    private static boolean isV6(String text) {
        if (text.indexOf(':') < 0 || text.length() > 45) {
            return false;
        }
        int groups = 0;
        String rest = text;
        int lastColon = rest.lastIndexOf(':');
        String tail = rest.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            // An embedded IPv4 address counts as two groups, e.g. ::ffff:203.0.113.9.
            if (!V4.matcher(tail).matches()) {
                return false;
            }
            groups += 2;
            rest = rest.substring(0, lastColon + 1) + "0";
            groups -= 1;
        }
        int gap = rest.indexOf("::");
        if (gap >= 0 && rest.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] sides = gap >= 0 ? new String[] {rest.substring(0, gap), rest.substring(gap + 2)}
                : new String[] {rest};
        for (String side : sides) {
            if (side.isEmpty()) {
                continue;
            }
            for (String g : side.split(":", -1)) {
                if (!HEX_GROUP.matcher(g).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return gap >= 0 ? groups <= 7 : groups == 8;
    }
}
