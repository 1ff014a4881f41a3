package com.rabaislocal.sdk.core.config;

import java.util.List;
import java.util.Map;

/**
 * What the sources said at one moment: the winning value of each key that is set, and what was wrong with the
 * sources themselves.
 *
 * @param values the winning value per key (keys no source sets are absent)
 * @param keyProblems problems found while reading one key (e.g. two disagreeing system properties)
 * @param problems problems not tied to one key (e.g. a malformed {@code .env} line)
 * @param dotEnv the {@code .env} contents used
 */
record Snapshot(Map<ConfigKey, Resolved> values, Map<ConfigKey, List<String>> keyProblems, List<String> problems,
                DotEnvFile.Contents dotEnv) {
}
