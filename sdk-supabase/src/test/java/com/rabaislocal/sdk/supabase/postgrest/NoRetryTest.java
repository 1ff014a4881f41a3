package com.rabaislocal.sdk.supabase.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.ServerException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.testing.RecordingSleeper;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.testing.MockSupabase;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code noRetry()} sends a request at most once, whatever fails; {@code repeatable(false)} keeps the connect retry. */
class NoRetryTest {

    private final MockSupabase mock = new MockSupabase();

    @AfterEach
    void close() {
        mock.close();
    }

    /** A project URL on a port nobody listens on: every connection is refused. */
    private static String refusingUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return "http://127.0.0.1:" + port;
    }

    private SupabaseClient refused(RecordingSleeper sleeper) throws IOException {
        return SupabaseClient.builder().url(refusingUrl()).apiKey(CredentialProvider.of(MockSupabase.ANON_JWT))
                .retryPolicy(SupabaseClient.defaultRetryPolicy().toBuilder().sleeper(sleeper)
                        .clock(sleeper.clock()).build()).build();
    }

    @Test
    void noRetryMakesOneAttemptEvenWhenTheConnectionIsRefused() throws IOException {
        RecordingSleeper sleeper = RecordingSleeper.create();
        SupabaseClient supabase = refused(sleeper);

        assertThrows(TransportException.class, () -> supabase.from("offers").select().noRetry().list(Object.class));
        assertEquals(0, sleeper.count(), "no wait, no second attempt: " + sleeper);
    }

    @Test
    void aWriteSentOnceIsStillRetriedWhenItsConnectionCouldNotBeOpened() throws IOException {
        RecordingSleeper sleeper = RecordingSleeper.create();
        SupabaseClient supabase = refused(sleeper);

        assertThrows(TransportException.class,
                () -> supabase.from("offers").insert(java.util.Map.of("title", "x")).repeatable(false).execute());
        assertEquals(3, sleeper.count(), "nothing was sent, so the connect failure is retried: " + sleeper);
    }

    @Test
    void noRetryDoesNotRetryARetryableStatus() {
        mock.json(503, "{\"code\":\"PGRST002\",\"message\":\"schema cache\"}");
        mock.json(200, "[]");

        assertThrows(ServerException.class, () -> mock.client().from("offers").select().noRetry().list(Object.class));
        assertEquals(1, mock.requestCount());
        assertEquals(0, mock.sleeps().size());
    }
}
