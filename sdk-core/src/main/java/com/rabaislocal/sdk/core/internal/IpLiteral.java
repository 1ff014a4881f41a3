package com.rabaislocal.sdk.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Tells whether a text is an IPv4 or IPv6 address literal, as stored in {@code logs_audit.ip} and
 * {@code legal_consents.ip} (PostgreSQL {@code inet}). Host names are refused, and checking never triggers a DNS
 * lookup.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private IpLiteral() {
    }

    /**
     * Checks a text.
     *
     * @param text the text, may be null
     * @return true for an IPv4 literal ({@code 203.0.113.9}) or an IPv6 literal ({@code 2001:db8::1},
     *     {@code ::ffff:203.0.113.9}); false for null, host names and anything else
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            // Starting with a hex digit or ':' and holding a ':', the text is parsed as an IPv6 literal and never
            // resolved as a host name (an IPv4-mapped address comes back as an Inet4Address).
            return InetAddress.getByName(text) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
