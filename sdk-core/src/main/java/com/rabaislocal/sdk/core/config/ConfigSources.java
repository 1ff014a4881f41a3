package com.rabaislocal.sdk.core.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The four sources in precedence order: programmatic values and providers, system properties, environment
 * variables, the {@code .env} file. System properties and the environment map are read live (not copied), so a
 * changed system property is seen by the next read.
 */
final class ConfigSources {

    private final Map<ConfigKey, String> programmatic;
    private final Map<ConfigKey, CredentialProvider> providers;
    private final Properties systemProperties;
    private final Map<String, String> environmentVariables;
    private final DotEnvFile dotEnv;

    ConfigSources(Map<ConfigKey, String> programmatic, Map<ConfigKey, CredentialProvider> providers,
                  Properties systemProperties, Map<String, String> environmentVariables, DotEnvFile dotEnv) {
        this.programmatic = programmatic.isEmpty() ? Map.of() : new EnumMap<>(programmatic);
        this.providers = providers.isEmpty() ? Map.of() : new EnumMap<>(providers);
        this.systemProperties = systemProperties;
        this.environmentVariables = environmentVariables;
        this.dotEnv = dotEnv;
    }

    /** The {@code .env} file, or null when none is configured. */
    DotEnvFile dotEnv() {
        return dotEnv;
    }

    boolean hasProvider(ConfigKey key) {
        return providers.containsKey(key);
    }

    CredentialProvider provider(ConfigKey key) {
        return providers.get(key);
    }

    /** Reads the current {@code .env} contents (cached by modification time), or none. */
    DotEnvFile.Contents readDotEnv() {
        return dotEnv == null ? DotEnvFile.Contents.absent() : dotEnv.read();
    }

    /**
     * Resolves every key.
     *
     * @param dot the {@code .env} contents to use
     * @param callProviders whether to ask programmatic credential providers; when false their keys are left out
     */
    Snapshot read(DotEnvFile.Contents dot, boolean callProviders) {
        Map<ConfigKey, Resolved> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, List<String>> keyProblems = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            Resolved r = null;
            if (providers.containsKey(key)) {
                if (!callProviders) {
                    continue;
                }
                r = fromProvider(key, keyProblems);
                if (r == null) {
                    continue;
                }
            }
            if (r == null && programmatic.containsKey(key)) {
                r = new Resolved(programmatic.get(key), ConfigSource.PROGRAMMATIC, ConfigSource.PROGRAMMATIC.label());
            }
            if (r == null) {
                r = fromSystemProperties(key, keyProblems);
            }
            if (r == null) {
                String v = clean(environmentVariables.get(key.name()));
                if (v != null) {
                    r = new Resolved(v, ConfigSource.ENVIRONMENT_VARIABLE, ConfigSource.ENVIRONMENT_VARIABLE.label());
                }
            }
            if (r == null) {
                DotEnvFile.Entry e = dot.entries().get(key.name());
                String v = e == null ? null : clean(e.value());
                if (v != null) {
                    r = new Resolved(v, ConfigSource.DOTENV_FILE, ".env file " + dotEnv.path() + ", line " + e.line());
                }
            }
            if (r != null) {
                values.put(key, r);
            }
        }
        return new Snapshot(values, keyProblems, dot.problems(), dot);
    }

    /** Asks a programmatic provider; a failure is a problem of that key, reported without the exception text. */
    Resolved fromProvider(ConfigKey key, Map<ConfigKey, List<String>> keyProblems) {
        try {
            Secret s = providers.get(key).current();
            if (s == null) {
                add(keyProblems, key, key.name() + " (credential provider): the provider returned null");
                return null;
            }
            return new Resolved(s.reveal(), ConfigSource.PROGRAMMATIC, "credential provider");
        } catch (RuntimeException e) {
            // The provider's own message is not ours to vouch for: it might quote the credential.
            add(keyProblems, key, key.name() + " (credential provider): the provider failed with "
                    + e.getClass().getName());
            return null;
        }
    }

    private Resolved fromSystemProperties(ConfigKey key, Map<ConfigKey, List<String>> keyProblems) {
        String exact = clean(systemProperties.getProperty(key.name()));
        String dotted = clean(systemProperties.getProperty(key.propertyName()));
        if (exact != null && dotted != null && !exact.equals(dotted)) {
            add(keyProblems, key, key.name() + " (system property): the system properties " + key.name() + " and "
                    + key.propertyName() + " are both set, to different values; set only one");
        }
        if (exact != null) {
            return new Resolved(exact, ConfigSource.SYSTEM_PROPERTY, "system property " + key.name());
        }
        if (dotted != null) {
            return new Resolved(dotted, ConfigSource.SYSTEM_PROPERTY, "system property " + key.propertyName());
        }
        return null;
    }

    /** One line describing the sources from highest to lowest precedence. */
    String describe(DotEnvFile.Contents dot) {
        List<String> parts = new ArrayList<>();
        int n = programmatic.size() + providers.size();
        parts.add("programmatic (" + n + (n == 1 ? " value)" : " values)"));
        parts.add("system properties");
        parts.add("environment variables");
        if (dotEnv == null) {
            parts.add(".env file (none)");
        } else if (!dot.present()) {
            parts.add(".env file " + dotEnv.path() + " (absent" + (dotEnv.required() ? ", required)" : ")"));
        } else {
            int entries = dot.entries().size();
            parts.add(".env file " + dotEnv.path() + " (" + entries + (entries == 1 ? " entry)" : " entries)"));
        }
        return String.join(" > ", parts);
    }

    /** Surrounding blanks are ignored, and a blank value counts as not set. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return v.isEmpty() ? null : v;
    }

    private static void add(Map<ConfigKey, List<String>> keyProblems, ConfigKey key, String problem) {
        keyProblems.computeIfAbsent(key, k -> new ArrayList<>()).add(problem);
    }
}
