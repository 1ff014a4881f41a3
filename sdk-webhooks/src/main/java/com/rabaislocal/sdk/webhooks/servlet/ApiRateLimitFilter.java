package com.rabaislocal.sdk.webhooks.servlet;

import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import com.rabaislocal.sdk.webhooks.api.ApiRateLimiter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * A servlet filter applying an {@link ApiRateLimiter} to RabaisLocal's own API: every answer carries
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}; a refused request gets 429 (or 403 for a blocked IP)
 * with {@code Retry-After} and the standard JSON answer, and does not reach the chain.
 */
public class ApiRateLimitFilter implements Filter {

    private final ApiRateLimiter limiter;
    private final ClientIpResolver ipResolver;

    /**
     * @param limiter the limiter
     * @param ipResolver how the client IP is found
     */
    public ApiRateLimitFilter(ApiRateLimiter limiter, ClientIpResolver ipResolver) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.ipResolver = Objects.requireNonNull(ipResolver, "ipResolver");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        String ip = ipResolver.resolve(req.getRemoteAddr(), name -> ServletExchange.headerValues(req, name));
        String path = req.getRequestURI() == null ? "/" : req.getRequestURI();
        ApiRateLimiter.Decision d = limiter.check(ip, req.getMethod(), path, req.getHeader("X-Request-Id"));
        if (d.refusal().isPresent()) {
            ServletExchange.write(d.refusal().get(), resp);
            return;
        }
        d.headers().forEach(resp::setHeader);
        chain.doFilter(request, response);
    }
}
