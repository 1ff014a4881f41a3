package com.rabaislocal.sdk.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.LogCapture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Slf4jAuditSinkTest {

    @Test
    void writesOneInfoLinePerEventAsJsonOnTheAuditLogger() {
        AuditEvent a = AuditEvent.builder().action("insert").entityType("offers").entityId("1")
                .diff(null, Map.of("title", "Tacos")).build();
        AuditEvent b = AuditEvent.builder().action("login").entityType("users").entityId("u-7").actorId("u-7")
                .build();

        try (LogCapture logs = LogCapture.sdk(); Slf4jAuditSink sink = new Slf4jAuditSink()) {
            sink.write(List.of(a, b));

            List<String> lines = logs.at("INFO");
            assertEquals(List.of("INFO com.rabaislocal.sdk.audit " + a.toJson(),
                    "INFO com.rabaislocal.sdk.audit " + b.toJson()), lines);
            String json = lines.get(0).substring("INFO com.rabaislocal.sdk.audit ".length());
            assertEquals(a, AuditEvent.fromJson(json));
        }
    }

    @Test
    void singleEventFormAndNullChecks() {
        Slf4jAuditSink sink = new Slf4jAuditSink();
        AuditEvent e = AuditEvent.builder().action("purge").entityType("offers").build();

        try (LogCapture logs = LogCapture.sdk()) {
            sink.write(e);
            assertEquals(1, logs.at("INFO").size());
        }
        assertEquals("Invalid argument: event: must not be null",
                assertThrows(ValidationException.class, () -> sink.write((AuditEvent) null)).getMessage());
        assertEquals("Invalid argument: batch: must not be null",
                assertThrows(ValidationException.class, () -> sink.write((List<AuditEvent>) null)).getMessage());
        List<AuditEvent> withNull = new ArrayList<>(Arrays.asList(e, null));
        ValidationException ex = assertThrows(ValidationException.class, () -> sink.write(withNull));
        assertEquals("Invalid audit batch: batch[1]: must not be null", ex.getMessage());
    }
}
