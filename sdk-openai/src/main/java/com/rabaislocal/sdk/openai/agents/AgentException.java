package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.core.error.RabaisSdkException;

/**
 * An agent cannot run: unknown, inactive, naming a tool that is not registered, or its input was flagged by the
 * moderation pre-check ({@link #reason()} tells which). The message names the agent, never the input.
 */
public class AgentException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** Why the run was refused. */
    public enum Reason {
        /** No agent of that name (or it is soft-deleted, or hidden by row-level security). */
        NOT_FOUND,
        /** The agent exists but {@code active} is false. */
        INACTIVE,
        /** The agent's {@code tools} names a tool the runner has no function for. */
        TOOL_NOT_REGISTERED,
        /** The moderation pre-check flagged the input. */
        INPUT_FLAGGED
    }

    /** The agent's name. */
    private final String agent;
    /** Why the run was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param agent the agent's name
     * @param reason why
     * @param message what to tell
     */
    public AgentException(String agent, Reason reason, String message) {
        super(message);
        this.agent = agent;
        this.reason = reason;
    }

    /** @return the agent's name */
    public String agent() {
        return agent;
    }

    /** @return why the run was refused */
    public Reason reason() {
        return reason;
    }
}
