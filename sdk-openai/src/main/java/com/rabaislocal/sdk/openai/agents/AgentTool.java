package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.chat.Tool;

/**
 * A Java function an agent may call: a name, a description for the model, the record its arguments bind to (whose
 * strict JSON schema is sent as the tool's parameters) and the function. Immutable.
 *
 * @param name {@code [a-zA-Z0-9_-]}, at most 64 characters; matched to the names in the agent's {@code tools}
 * @param description what the tool does, for the model
 * @param argumentsType the record the arguments bind to
 * @param function the function
 * @param definition the tool as sent to OpenAI
 * @param <A> the arguments record
 */
public record AgentTool<A>(String name, String description, Class<A> argumentsType, ToolFunction<A> function,
                           Tool definition) {

    /**
     * Defines a tool.
     *
     * @param name the name
     * @param description what it does, for the model
     * @param argumentsType the arguments record
     * @param function the function
     * @param <A> the arguments record
     * @return the tool
     * @throws ValidationException when the name is invalid or the record has no strict schema
     */
    public static <A> AgentTool<A> of(String name, String description, Class<A> argumentsType,
                                      ToolFunction<A> function) {
        if (name == null || !name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new ValidationException("tool name", "must be 1 to 64 of [a-zA-Z0-9_-], was " + name);
        }
        if (argumentsType == null || function == null) {
            throw new ValidationException("tool " + name, "needs an arguments record and a function");
        }
        return new AgentTool<>(name, description, argumentsType, function,
                Tool.function(name, description, argumentsType));
    }

    Object call(Object arguments) throws Exception {
        return function.call(argumentsType.cast(arguments));
    }

    /**
     * The function behind a tool.
     *
     * @param <A> the arguments record
     */
    @FunctionalInterface
    public interface ToolFunction<A> {
        /**
         * Runs the tool.
         *
         * @param arguments the bound arguments
         * @return the result: a {@code String} is sent as is, anything else as its JSON
         * @throws Exception any failure; it goes back to the model as a tool error
         */
        Object call(A arguments) throws Exception;
    }
}
