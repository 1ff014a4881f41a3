/**
 * A Spring Boot service on the RabaisLocal starter: offers as the signed-in merchant, MailerSend's webhook, health.
 */
package com.rabaislocal.sdk.examples.spring;
