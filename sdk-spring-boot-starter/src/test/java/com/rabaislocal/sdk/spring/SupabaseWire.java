package com.rabaislocal.sdk.spring;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer answering the Supabase calls the auto-configured beans make, with PostgREST's shapes. */
final class SupabaseWire implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    SupabaseWire() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                requests.add(r);
                String target = r.getTarget();
                if (target.startsWith("/auth/v1/health")) {
                    return json(200, "{\"version\":\"v2.170.0\",\"name\":\"GoTrue\"}");
                }
                if (target.startsWith("/rest/v1/logs_audit")) {
                    return new MockResponse.Builder().code(201).build();
                }
                if (r.getMethod().equals("GET") && target.startsWith("/rest/v1/")) {
                    return json(200, "[]");
                }
                return json(404, "{\"code\":\"PGRST205\",\"message\":\"Could not find the table\"}");
            }
        });
        server.start();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    String url() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    String[] properties() {
        return new String[] {"SUPABASE_URL=" + url(), "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE};
    }

    @Override
    public void close() {
        server.close();
    }
}
