package com.rabaislocal.sdk.webhooks.servlet;

import com.rabaislocal.sdk.webhooks.StandardResponse;
import com.rabaislocal.sdk.webhooks.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** The servlet adapters' translation between the servlet API and the neutral types. */
final class ServletExchange {

    private ServletExchange() {
    }

    static WebhookRequest toRequest(HttpServletRequest req) throws IOException {
        WebhookRequest.Builder b = WebhookRequest.builder()
                .method(req.getMethod())
                .path(req.getRequestURI() == null || req.getRequestURI().isEmpty() ? "/" : req.getRequestURI())
                .rawQuery(req.getQueryString())
                .peerAddress(req.getRemoteAddr())
                .body(req.getInputStream(), req.getContentLengthLong());
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (Enumeration<String> values = req.getHeaders(name); values.hasMoreElements();) {
                b.header(name, values.nextElement());
            }
        }
        return b.build();
    }

    static List<String> headerValues(HttpServletRequest req, String name) {
        Enumeration<String> v = req.getHeaders(name);
        return v == null ? List.of() : Collections.list(v);
    }

    static void write(StandardResponse answer, HttpServletResponse resp) throws IOException {
        byte[] body = answer.body();
        resp.setStatus(answer.status());
        answer.headers().forEach(resp::setHeader);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }
}
