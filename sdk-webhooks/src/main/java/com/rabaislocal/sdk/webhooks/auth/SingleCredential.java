package com.rabaislocal.sdk.webhooks.auth;

import java.util.List;
import java.util.function.Predicate;

/** The rule every credential header or parameter follows: present, not blank, exactly once, then matched. */
final class SingleCredential {

    private SingleCredential() {
    }

    /**
     * @param values every value received for the credential
     * @param matches the constant-time comparison with the expected credential
     * @return authenticated, missing (absent or blank) or invalid (sent more than once, or not matching)
     */
    static AuthenticationResult check(List<String> values, Predicate<String> matches) {
        if (values.isEmpty() || values.get(0).isBlank()) {
            return AuthenticationResult.missing();
        }
        if (values.size() > 1) {
            // Two values are ambiguous: a proxy or an attacker added one. Refuse rather than pick.
            return AuthenticationResult.invalid();
        }
        return matches.test(values.get(0)) ? AuthenticationResult.authenticated() : AuthenticationResult.invalid();
    }
}
