package com.rabaislocal.sdk.mailersend.emails;

/**
 * Tracking settings of one email ({@code settings}); a null value leaves the domain's default.
 *
 * @param trackClicks rewrite links to count clicks
 * @param trackOpens add the open-tracking pixel
 * @param trackContent keep the content in MailerSend's activity
 */
public record EmailSettings(Boolean trackClicks, Boolean trackOpens, Boolean trackContent) {
}
