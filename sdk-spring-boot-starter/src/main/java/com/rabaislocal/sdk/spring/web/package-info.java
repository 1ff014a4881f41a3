/**
 * The web side: webhook endpoints, the API rate limit, verified Supabase users in controllers, and the SDK's
 * exceptions as RFC 9457 problem details.
 */
package com.rabaislocal.sdk.spring.web;
