/**
 * Supabase Edge Functions: {@link com.rabaislocal.sdk.supabase.functions.FunctionsClient#invoke(String, Object,
 * Class)} with typed answers, and relay errors ({@link com.rabaislocal.sdk.supabase.functions.FunctionRelayException})
 * told apart from the errors a function answers itself.
 */
package com.rabaislocal.sdk.supabase.functions;
