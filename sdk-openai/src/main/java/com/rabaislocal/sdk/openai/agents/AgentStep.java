package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.openai.chat.Usage;
import java.util.List;

/**
 * One model call of a run and the tool calls it led to.
 *
 * @param number 1 for the first call
 * @param finishReason the call's finish reason ({@code tool_calls}, {@code stop}...)
 * @param usage the call's tokens
 * @param requestId OpenAI's request id of the call, or null
 * @param toolCalls the tool calls made after it, in the model's order; empty for the final answer
 */
public record AgentStep(int number, String finishReason, Usage usage, String requestId,
                        List<ToolInvocation> toolCalls) {

    /** Copies the list.
     * @param number 1 for the first call
     * @param finishReason the call's finish reason ({@code tool_calls}, {@code stop}...)
     * @param usage the call's tokens
     * @param requestId OpenAI's request id of the call, or null
     * @param toolCalls the tool calls made after it, in the model's order; empty for the final answer */
    public AgentStep {
        toolCalls = List.copyOf(toolCalls);
    }
}
