package com.rabaislocal.sdk.webhooks.auth;

import com.rabaislocal.sdk.webhooks.WebhookCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authenticator decided: authenticated (possibly with the delivery id the sender signed, such as Standard
 * Webhooks' {@code webhook-id}), or refused with one of the 401 codes. Immutable.
 */
public final class AuthenticationResult {

    private static final AuthenticationResult OK = new AuthenticationResult(null, null);

    private final WebhookCode refusal;
    private final String deliveryId;

    private AuthenticationResult(WebhookCode refusal, String deliveryId) {
        this.refusal = refusal;
        this.deliveryId = deliveryId;
    }

    /** @return an authenticated result without a delivery id */
    public static AuthenticationResult authenticated() {
        return OK;
    }

    /**
     * An authenticated result carrying the signed delivery id, used for idempotency when the payload has no event id.
     *
     * @param deliveryId the id the sender signed
     * @return the result
     */
    public static AuthenticationResult authenticated(String deliveryId) {
        return new AuthenticationResult(null, Objects.requireNonNull(deliveryId, "deliveryId"));
    }

    /** @return a refusal: the credential is missing */
    public static AuthenticationResult missing() {
        return new AuthenticationResult(WebhookCode.CREDENTIALS_MISSING, null);
    }

    /** @return a refusal: the credential does not match (or is ambiguous: sent twice) */
    public static AuthenticationResult invalid() {
        return new AuthenticationResult(WebhookCode.SIGNATURE_INVALID, null);
    }

    /** @return a refusal: the signed timestamp is outside the tolerance */
    public static AuthenticationResult stale() {
        return new AuthenticationResult(WebhookCode.TIMESTAMP_OUT_OF_TOLERANCE, null);
    }

    /** @return a refusal: the same signed message was already received */
    public static AuthenticationResult replayed() {
        return new AuthenticationResult(WebhookCode.REPLAYED, null);
    }

    /** @return true when the delivery is authenticated */
    public boolean isAuthenticated() {
        return refusal == null;
    }

    /** @return the refusal's code; empty when authenticated */
    public Optional<WebhookCode> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** @return the signed delivery id, when the scheme has one */
    public Optional<String> deliveryId() {
        return Optional.ofNullable(deliveryId);
    }

    @Override
    public String toString() {
        return refusal == null ? "AuthenticationResult[authenticated]" : "AuthenticationResult[" + refusal + "]";
    }
}
