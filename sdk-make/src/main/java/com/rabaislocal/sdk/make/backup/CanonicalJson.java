package com.rabaislocal.sdk.make.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stable, credential-free JSON for backups: keys sorted at every level, two-space indentation, {@code \n} line
 * ends and a final newline, so the same blueprint always gives the same bytes (and the same hash). Values under
 * credential-like keys, and the {@code value} of a header-like {@code {name, value}} pair whose name is a
 * credential header, are replaced by {@value #REDACTED}.
 */
final class CanonicalJson {

    /** What replaces a credential. */
    static final String REDACTED = "[redacted]";

    /** Credential-like names, lower case without separators. */
    private static final Set<String> SECRET_NAMES = Set.of("password", "passwd", "pass", "secret", "clientsecret",
            "apikey", "apitoken", "token", "accesstoken", "refreshtoken", "authtoken", "bearer", "authorization",
            "privatekey", "xmakeapikey", "xapikey", "apisecret", "credentials", "cookie", "sessionid",
            "signingsecret", "webhooksecret");

    private static final ObjectWriter WRITER = SdkJson.mapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private CanonicalJson() {
    }

    /** @return a copy with keys sorted and credentials redacted */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), isSecretName(e.getKey()) && !e.getValue().isNull()
                        ? JsonNodeFactory.instance.textNode(REDACTED)
                        : canonical(e.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            // A header given as {name: "Authorization", value: "..."} keeps its name and loses its value.
            JsonNode label = out.has("name") ? out.get("name") : out.get("key");
            if (label != null && label.isTextual() && isSecretName(label.asText()) && out.has("value")
                    && !out.get("value").isNull()) {
                out.put("value", REDACTED);
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return node;
    }

    static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_NAMES.contains(n);
    }

    /** @return the canonical text: sorted, pretty, {@code \n} line ends, final newline */
    static byte[] bytes(JsonNode canonical) {
        try {
            return (WRITER.writeValueAsString(canonical) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** @return {@code sha256:<hex>} of the bytes */
    static String hash(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
