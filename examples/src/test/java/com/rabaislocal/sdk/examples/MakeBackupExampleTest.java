package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline Make backup writes the stand-in's scenarios, says so, and raises the 5-failures alert. */
class MakeBackupExampleTest {

    @TempDir
    Path dir;

    @Test
    void backsUpThenFindsNothingChangedAndReportsTheFailingWorkflow() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        boolean alert = MakeBackupExample.runOffline(new PrintStream(first, true, StandardCharsets.UTF_8), dir);
        String text = first.toString(StandardCharsets.UTF_8);
        assertTrue(alert, text);
        assertTrue(text.contains("102    Weekly affiliate digest"), text);
        assertTrue(text.contains("NEW"), text);
        assertTrue(text.contains("ALERT: failed 5 times in a row"), text);
        assertTrue(Files.exists(dir.resolve("manifest.json")));
        assertTrue(Files.exists(dir.resolve("101-coupon-redeemed-notify-merchant.json")));
        assertFalse(text.contains("00000000-0000-4000-8000-00000000beef"), "the token was printed");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        MakeBackupExample.runOffline(new PrintStream(second, true, StandardCharsets.UTF_8), dir);
        assertTrue(second.toString(StandardCharsets.UTF_8).contains("(nothing changed)"), second.toString());
    }
}
