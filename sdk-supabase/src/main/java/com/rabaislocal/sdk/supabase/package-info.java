/**
 * The Supabase client of the RabaisLocal SDK: {@link com.rabaislocal.sdk.supabase.SupabaseClient} is the entry point
 * to the Data API (PostgREST, in {@code com.rabaislocal.sdk.supabase.postgrest}) and Edge Functions (in
 * {@code com.rabaislocal.sdk.supabase.functions}). It builds on sdk-core's transport, errors and retry.
 */
package com.rabaislocal.sdk.supabase;
