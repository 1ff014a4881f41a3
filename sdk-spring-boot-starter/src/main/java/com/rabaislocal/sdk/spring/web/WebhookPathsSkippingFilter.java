package com.rabaislocal.sdk.spring.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The API rate limit, except on the webhook endpoints: their receivers apply the webhook limit (10 a minute per IP)
 * in their own buckets, and a sender's burst must not spend the API's permits nor the other way round.
 */
final class WebhookPathsSkippingFilter implements Filter {

    private final Filter apiLimit;
    private final List<String> webhookPaths;

    WebhookPathsSkippingFilter(Filter apiLimit, List<String> webhookPaths) {
        this.apiLimit = Objects.requireNonNull(apiLimit, "apiLimit");
        this.webhookPaths = List.copyOf(webhookPaths);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isWebhook(http)) {
            chain.doFilter(request, response);
            return;
        }
        apiLimit.doFilter(request, response, chain);
    }

    private boolean isWebhook(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String ctx = request.getContextPath();
        String path = uri == null ? "" : (ctx != null && uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri);
        for (String p : webhookPaths) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }
}
