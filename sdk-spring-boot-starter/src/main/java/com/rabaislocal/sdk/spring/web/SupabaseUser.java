package com.rabaislocal.sdk.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter that receives the Supabase user verified from the request's
 * {@code Authorization: Bearer <access token>} header by the auto-configured {@code JwtVerifier}:
 * <ul>
 *   <li>{@code @SupabaseUser JwtClaims user}: the verified claims (user id, role, email, ...);</li>
 *   <li>{@code @SupabaseUser VerifiedUser user}: the verified user: their id (the token's {@code sub}, which must
 *       be a user id), app role, claims and access token;</li>
 *   <li>{@code @SupabaseUser SupabaseCrud crud}: the CRUD template acting as that user (the token is sent to
 *       Supabase, so Row Level Security applies), with the request's client IP and {@code X-Request-Id} in its
 *       audit events.</li>
 * </ul>
 * A missing or refused token throws {@code InvalidTokenException}, answered 401 as a problem detail; with
 * {@code required = false} a request without the header gets null instead (a refused token is still 401).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SupabaseUser {

    /** @return false to accept a request without an {@code Authorization} header (the parameter is then null) */
    boolean required() default true;
}
