package com.rabaislocal.sdk.goaffpro.internal;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;

/**
 * Starts GoAffPro requests with the SDK's rules on repeating them: GET, PUT and DELETE are repeatable by HTTP;
 * PATCH is declared repeatable (setting the same fields twice is harmless); POST is never repeatable (it creates
 * records, money-bearing ones among them, and GoAffPro has no idempotency key). Internal, no compatibility promise.
 */
public final class Requests {

    private Requests() {
    }

    /**
     * Starts a GET.
     *
     * @param operation the metric name, e.g. {@code affiliates.list}
     * @param path the path below the base URL
     * @return the builder
     */
    public static SdkRequest.Builder get(String operation, String path) {
        return SdkRequest.builder("GET", path).operation(operation);
    }

    /**
     * Starts a POST, never re-sent once it may have reached the server.
     *
     * @param operation the metric name
     * @param path the path
     * @return the builder
     */
    public static SdkRequest.Builder post(String operation, String path) {
        return SdkRequest.builder("POST", path).operation(operation).repeatable(false);
    }

    /**
     * Starts a PATCH, declared repeatable.
     *
     * @param operation the metric name
     * @param path the path
     * @return the builder
     */
    public static SdkRequest.Builder patch(String operation, String path) {
        return SdkRequest.builder("PATCH", path).operation(operation).repeatable(true);
    }

    /**
     * Starts a PUT.
     *
     * @param operation the metric name
     * @param path the path
     * @return the builder
     */
    public static SdkRequest.Builder put(String operation, String path) {
        return SdkRequest.builder("PUT", path).operation(operation);
    }

    /**
     * Starts a DELETE.
     *
     * @param operation the metric name
     * @param path the path
     * @return the builder
     */
    public static SdkRequest.Builder delete(String operation, String path) {
        return SdkRequest.builder("DELETE", path).operation(operation);
    }

    /**
     * Checks an id or code that goes into a path.
     *
     * @param name the argument's name
     * @param value the value
     * @return the value, stripped
     * @throws ValidationException when null or blank
     */
    public static String id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, "is required (non-blank)");
        }
        return value.strip();
    }
}
