package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.openai.chat.Usage;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of an agent run: the answer, every step, the tokens summed over the steps and their cost.
 * {@link #toString()} never shows the answer.
 *
 * @param agent the agent's name
 * @param model the model that answered (as OpenAI named it)
 * @param outcome how the run ended
 * @param answer the final answer ({@link Outcome#COMPLETED}), the refusal ({@link Outcome#REFUSED}), or null
 * @param steps the model calls, in order
 * @param usage the tokens of every step, summed
 * @param cost the cost in US dollars from the price table, or null when the model has no price
 */
public record AgentRun(String agent, String model, Outcome outcome, String answer, List<AgentStep> steps,
                       Usage usage, BigDecimal cost) {

    /** How a run ended. */
    public enum Outcome {
        /** The model gave a final answer. */
        COMPLETED,
        /** The step limit was reached before a final answer. */
        STEP_LIMIT,
        /** The model refused; {@link #answer()} holds the refusal. */
        REFUSED
    }

    /** Copies the list.
     * @param agent the agent's name
     * @param model the model that answered (as OpenAI named it)
     * @param outcome how the run ended
     * @param answer the final answer ({@link Outcome#COMPLETED}), the refusal ({@link Outcome#REFUSED}), or null
     * @param steps the model calls, in order
     * @param usage the tokens of every step, summed
     * @param cost the cost in US dollars from the price table, or null when the model has no price */
    public AgentRun {
        steps = List.copyOf(steps);
    }

    /** @return the answer, when the run completed */
    public Optional<String> answerText() {
        return outcome == Outcome.COMPLETED ? Optional.ofNullable(answer) : Optional.empty();
    }

    /** @return the cost, when the model has a price */
    public Optional<BigDecimal> costValue() {
        return Optional.ofNullable(cost);
    }

    /** @return the names of the tools called, in first-call order */
    public Set<String> toolNames() {
        Set<String> out = new LinkedHashSet<>();
        for (AgentStep s : steps) {
            for (ToolInvocation t : s.toolCalls()) {
                out.add(t.tool());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AgentRun{agent=" + agent + ", model=" + model + ", outcome=" + outcome + ", steps=" + steps.size()
                + ", tokens=" + usage.totalTokens() + ", cost=" + cost + ", tools=" + toolNames() + '}';
    }
}
