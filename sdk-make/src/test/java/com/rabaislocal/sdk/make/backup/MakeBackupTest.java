package com.rabaislocal.sdk.make.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeBackupTest {

    private static final String PASSWORD = "hunter2-s3cret";
    private static final String BEARER = "Bearer sk-live-abcdef123456";

    private final FakeClock clock = FakeClock.create();
    private final MakeStandIn make;
    private final MakeClient client;

    @TempDir
    Path dir;

    MakeBackupTest() throws IOException {
        make = MakeStandIn.withSampleData(clock);
        client = MakeClient.builder().baseUrl(make.baseUrl()).teamId(MakeStandIn.TEAM_ID)
                .credential(CredentialProvider.of(MakeStandIn.TOKEN)).build();
    }

    @AfterEach
    void close() {
        client.close();
        make.close();
    }

    private MakeBackup backup() {
        return MakeBackup.builder().client(client).directory(dir).clock(clock).build();
    }

    private Map<String, FileTime> snapshot() throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private Map<Long, BackupReport.Entry> byId(BackupReport r) {
        Map<Long, BackupReport.Entry> m = new TreeMap<>();
        r.entries().forEach(e -> m.put(e.scenarioId(), e));
        return m;
    }

    @Test
    void firstExportWritesStableFilesAndAManifest() throws IOException {
        BackupReport r = backup().run();
        assertEquals(List.of(Change.NEW, Change.NEW, Change.NEW), r.entries().stream().map(BackupReport.Entry::change)
                .toList());
        assertEquals(java.util.Set.of("101-coupon-redeemed-notify-merchant.json", "102-weekly-affiliate-digest.json",
                "103-offer-expiry-cleanup.json", "manifest.json"), snapshot().keySet());
        String text = Files.readString(dir.resolve("102-weekly-affiliate-digest.json"));
        assertTrue(text.startsWith("{\n  \"blueprint\" : {"), text.substring(0, 40));
        assertTrue(text.endsWith("}\n"));
        assertFalse(text.contains("\r"));
        assertTrue(text.indexOf("\"flow\"") < text.indexOf("\"metadata\""), "keys are sorted");
        JsonNode manifest = SdkJson.mapper().readTree(dir.resolve("manifest.json").toFile());
        JsonNode first = manifest.path("scenarios").get(0);
        assertEquals(101, first.path("id").asLong());
        assertEquals("1.0.0", first.path("version").asText());
        assertEquals(clock.instant().toString(), first.path("exportedAt").asText());
        assertTrue(first.path("hash").asText().startsWith("sha256:"));
        assertEquals(CanonicalJson.hash(Files.readAllBytes(dir.resolve(first.path("file").asText()))),
                first.path("hash").asText(), "the hash is the file's");
    }

    @Test
    void aSecondRunWithNoChangeWritesNothing() throws IOException {
        backup().run();
        Map<String, FileTime> before = snapshot();
        Map<String, byte[]> bytes = new TreeMap<>();
        for (String f : before.keySet()) {
            bytes.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        clock.advance(Duration.ofDays(7));
        BackupReport r = backup().run();
        assertFalse(r.changed());
        assertEquals(before, snapshot());
        for (String f : before.keySet()) {
            assertTrue(java.util.Arrays.equals(bytes.get(f), Files.readAllBytes(dir.resolve(f))), f);
        }
    }

    @Test
    void settingsBumpPatchAddedModulesMinorRemovedModulesMajor() throws IOException {
        backup().run();
        ObjectNode b = make.currentBlueprint(102);
        ((ObjectNode) b.path("flow").get(0).path("mapper")).put("url", "https://api.goaffpro.com/v1/affiliates");
        make.updateBlueprint(102, b);
        assertEquals(new SemanticVersion(1, 0, 1), version(backup().run(), 102, Change.PATCH));

        ObjectNode added = make.currentBlueprint(102);
        ((ArrayNode) added.path("flow")).addObject().put("id", 4).put("module", "slack:CreateMessage");
        make.updateBlueprint(102, added);
        assertEquals(new SemanticVersion(1, 1, 0), version(backup().run(), 102, Change.MINOR));

        ObjectNode removed = make.currentBlueprint(102);
        ((ArrayNode) removed.path("flow")).remove(1);
        make.updateBlueprint(102, removed);
        BackupReport r = backup().run();
        assertEquals(new SemanticVersion(2, 0, 0), version(r, 102, Change.MAJOR));
        assertEquals(Change.UNCHANGED, byId(r).get(101L).change());
        JsonNode manifest = SdkJson.mapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("2.0.0", manifest.path("scenarios").get(1).path("version").asText());
        assertEquals("1.0.0", manifest.path("scenarios").get(0).path("version").asText());
    }

    private SemanticVersion version(BackupReport r, long id, Change expected) {
        BackupReport.Entry e = byId(r).get(id);
        assertEquals(expected, e.change());
        return e.version();
    }

    @Test
    void aRemovedScenarioLosesItsFile() throws IOException {
        backup().run();
        make.removeScenario(103);
        BackupReport r = backup().run();
        assertEquals(Change.REMOVED, byId(r).get(103L).change());
        assertFalse(Files.exists(dir.resolve("103-offer-expiry-cleanup.json")));
        assertFalse(Files.readString(dir.resolve("manifest.json")).contains("\"id\" : 103"));
    }

    @Test
    void noCredentialReachesAnyFile() throws IOException {
        ObjectNode b = make.currentBlueprint(101);
        ObjectNode mail = (ObjectNode) b.path("flow").get(1);
        ((ObjectNode) mail.path("parameters")).put("password", PASSWORD).put("apiKey", PASSWORD);
        ArrayNode headers = ((ObjectNode) mail.path("mapper")).putArray("headers");
        headers.addObject().put("name", "Authorization").put("value", BEARER);
        headers.addObject().put("name", "Accept").put("value", "application/json");
        make.updateBlueprint(101, b);
        backup().run();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String text = Files.readString(p);
                assertFalse(text.contains(PASSWORD), p.toString());
                assertFalse(text.contains("sk-live"), p.toString());
            }
        }
        String text = Files.readString(dir.resolve("101-coupon-redeemed-notify-merchant.json"));
        assertTrue(text.contains("[redacted]"));
        assertTrue(text.contains("application/json"), "harmless values stay");
        assertTrue(text.contains("__IMTCONN__"), "connection ids stay, for a restore");
    }

    @Test
    void slugsAndVersionsAndBadSettings() {
        assertEquals("coupon-redeemed-notifier-le-marchand", MakeBackup.slug("Coupon redeemed → notifier le marchand!"));
        assertEquals("scenario", MakeBackup.slug("???"));
        assertEquals(new SemanticVersion(1, 2, 3), SemanticVersion.parse("1.2.3"));
        assertThrows(ValidationException.class, () -> SemanticVersion.parse("1.2"));
        ValidationException e = assertThrows(ValidationException.class, () -> MakeBackup.builder().build());
        assertEquals(2, e.fieldErrors().size());
    }
}
