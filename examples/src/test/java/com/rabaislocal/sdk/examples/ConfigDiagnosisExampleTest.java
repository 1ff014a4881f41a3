package com.rabaislocal.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.ConfigDiagnosis;
import com.rabaislocal.sdk.core.config.SdkConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigDiagnosisExampleTest {

    /** An unsigned-for-test JWT-shaped key with the given payload, as Supabase's legacy keys look. */
    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void reportsConfiguredMissingAndWrongServicesWithoutPrintingSecrets() {
        String anon = jwt("{\"role\":\"anon\",\"ref\":\"abcdefghijklmnopqrst\",\"iss\":\"supabase\"}");
        String mailerKey = "mlsn.0123456789abcdef0123456789abcdef0123456789abcdef";
        SdkConfig.Builder config = SdkConfig.builder()
                .environmentVariables(Map.of(
                        "SUPABASE_URL", "https://abcdefghijklmnopqrst.supabase.co",
                        "SUPABASE_ANON_KEY", anon,
                        "MAILERSEND_API_KEY", mailerKey,
                        "MAILERSEND_DOMAIN", "rabaislocal.com",
                        "OPENAI_API_KEY", "sk-test-0123456789abcdefghijklmnop",
                        "OPENAI_ORG_ID", "not-an-org"))
                .systemProperties(new Properties())
                .noDotEnvFile();

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ConfigDiagnosis diagnosis = ConfigDiagnosisExample.run(config, new PrintStream(buffer, true,
                StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);

        assertTrue(printed.contains("DEVELOPMENT"), printed);
        assertTrue(diagnosis.service(com.rabaislocal.sdk.core.config.Service.SUPABASE).configured(), printed);
        assertTrue(diagnosis.service(com.rabaislocal.sdk.core.config.Service.MAILERSEND).configured(), printed);
        assertFalse(diagnosis.service(com.rabaislocal.sdk.core.config.Service.GOAFFPRO).configured(), printed);
        assertTrue(printed.contains("GOAFFPRO_API_KEY"), "missing GoAffPro key is named: " + printed);
        assertTrue(printed.contains("OPENAI_ORG_ID"), "malformed org id is named: " + printed);
        assertFalse(diagnosis.problems().isEmpty(), printed);
        for (String secret : new String[] {anon, mailerKey, "sk-test-0123456789abcdefghijklmnop"}) {
            assertFalse(printed.contains(secret), "a secret was printed: " + printed);
        }
    }
}
