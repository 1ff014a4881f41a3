/**
 * The PostgREST (Data API) client: a fluent query builder with postgrest-js's method names
 * ({@code from(...).select(...).eq(...).order(...).range(...)}), typed and streaming results, an auto-pager,
 * writes guarded against missing filters and silent Row Level Security no-ops, and errors mapped onto sdk-core's
 * exception tree. Values are encoded following PostgREST's own grammar, so no input can add a filter.
 */
package com.rabaislocal.sdk.supabase.postgrest;
