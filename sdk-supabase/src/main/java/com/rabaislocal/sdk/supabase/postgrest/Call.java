package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.http.SensitiveHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a request is about, for messages: subject, method and path, filters (credential-like values hidden). */
final class Call {

    private static final Set<String> SENSITIVE = Set.of("apikey", "api_key", "key", "token", "access_token",
            "refresh_token", "password", "secret");

    final String service;
    final String subject;
    final String call;
    final String filters;

    Call(String service, String subject, String call, java.util.List<Map.Entry<String, String>> filterParams) {
        this.service = service;
        this.subject = subject;
        this.call = call;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : filterParams) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String name = f.getKey();
            String bare = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            sb.append(name).append('=').append(SENSITIVE.contains(bare) ? SensitiveHeaders.REDACTED : f.getValue());
        }
        this.filters = sb.toString();
    }
}
