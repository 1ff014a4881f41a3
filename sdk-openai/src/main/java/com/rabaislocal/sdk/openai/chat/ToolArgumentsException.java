package com.rabaislocal.sdk.openai.chat;

import com.rabaislocal.sdk.core.error.RabaisSdkException;

/**
 * A tool call's arguments do not parse as the expected type (the model may write invalid JSON). The message names
 * the tool and the parse problem; it never repeats the arguments, which may carry personal data.
 */
public class ToolArgumentsException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    /** The tool's name. */
    private final String tool;

    /**
     * Creates the exception.
     *
     * @param tool the tool name
     * @param problem what did not parse
     * @param cause the parse failure, or null
     */
    public ToolArgumentsException(String tool, String problem, Throwable cause) {
        super("arguments of tool '" + tool + "' do not parse: " + problem, cause);
        this.tool = tool;
    }

    /** @return the tool name */
    public String tool() {
        return tool;
    }
}
