package com.rabaislocal.sdk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.webhooks.auth.UrlTokenAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No token, signature or body in a log line; one line per refusal with code, IP and path. */
class RedactionTest {

    @Test
    void refusalsLogOneLineWithoutSecrets() {
        Logger logger = (Logger) LoggerFactory.getLogger(WebhookReceiver.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (WebhookReceiver r = WebhookReceiver.builder()
                .authenticator(UrlTokenAuthenticator.of(Secret.of("goaffpro-url-token")))
                .handler(e -> HandlerResult.processed()).build()) {
            byte[] body = "{\"order\":{\"customer_email\":\"client@example.com\"}}".getBytes(StandardCharsets.UTF_8);
            StandardResponse refused = r.handle(WebhookRequest.builder().method("POST").path("/webhooks/goaffpro")
                    .rawQuery("token=wrong-token-guess").peerAddress("192.0.2.44")
                    .header("Content-Type", "application/json").header("Signature", "deadbeef").body(body).build());
            assertEquals(401, refused.status());
            StandardResponse ok = r.handle(WebhookRequest.builder().method("POST").path("/webhooks/goaffpro")
                    .rawQuery("token=goaffpro-url-token").peerAddress("192.0.2.44")
                    .header("Content-Type", "application/json").body(body).build());
            assertEquals(200, ok.status());
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertTrue(line.contains("code=signature_invalid") && line.contains("ip=192.0.2.44")
                    && line.contains("path=/webhooks/goaffpro"), line);
            for (String secret : List.of("wrong-token-guess", "goaffpro-url-token", "deadbeef", "client@example.com",
                    "token=")) {
                assertFalse(line.contains(secret), secret);
            }
            assertFalse(r.toString().contains("goaffpro-url-token"));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
