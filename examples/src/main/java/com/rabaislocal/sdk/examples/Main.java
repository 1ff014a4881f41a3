package com.rabaislocal.sdk.examples;

import java.io.PrintStream;

/**
 * The examples' main program. Offline by default: it needs no key and reaches no service unless the services'
 * variables are set. Run it with {@code mvn -B -q -pl examples -am -DskipTests package exec:java}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs every example in turn.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("== 1. Configuration diagnosis ==");
        ConfigDiagnosisExample.run(out);
    }
}
