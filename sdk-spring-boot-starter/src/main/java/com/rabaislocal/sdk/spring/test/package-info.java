/**
 * Test support: {@link com.rabaislocal.sdk.spring.test.RabaisStandIns} swaps every auto-configured client for a
 * local stand-in. Needs spring-test (and sdk-testing for the GoAffPro and Make stand-ins) on the test class path.
 */
package com.rabaislocal.sdk.spring.test;
