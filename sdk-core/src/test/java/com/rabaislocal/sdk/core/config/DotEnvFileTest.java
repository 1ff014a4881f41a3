package com.rabaislocal.sdk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

    @TempDir
    Path dir;

    private static Map<String, String> values(DotEnvFile.Contents c) {
        return c.entries().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().value()));
    }

    @Test
    void parsesCommentsExportQuotesAndInlineComments() {
        DotEnvFile.Contents c = DotEnvFile.parse(List.of(
                "\uFEFF# RabaisLocal shared variables",
                "",
                "   # indented comment",
                "SUPABASE_URL=https://abc.supabase.co",
                "export MAILERSEND_DOMAIN=rabaislocal.com",
                "export\tOPENAI_ORG_ID = org-123   # the org",
                "SINGLE='literal \\n $HOME # not a comment'",
                "DOUBLE=\"line1\\nline2 \\\"quoted\\\" back\\\\slash\\ttab\"  # trailing comment",
                "HASH_IN_WORD=abc#def",
                "EMPTY=",
                "EMPTY_QUOTED=\"\"",
                "ONLY_COMMENT= # nothing",
                "SPACED = value with spaces   ",
                "DUP=first",
                "DUP=second",
                "dotted.name=ok"), "test.env");
        assertEquals(List.of(), c.problems());
        Map<String, String> v = values(c);
        assertEquals("https://abc.supabase.co", v.get("SUPABASE_URL"));
        assertEquals("rabaislocal.com", v.get("MAILERSEND_DOMAIN"));
        assertEquals("org-123", v.get("OPENAI_ORG_ID"));
        assertEquals("literal \\n $HOME # not a comment", v.get("SINGLE"));
        assertEquals("line1\nline2 \"quoted\" back\\slash\ttab", v.get("DOUBLE"));
        assertEquals("abc#def", v.get("HASH_IN_WORD"));
        assertEquals("", v.get("EMPTY"));
        assertEquals("", v.get("EMPTY_QUOTED"));
        assertEquals("", v.get("ONLY_COMMENT"));
        assertEquals("value with spaces", v.get("SPACED"));
        assertEquals("second", v.get("DUP"));
        assertEquals("ok", v.get("dotted.name"));
        assertEquals(4, c.entries().get("SUPABASE_URL").line());
        assertEquals(15, c.entries().get("DUP").line());
    }

    @Test
    void everyMalformedLineIsReportedWithFileAndLineButNeverItsContent() {
        String secret = "sk-live-DO-NOT-PRINT-0123456789";
        DotEnvFile.Contents c = DotEnvFile.parse(List.of(
                "GOOD=1",
                secret,
                "9BAD=value-" + secret,
                "OPENAI_API_KEY=\"" + secret,
                "UNKNOWN_THING='" + secret,
                "MAILERSEND_API_KEY=\"" + secret + "\" trailing-" + secret,
                "my-key=" + secret), "/srv/app/.env");
        assertEquals(List.of(
                ".env file /srv/app/.env, line 2: expected KEY=VALUE but found no '='",
                ".env file /srv/app/.env, line 3: the variable name must be letters, digits, '_' or '.', not"
                        + " starting with a digit",
                ".env file /srv/app/.env, line 4 (OPENAI_API_KEY): unterminated double quote (values cannot span"
                        + " several lines)",
                ".env file /srv/app/.env, line 5: unterminated single quote (values cannot span several lines)",
                ".env file /srv/app/.env, line 6 (MAILERSEND_API_KEY): unexpected text after the closing quote",
                ".env file /srv/app/.env, line 7: the variable name must be letters, digits, '_' or '.', not"
                        + " starting with a digit"), c.problems());
        assertEquals(Map.of("GOOD", "1"), values(c));
        for (String p : c.problems()) {
            assertFalse(p.contains("DO-NOT-PRINT"), p);
        }
    }

    @Test
    void malformedFileFailsTheBuildWithOneExceptionListingEveryLine() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "SUPABASE_URL=https://abc.supabase.co\nnot a pair\nOPENAI_API_KEY='unterminated\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SdkConfig.builder().dotEnvFile(env).build());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(env.toAbsolutePath() + ", line 2"), e.getMessage());
        assertTrue(e.problems().get(1).contains(env.toAbsolutePath() + ", line 3 (OPENAI_API_KEY)"), e.getMessage());
        assertFalse(e.getMessage().contains("unterminated'"), e.getMessage());
    }

    @Test
    void readCachesUntilTheFileChanges() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=1\n");
        DotEnvFile file = new DotEnvFile(env, true);
        DotEnvFile.Contents first = file.read();
        assertEquals("1", first.entries().get("A").value());
        assertSame(first, file.read(), "unchanged file must not be parsed again");

        FileTime before = Files.getLastModifiedTime(env);
        Files.writeString(env, "A=2\n");
        Files.setLastModifiedTime(env, FileTime.fromMillis(before.toMillis() + 5_000));
        assertEquals("2", file.read().entries().get("A").value());
    }

    @Test
    void missingFiles() {
        Path absent = dir.resolve("absent.env");
        DotEnvFile.Contents optional = new DotEnvFile(absent, false).read();
        assertFalse(optional.present());
        assertEquals(List.of(), optional.problems());
        DotEnvFile.Contents required = new DotEnvFile(absent, true).read();
        assertEquals(List.of(".env file " + absent.toAbsolutePath() + " does not exist"), required.problems());

        assertTrue(SdkConfig.builder().optionalDotEnvFile(absent).build().source(ConfigKey.SUPABASE_URL).isEmpty());
        ConfigException e = assertThrows(ConfigException.class,
                () -> SdkConfig.builder().dotEnvFile(absent).build());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void invalidUtf8IsReportedNotGuessed() throws IOException {
        Path env = dir.resolve(".env");
        Files.write(env, new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28, '\n'});
        DotEnvFile.Contents c = new DotEnvFile(env, true).read();
        assertEquals(List.of(".env file " + env.toAbsolutePath() + " is not valid UTF-8"), c.problems());
    }
}
