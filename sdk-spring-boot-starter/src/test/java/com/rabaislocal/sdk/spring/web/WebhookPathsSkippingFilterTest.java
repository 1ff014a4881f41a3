package com.rabaislocal.sdk.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import com.rabaislocal.sdk.webhooks.api.ApiRateLimiter;
import com.rabaislocal.sdk.webhooks.limit.RateLimit;
import com.rabaislocal.sdk.webhooks.limit.StateStore;
import com.rabaislocal.sdk.webhooks.servlet.ApiRateLimitFilter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebhookPathsSkippingFilterTest {

    private final WebhookPathsSkippingFilter filter = new WebhookPathsSkippingFilter(new ApiRateLimitFilter(
            ApiRateLimiter.builder().stateStore(StateStore.inMemory()).defaultLimit(RateLimit.perMinute(3)).build(),
            ClientIpResolver.direct()), List.of("/webhooks/mailersend"));

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", path);
        req.setRemoteAddr("198.51.100.7");
        MockHttpServletResponse resp = new MockHttpServletResponse();
        filter.doFilter(req, resp, new MockFilterChain());
        return resp;
    }

    @Test
    void theApiLimitRefusesTheRequestAfterTheLimitWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("/offers").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("/offers");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("\"code\":\"rate_limited\"");
    }

    @Test
    void webhookPathsSpendNoApiPermit() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("/webhooks/mailersend").getStatus()).isEqualTo(200);
        }
        assertThat(call("/webhooks/mailersend/").getStatus()).isEqualTo(200);
        // Only a path that merely starts with the same letters counts as the API.
        for (int i = 0; i < 3; i++) {
            assertThat(call("/webhooks/mailersendx").getStatus()).isEqualTo(200);
        }
        assertThat(call("/offers").getStatus()).isEqualTo(429);
    }
}
