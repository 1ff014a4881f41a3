package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's request: which agent, the user's input, and who asks (for the audit event).
 * {@link #toString()} never shows the input.
 *
 * @param agent the agent's name
 * @param input the user's message
 * @param actorId who asks (a user id), for the audit event; or null
 * @param actorRole the actor's role, or null
 * @param requestId the platform's request id, for the audit event; or null (OpenAI's last request id is used)
 * @param safetyIdentifier a stable hashed user id sent to OpenAI as {@code safety_identifier}; or null
 */
public record AgentRunParams(String agent, String input, String actorId, String actorRole, String requestId,
                             String safetyIdentifier) {

    /**
     * Checks the values.
     *
     * @param agent the agent's name
     * @param input the user's message
     * @param actorId who asks (a user id), for the audit event; or null
     * @param actorRole the actor's role, or null
     * @param requestId the platform's request id, for the audit event; or null (OpenAI's last request id is used)
     * @param safetyIdentifier a stable hashed user id sent to OpenAI as {@code safety_identifier}; or null
     * @throws ValidationException listing every failing field
     */
    public AgentRunParams {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (agent == null || agent.isBlank()) {
            errors.put("agent", List.of("is required (the agent's name in ai_agents)"));
        }
        if (input == null || input.isBlank()) {
            errors.put("input", List.of("is required (the user's message)"));
        }
        if (actorId != null && actorId.isBlank()) {
            errors.put("actorId", List.of("must not be blank; leave it null when unknown"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("agent run params", errors);
        }
    }

    /**
     * Params with only an agent, an input and an actor.
     *
     * @param agent the agent's name
     * @param input the user's message
     * @param actorId who asks, or null
     * @return the params
     */
    public static AgentRunParams of(String agent, String input, String actorId) {
        return new AgentRunParams(agent, input, actorId, null, null, null);
    }

    @Override
    public String toString() {
        return "AgentRunParams{agent=" + agent + ", input=" + input.length() + " chars, actorId=" + actorId + '}';
    }
}
