package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.http.ServiceClient;

/** What every query of one {@link PostgrestClient} shares. Immutable. */
final class PostgrestContext {

    final ServiceClient http;
    final String basePath;
    final String schema;
    final int maxUrlLength;

    PostgrestContext(ServiceClient http, String basePath, String schema, int maxUrlLength) {
        this.http = http;
        this.basePath = basePath;
        this.schema = schema;
        this.maxUrlLength = maxUrlLength;
    }
}
