package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's run command works offline: Main prints both steps and returns normally. */
class MainTest {

    @Test
    void runsOfflineEndToEnd() {
        assumeTrue(System.getenv("SUPABASE_URL") == null && System.getenv("SUPABASE_ANON_KEY") == null
                        && System.getProperty("SUPABASE_URL") == null && !Files.exists(Path.of(".env")),
                "this test checks the offline run: unset SUPABASE_URL / SUPABASE_ANON_KEY and remove ./.env");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Main.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        for (String expected : List.of("== 1. Configuration diagnosis ==", "Supabase (sdk-supabase): NOT CONFIGURED",
                "== 2. Supabase walk-through ==", "Target: local stand-in at http://127.0.0.1:", "[1/6] Sign in",
                "[2/6] List the live offers", "[3/6] Create an offer", "[4/6] Record a consent",
                "[5/6] Buy and spend credits", "[6/6] Audit trail", "3 of 3 stored in logs_audit", "signed out",
                "== 3. Make backup and health (offline stand-in) ==", "ALERT: failed 5 times in a row",
                "== 6. MailerSend transactional email ==", "HTTP 200; wrongly signed: HTTP 401",
                "== 7. AI agent \"find deals\"", "[2/2] Answer (COMPLETED): Voici les rabais")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
        assertTrue(text.indexOf("== 1.") < text.indexOf("== 2."), "diagnosis first");
        assertFalse(text.contains("eyJ"), "a JWT was printed:\n" + text);
        assertFalse(text.contains("sb_publishable_") || text.contains("sb_secret_"), "a key was printed:\n" + text);
    }
}
