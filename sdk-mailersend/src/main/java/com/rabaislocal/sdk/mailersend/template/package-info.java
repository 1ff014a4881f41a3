/**
 * RabaisLocal's transactional email template: the registry of emails ({@link
 * com.rabaislocal.sdk.mailersend.template.EmailKind}), their variables, the standard variables, template ids per
 * environment and locale, the permanent/transient failure classes, one log line and one audit event per send.
 */
package com.rabaislocal.sdk.mailersend.template;
