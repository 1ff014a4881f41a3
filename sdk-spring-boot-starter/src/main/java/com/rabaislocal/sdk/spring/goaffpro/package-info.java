/**
 * GoAffPro auto-configuration.
 */
package com.rabaislocal.sdk.spring.goaffpro;
