package com.rabaislocal.sdk.core.error;

import java.util.List;

/**
 * The SDK's configuration is missing or malformed. One exception lists every problem found, not only the first, so
 * a deployment can be fixed in one pass.
 */
public class ConfigException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** Every problem found, one sentence each, in the order found. */
    private final List<String> problems;

    /**
     * Creates an exception listing every configuration problem.
     *
     * @param problems one line per problem, each naming the variable concerned; at least one
     */
    public ConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates an exception for a single problem.
     *
     * @param problem what is wrong, naming the variable concerned
     */
    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /**
     * Creates an exception for a single problem with its cause.
     *
     * @param problem what is wrong, naming the variable concerned
     * @param cause the underlying failure
     */
    public ConfigException(String problem, Throwable cause) {
        super(format(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /**
     * Returns every problem found, one line each.
     *
     * @return the problems, never empty
     */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid RabaisLocal SDK configuration: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("Invalid RabaisLocal SDK configuration (")
                .append(problems.size()).append(" problems):");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
