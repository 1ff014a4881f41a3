package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Base-URL rules shared by every URL-valued key: absolute http(s), https unless the host is loopback, loopback
 * refused in production, no credentials, query or fragment. Messages show a URL only in its safe form (scheme, host,
 * port, path), and never show a value that does not even parse as an http(s) URL, since that may be a key pasted
 * into the wrong variable.
 */
final class BaseUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern ONLY_X = Pattern.compile("[xX]+");

    private BaseUrls() {
    }

    /** Problems with {@code raw} as a base URL in {@code env}, each phrased to follow the variable's name. */
    static List<String> check(String raw, RabaisEnvironment env) {
        List<String> problems = new ArrayList<>();
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            problems.add("is not a valid URL (expected e.g. https://api.example.com)");
            return problems;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            problems.add("is not an absolute http(s) URL (expected e.g. https://api.example.com)");
            return problems;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("must not contain credentials (user:password@); put keys in their own variables");
            return problems;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add("must not have a query or fragment: found " + safeForm(uri) + "?...");
        }
        boolean loopback = isLoopback(uri);
        if (loopback && !env.allowsLoopback()) {
            problems.add("points at the loopback host " + uri.getHost() + ", which " + env
                    + " refuses: found " + safeForm(uri));
        } else if (!loopback && scheme.equals("http")) {
            problems.add("must use https (plain http is accepted only for localhost, 127.0.0.1 and [::1]): found "
                    + safeForm(uri));
        }
        String firstLabel = uri.getHost().split("\\.", -1)[0];
        if (ONLY_X.matcher(firstLabel).matches()) {
            problems.add("still holds the documentation placeholder host " + uri.getHost());
        }
        return problems;
    }

    /** The validated URL, lower-case scheme and host, without trailing slashes. Call only after {@link #check}. */
    static URI normalize(String raw) {
        URI u = URI.create(raw);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = u.getPort() < 0 ? "" : ":" + u.getPort();
        return URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + port + path);
    }

    /** True for localhost, 127.0.0.0/8 and [::1]. */
    static boolean isLoopback(URI uri) {
        String h = uri.getHost();
        if (h == null) {
            return false;
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Scheme, host, port and path only: what a report may print. */
    static String safeForm(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + path;
    }
}
