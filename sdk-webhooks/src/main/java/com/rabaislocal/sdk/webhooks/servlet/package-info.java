/**
 * Jakarta Servlet adapters: {@link com.rabaislocal.sdk.webhooks.servlet.WebhookServlet} for a receiver and
 * {@link com.rabaislocal.sdk.webhooks.servlet.ApiRateLimitFilter} for the API rate limit. The servlet API is a
 * provided dependency.
 */
package com.rabaislocal.sdk.webhooks.servlet;
