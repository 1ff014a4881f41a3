package com.rabaislocal.sdk.webhooks;

import com.rabaislocal.sdk.core.internal.IpLiteral;
import com.rabaislocal.sdk.webhooks.internal.Problems;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the client IP of a request. The connection's peer is the client unless it is one of the configured trusted
 * proxies; only then are {@code Forwarded} (RFC 7239, preferred when present) or {@code X-Forwarded-For} read, from
 * the right, skipping trusted proxies, and the first untrusted hop is the client. A forwarding header sent by an
 * untrusted peer is ignored, so a client cannot pick its own rate-limit key. When a hop cannot be read (an obfuscated
 * or malformed entry), the nearest trusted proxy's address is used.
 *
 * <p>Addresses come back in canonical form ({@code 2001:db8:0:0:0:0:0:1}, IPv4-mapped IPv6 as IPv4), so one client
 * has one key. No DNS lookup is ever made. Immutable and thread-safe.
 */
public final class ClientIpResolver {

    private static final ClientIpResolver DIRECT = new ClientIpResolver(List.of());

    private final List<Cidr> trusted;

    private ClientIpResolver(List<Cidr> trusted) {
        this.trusted = trusted;
    }

    /** @return a resolver that trusts no proxy: the peer address is the client */
    public static ClientIpResolver direct() {
        return DIRECT;
    }

    /**
     * A resolver that reads the forwarding headers when the peer is one of these proxies.
     *
     * @param proxies IP literals or CIDR blocks, e.g. {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1/128}
     * @return the resolver
     * @throws com.rabaislocal.sdk.core.error.ValidationException listing every entry that is not an IP or CIDR block
     */
    public static ClientIpResolver trustingProxies(Collection<String> proxies) {
        Problems p = new Problems();
        List<Cidr> list = new ArrayList<>();
        for (String s : proxies) {
            Cidr c = Cidr.parse(s);
            p.require(c != null, "trustedProxies", "'" + s + "' is not an IP address or CIDR block");
            if (c != null) {
                list.add(c);
            }
        }
        p.throwIfAny("client IP resolver");
        return new ClientIpResolver(List.copyOf(list));
    }

    /**
     * Resolves a request's client IP.
     *
     * @param request the request
     * @return the client IP, canonical
     */
    public String resolve(WebhookRequest request) {
        return resolve(request.peerAddress(), request::headerValues);
    }

    /**
     * Resolves a client IP from a peer address and a header lookup (for adapters that hold no {@link WebhookRequest}).
     *
     * @param peerAddress the connection's peer, an IP literal
     * @param headerValues every value of a header by name (any case)
     * @return the client IP, canonical; the peer as given when it is not an IP literal
     */
    public String resolve(String peerAddress, Function<String, List<String>> headerValues) {
        InetAddress peer = parse(peerAddress);
        if (peer == null) {
            return peerAddress;
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = forwardedFor(headerValues.apply("Forwarded"));
        if (hops.isEmpty()) {
            hops = xForwardedFor(headerValues.apply("X-Forwarded-For"));
        }
        InetAddress candidate = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                break;
            }
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
            candidate = hop;
        }
        return candidate.getHostAddress();
    }

    private boolean isTrusted(InetAddress a) {
        for (Cidr c : trusted) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> xForwardedFor(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String part : line.split(",")) {
                hops.add(part.strip());
            }
        }
        return hops;
    }

    /** The {@code for=} value of each element of the {@code Forwarded} header lines, in order. */
    private static List<String> forwardedFor(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                String value = "";
                for (String pair : element.split(";")) {
                    String kv = pair.strip();
                    if (kv.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        value = kv.substring(4).strip();
                    }
                }
                hops.add(stripForwardedNode(value));
            }
        }
        return hops;
    }

    /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code "192.0.2.1:8080"} → {@code 192.0.2.1}. */
    private static String stripForwardedNode(String v) {
        String s = v;
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end < 0 ? s : s.substring(1, end);
        }
        int colon = s.indexOf(':');
        if (colon > 0 && s.indexOf(':', colon + 1) < 0) {
            return s.substring(0, colon);
        }
        return s;
    }

    /** Parses an IP literal without any DNS lookup; null when it is not one. */
    static InetAddress parse(String text) {
        if (text == null || !IpLiteral.isValid(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: the address's first {@code bits} bits. */
    private record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            if (text == null) {
                return null;
            }
            String s = text.strip();
            int slash = s.indexOf('/');
            InetAddress a = ClientIpResolver.parse(slash < 0 ? s : s.substring(0, slash));
            if (a == null) {
                return null;
            }
            int max = a.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (bits < 0 || bits > max) {
                    return null;
                }
            }
            return new Cidr(a.getAddress(), bits);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
