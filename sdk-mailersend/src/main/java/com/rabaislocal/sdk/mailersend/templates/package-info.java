/** MailerSend templates: list and get. */
package com.rabaislocal.sdk.mailersend.templates;
