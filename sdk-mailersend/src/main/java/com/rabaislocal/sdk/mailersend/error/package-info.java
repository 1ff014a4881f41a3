/** MailerSend's error answers: the parser and the module's exceptions (under the kit's families). */
package com.rabaislocal.sdk.mailersend.error;
