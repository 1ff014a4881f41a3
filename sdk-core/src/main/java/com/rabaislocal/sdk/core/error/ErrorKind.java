package com.rabaislocal.sdk.core.error;

/**
 * The family of an API error, which decides the {@link ApiException} subclass thrown. It follows the HTTP status by
 * default; a module's error parser may name another family when the service's own code says more than its status
 * (GoTrue answers 422 for an existing user, which is a conflict).
 */
public enum ErrorKind {
    /** 400, 422: {@link InvalidRequestException}. */
    INVALID_REQUEST,
    /** 401: {@link AuthenticationException}. */
    AUTHENTICATION,
    /** 403: {@link PermissionDeniedException}. */
    PERMISSION_DENIED,
    /** 404: {@link NotFoundException}. */
    NOT_FOUND,
    /** 409: {@link ConflictException}. */
    CONFLICT,
    /** 429: {@link RateLimitException}. */
    RATE_LIMIT,
    /** 5xx: {@link ServerException}. */
    SERVER,
    /** Any other status: {@link UnexpectedStatusException}. */
    UNEXPECTED;

    /**
     * Returns the family an HTTP status belongs to.
     *
     * @param status the HTTP status
     * @return its family
     */
    public static ErrorKind forStatus(int status) {
        switch (status) {
            case 400:
            case 422:
                return INVALID_REQUEST;
            case 401:
                return AUTHENTICATION;
            case 403:
                return PERMISSION_DENIED;
            case 404:
                return NOT_FOUND;
            case 409:
                return CONFLICT;
            case 429:
                return RATE_LIMIT;
            default:
                return status >= 500 && status <= 599 ? SERVER : UNEXPECTED;
        }
    }
}
