package com.rabaislocal.sdk.mailersend.template;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of what the user consented to, as Québec's Law 25 asks: the purposes, the policy version, when, and how to
 * withdraw.
 *
 * @param consentId the consent record's id
 * @param purposes what was consented to, in the user's language, at least one
 * @param policyVersion the privacy policy's version
 * @param policyUrl the policy's page
 * @param recordedAt when the consent was recorded
 * @param withdrawUrl where to withdraw it
 */
public record ConsentRecordedEmail(String consentId, List<String> purposes, String policyVersion, String policyUrl,
                                   Instant recordedAt, String withdrawUrl) implements TransactionalEmail {

    /** Checks every value at once and copies the purposes. */
    public ConsentRecordedEmail {
        new Checks("consent recorded email").text("consent_id", consentId)
                .that(purposes != null && !purposes.isEmpty() && purposes.stream().noneMatch(
                        p -> p == null || p.isBlank()), "purposes", "needs at least one purpose, none blank")
                .text("policy_version", policyVersion).url("policy_url", policyUrl, true)
                .present("recorded_on", recordedAt).url("withdraw_url", withdrawUrl, true).done();
        purposes = List.copyOf(purposes);
    }

    @Override
    public EmailKind kind() {
        return EmailKind.CONSENT_RECORDED;
    }

    @Override
    public Map<String, Object> variables(EmailLocale locale) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("consent_id", consentId);
        v.put("purposes", purposes);
        v.put("policy_version", policyVersion);
        v.put("policy_url", policyUrl);
        v.put("recorded_on", locale.date(recordedAt));
        v.put("withdraw_url", withdrawUrl);
        return v;
    }

    @Override
    public String subject(EmailLocale locale) {
        return locale.pick("Copie de votre consentement", "A copy of your consent");
    }
}
