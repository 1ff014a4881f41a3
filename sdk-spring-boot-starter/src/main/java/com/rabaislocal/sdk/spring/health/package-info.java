/**
 * Health checks of the configured services, and their Actuator health indicators.
 */
package com.rabaislocal.sdk.spring.health;
