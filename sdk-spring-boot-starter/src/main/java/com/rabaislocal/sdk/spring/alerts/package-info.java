/**
 * The seed's alert rules, scheduled, with their channels.
 */
package com.rabaislocal.sdk.spring.alerts;
