/**
 * A local stand-in for a Supabase project ({@link com.rabaislocal.sdk.examples.standin.SupabaseStandIn}), so the
 * Supabase walk-through runs offline: an in-process HTTP server answering the few Auth and Data API requests the
 * walk-through makes, with Supabase's response shapes and the database's rules for them. A demo tool, not a
 * general Supabase or PostgREST emulator: every other request is refused with a 404.
 */
package com.rabaislocal.sdk.examples.standin;
