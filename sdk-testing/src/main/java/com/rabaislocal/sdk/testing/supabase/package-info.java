/**
 * A local stand-in for a Supabase project ({@link com.rabaislocal.sdk.testing.supabase.SupabaseStandIn}) and the
 * JUnit 5 extension that starts it ({@link com.rabaislocal.sdk.testing.supabase.SupabaseStandInExtension}): an
 * in-process HTTP server answering the Auth and Data API requests of the RabaisLocal tables it knows, with Supabase's
 * response shapes and the database's rules for them, and access tokens signed HS256 like a project's, so the
 * SDK's {@code JwtVerifier} accepts them. Not a general Supabase or PostgREST emulator: every other request is
 * refused with a 404.
 */
package com.rabaislocal.sdk.testing.supabase;
