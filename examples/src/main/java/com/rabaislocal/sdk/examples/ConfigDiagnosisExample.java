package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.ConfigDiagnosis;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.config.SdkConfig;
import java.io.PrintStream;

/**
 * Builds the SDK configuration for DEVELOPMENT from whatever this process has (system properties, environment
 * variables, a {@code .env} file in the working directory) and prints which services are configured, what is missing
 * and what is wrong. Secrets are shown only as a fingerprint and a length.
 */
public final class ConfigDiagnosisExample {

    private ConfigDiagnosisExample() {
    }

    /**
     * Diagnoses the given configuration builder and prints the report.
     *
     * @param config a builder holding the sources to read; the environment is forced to DEVELOPMENT
     * @param out where to print
     * @return the diagnosis, for callers that act on it
     */
    public static ConfigDiagnosis run(SdkConfig.Builder config, PrintStream out) {
        // The diagnosis never throws, so even a configuration too broken to build is explained.
        ConfigDiagnosis diagnosis = config.environment(RabaisEnvironment.DEVELOPMENT).diagnose();
        out.println(diagnosis.render());
        return diagnosis;
    }

    /**
     * Runs the diagnosis on this process's own configuration sources.
     *
     * @param out where to print
     * @return the diagnosis
     */
    public static ConfigDiagnosis run(PrintStream out) {
        return run(SdkConfig.builder().processSources(), out);
    }
}
