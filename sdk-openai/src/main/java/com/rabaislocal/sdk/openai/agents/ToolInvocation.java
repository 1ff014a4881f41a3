package com.rabaislocal.sdk.openai.agents;

/**
 * One tool call of a run: what the model asked and what went back to it.
 *
 * @param callId the model's call id
 * @param tool the tool's name as the model wrote it
 * @param arguments the raw arguments the model wrote
 * @param result what went back to the model (the tool's result, or a JSON error)
 * @param failed whether the call failed (unknown tool, arguments that do not parse, the tool threw)
 */
public record ToolInvocation(String callId, String tool, String arguments, String result, boolean failed) {

    @Override
    public String toString() {
        // Arguments and results may carry personal data: sizes only.
        return "ToolInvocation{tool=" + tool + ", callId=" + callId + ", arguments=" + arguments.length()
                + " chars, result=" + result.length() + " chars, failed=" + failed + '}';
    }
}
