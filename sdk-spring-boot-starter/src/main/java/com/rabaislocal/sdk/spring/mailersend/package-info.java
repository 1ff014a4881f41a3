/**
 * MailerSend auto-configuration.
 */
package com.rabaislocal.sdk.spring.mailersend;
