/**
 * The RabaisLocal SDK's Spring Boot starter: the SDK's configuration from the Spring Environment, validated at start-up, and the conditions every service auto-configuration uses. See docs/SPRING-BOOT.md.
 */
package com.rabaislocal.sdk.spring;
