package com.rabaislocal.sdk.supabase.auth;

import com.rabaislocal.sdk.core.error.AuthenticationException;
import com.rabaislocal.sdk.core.error.ErrorKind;
import java.util.Objects;

/**
 * A JWT was refused by {@link JwtVerifier}. {@link #reason()} tells why, for a 401 answer or a metric; the message
 * explains it for a log line and never contains the token.
 */
public class InvalidTokenException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** Not a compact JWS with a JSON header and claims, or a required claim ({@code exp}) is missing. */
        MALFORMED,
        /** {@code alg} is {@code none}, not one the verifier accepts, or one it has no key material for. */
        UNSUPPORTED_ALGORITHM,
        /** No key in the JWKS has the token's {@code kid}, even after a refetch. */
        UNKNOWN_KEY,
        /** The signature does not match the header and claims, or the key does not fit the algorithm. */
        BAD_SIGNATURE,
        /** {@code exp} is past, beyond the allowed clock skew. */
        EXPIRED,
        /** {@code nbf} is still ahead, beyond the allowed clock skew. */
        NOT_YET_VALID,
        /** {@code aud} does not include the expected audience. */
        WRONG_AUDIENCE,
        /** {@code iss} differs from the expected issuer. */
        WRONG_ISSUER,
        /** {@code role} is not one of the allowed roles. */
        WRONG_ROLE
    }

    /** Why the token was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the token was refused
     * @param message what was wrong, without the token
     */
    public InvalidTokenException(Reason reason, String message) {
        super(established("supabase", ErrorKind.AUTHENTICATION, 401, text(reason, message)), text(reason, message),
                null);
        this.reason = reason;
    }

    private static String text(Reason reason, String message) {
        return "JWT refused (" + Objects.requireNonNull(reason, "reason") + "): " + message;
    }

    /** @return why the token was refused */
    public Reason reason() {
        return reason;
    }
}
