/**
 * Supabase Auth (GoTrue, {@code <project>/auth/v1}): {@link com.rabaislocal.sdk.supabase.auth.AuthClient} for
 * end-user calls with the publishable (anon) key, {@link com.rabaislocal.sdk.supabase.auth.AuthAdminClient} for
 * user administration with the service-role key, and {@link com.rabaislocal.sdk.supabase.auth.JwtVerifier}, which
 * lets a backend verify the access tokens Supabase issues (HS256 with the project's JWT secret, RS256/ES256 through
 * the project's JWKS) without a network call per request.
 *
 * <p>Access tokens, refresh tokens, passwords and generated links are held as
 * {@link com.rabaislocal.sdk.core.config.Secret}s: they never appear in a log line, an exception message or a
 * {@code toString()}.
 */
package com.rabaislocal.sdk.supabase.auth;
