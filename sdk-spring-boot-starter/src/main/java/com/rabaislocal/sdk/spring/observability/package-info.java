/**
 * Metrics and traces of the SDK's calls on Spring Boot's Micrometer registries.
 */
package com.rabaislocal.sdk.spring.observability;
