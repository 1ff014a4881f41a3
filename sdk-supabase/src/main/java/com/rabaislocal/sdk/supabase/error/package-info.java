/**
 * How Supabase's error bodies become sdk-core's {@link com.rabaislocal.sdk.core.error.ApiError}: PostgREST's
 * {@code {code, message, details, hint}}, the JSON errors of Auth and Edge Functions, and the HTML pages of the
 * gateway in front of them.
 */
package com.rabaislocal.sdk.supabase.error;
