package com.rabaislocal.sdk.make.hooks;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A custom webhook's address ({@code https://hook.<zone>.make.com/<32 chars>}). The address alone lets anyone
 * trigger the scenario, so it is a secret: {@link #toString()} shows only the host, and the SDK never puts the
 * address in a log line or an exception message. Read it from {@link HookService#get(long)}; do not build it.
 */
public final class HookUrl {

    private final URI uri;

    private HookUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * Wraps an address, checking it without ever echoing it.
     *
     * @param url an absolute https URL with a path; plain http only on a loopback host (stand-ins, tests)
     * @return the address
     * @throws ValidationException when it is not such a URL
     */
    public static HookUrl of(String url) {
        Objects.requireNonNull(url, "url");
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ValidationException("hookUrl", "is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost();
        if (host == null || !(scheme.equals("https") || (scheme.equals("http") && loopback(host)))) {
            throw new ValidationException("hookUrl", "must be an absolute https URL (http only on a loopback host)");
        }
        if (u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new ValidationException("hookUrl", "must not carry user info or a fragment");
        }
        if (u.getRawPath() == null || u.getRawPath().length() < 2) {
            throw new ValidationException("hookUrl", "has no path: a Make hook address ends with the hook's id");
        }
        return new HookUrl(u);
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** @return the address itself; put it on the wire only, never in a log or message */
    public String reveal() {
        return uri.toString();
    }

    /** @return the host (not secret), e.g. {@code hook.eu1.make.com} */
    public String host() {
        return uri.getHost();
    }

    /** Masked: shows the host only. */
    @Override
    public String toString() {
        return "HookUrl[" + uri.getHost() + "/redacted]";
    }

    /** Addresses compare by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HookUrl && ((HookUrl) o).uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }
}
