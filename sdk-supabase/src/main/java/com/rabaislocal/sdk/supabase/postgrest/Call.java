package com.rabaislocal.sdk.supabase.postgrest;

import com.rabaislocal.sdk.core.http.SensitiveHeaders;
import java.util.Map;

/** What a request is about, for messages: subject, method and path, filters (credential-like values hidden). */
final class Call {

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
            String bare = name.substring(name.lastIndexOf('.') + 1);
            sb.append(name).append('=').append(SensitiveHeaders.isSensitiveQueryParameter(bare)
                    ? SensitiveHeaders.REDACTED : f.getValue());
        }
        this.filters = sb.toString();
    }
}
