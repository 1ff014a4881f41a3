package com.rabaislocal.sdk.mailersend.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receipt of a credits purchase, from the credits ledger.
 *
 * @param transactionId the ledger entry's id
 * @param credits the credits bought, positive
 * @param amount what was paid, in CAD, not negative
 * @param balanceAfter the balance after the purchase, not negative
 * @param purchasedAt when
 */
public record CreditsReceiptEmail(String transactionId, long credits, BigDecimal amount, long balanceAfter,
                                  Instant purchasedAt) implements TransactionalEmail {

    /** Checks every value at once. */
    public CreditsReceiptEmail {
        new Checks("credits receipt email").text("transaction_id", transactionId)
                .that(credits > 0, "credits", "must be positive")
                .that(amount != null && amount.signum() >= 0, "amount", "is required and not negative")
                .that(balanceAfter >= 0, "balance_after", "must not be negative")
                .present("purchased_on", purchasedAt).done();
    }

    @Override
    public EmailKind kind() {
        return EmailKind.CREDITS_RECEIPT;
    }

    @Override
    public Map<String, Object> variables(EmailLocale locale) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("transaction_id", transactionId);
        v.put("credits", credits);
        v.put("amount", locale.money(amount));
        v.put("balance_after", balanceAfter);
        v.put("purchased_on", locale.date(purchasedAt));
        return v;
    }

    @Override
    public String subject(EmailLocale locale) {
        return locale.pick("Votre reçu d'achat de crédits", "Your credits purchase receipt");
    }
}
