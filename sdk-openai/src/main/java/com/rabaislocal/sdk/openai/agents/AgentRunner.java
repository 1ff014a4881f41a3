package com.rabaislocal.sdk.openai.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.audit.AuditChanges;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.chat.AssistantMessage;
import com.rabaislocal.sdk.openai.chat.ChatCompletion;
import com.rabaislocal.sdk.openai.chat.ChatCompletionCreateParams;
import com.rabaislocal.sdk.openai.chat.ChatMessage;
import com.rabaislocal.sdk.openai.chat.ToolArgumentsException;
import com.rabaislocal.sdk.openai.chat.ToolCall;
import com.rabaislocal.sdk.openai.chat.Usage;
import com.rabaislocal.sdk.openai.moderations.Moderation;
import com.rabaislocal.sdk.openai.moderations.ModerationCreateParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs RabaisLocal's AI agents (module F): loads the agent by name from its {@link AgentStore} (refusing an unknown or
 * inactive one), optionally checks the input with OpenAI's moderation, then loops on Chat Completions: each tool
 * call the model asks for runs the registered Java function and its result goes back to the model, until a final
 * answer or the step limit. Every run returns an {@link AgentRun} (answer, steps, tokens summed, cost) and emits one
 * {@link AuditEvent}.
 *
 * <p>Tool failures never crash a run: an unknown tool, arguments that do not parse and a tool that throws each go
 * back to the model as a JSON error ({@code {"error": "..."}}), so it can correct itself.
 *
 * <p>The audit event (action {@value #AUDIT_ACTION}, entity {@code ai_agents}/the agent's name) carries the actor,
 * the model, the tokens, the cost, the outcome, the step count and the tools called; never the input, the prompt,
 * the arguments, the results or the answer. Immutable and thread-safe.
 */
public final class AgentRunner {

    /** The audit action of a run. */
    public static final String AUDIT_ACTION = "agent_run";
    /** The audit entity type of a run. */
    public static final String AUDIT_ENTITY = "ai_agents";
    /** The default limit of model calls per run. */
    public static final int DEFAULT_MAX_STEPS = 8;

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.openai.agents");

    private final OpenAiClient client;
    private final AgentStore store;
    private final AuditSink audit;
    private final PriceTable prices;
    private final int maxSteps;
    private final boolean moderateInput;
    private final String moderationModel;
    private final Map<String, AgentTool<?>> tools;

    private AgentRunner(Builder b) {
        this.client = b.client;
        this.store = b.store;
        this.audit = b.audit;
        this.prices = b.prices;
        this.maxSteps = b.maxSteps;
        this.moderateInput = b.moderateInput;
        this.moderationModel = b.moderationModel;
        this.tools = Map.copyOf(b.tools);
    }

    /** @return a builder; the client and the store are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the registered tools' names */
    public Set<String> toolNames() {
        return new TreeSet<>(tools.keySet());
    }

    /**
     * Runs an agent.
     *
     * @param params the agent, the input and the actor
     * @return the run
     * @throws AgentException when the agent is unknown, inactive, names an unregistered tool, or the input was
     *     flagged
     * @throws com.rabaislocal.sdk.core.error.ApiException when OpenAI fails the call (after its retries)
     */
    public AgentRun run(AgentRunParams params) {
        AgentDefinition agent = store.find(params.agent()).orElseThrow(() -> new AgentException(params.agent(),
                AgentException.Reason.NOT_FOUND, "agent '" + params.agent() + "' not found in ai_agents (or "
                + "soft-deleted, or not visible to this client)"));
        if (!agent.active()) {
            throw new AgentException(agent.name(), AgentException.Reason.INACTIVE, "agent '" + agent.name()
                    + "' is inactive (ai_agents.active = false): activate it before running it");
        }
        List<AgentTool<?>> offered = new ArrayList<>();
        for (String name : agent.toolNames()) {
            AgentTool<?> t = tools.get(name);
            if (t == null) {
                throw new AgentException(agent.name(), AgentException.Reason.TOOL_NOT_REGISTERED, "agent '"
                        + agent.name() + "' names tool '" + name + "', which has no registered function (registered: "
                        + toolNames() + ")");
            }
            offered.add(t);
        }
        if (moderateInput) {
            Moderation m = client.moderations().create(new ModerationCreateParams(moderationModel,
                    List.of(params.input())));
            if (m.flagged()) {
                Set<String> categories = m.results().get(0).flaggedCategories();
                emit(params, agent, agent.model(), "input_flagged", 0, Usage.ZERO, null, Set.of(),
                        m.meta().requestId());
                throw new AgentException(agent.name(), AgentException.Reason.INPUT_FLAGGED, "agent '" + agent.name()
                        + "': the moderation check flagged the input (" + String.join(", ", categories) + ")");
            }
        }
        return loop(params, agent, offered);
    }

    private AgentRun loop(AgentRunParams params, AgentDefinition agent, List<AgentTool<?>> offered) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!agent.systemPrompt().isBlank()) {
            messages.add(ChatMessage.system(agent.systemPrompt()));
        }
        messages.add(ChatMessage.user(params.input()));
        List<AgentStep> steps = new ArrayList<>();
        Usage usage = Usage.ZERO;
        String model = agent.model();
        String lastRequestId = null;
        for (int step = 1; step <= maxSteps; step++) {
            ChatCompletionCreateParams.Builder req = ChatCompletionCreateParams.builder().model(agent.model())
                    .messages(messages).temperature(agent.temperature()).safetyIdentifier(params.safetyIdentifier());
            offered.forEach(t -> req.tool(t.definition()));
            ChatCompletion c = client.chat().create(req.build());
            Usage u = c.usageOrZero();
            usage = usage.plus(u);
            model = c.model() != null ? c.model() : model;
            lastRequestId = c.meta().requestId() != null ? c.meta().requestId() : lastRequestId;
            AssistantMessage msg = c.message();
            if (msg.refusal() != null) {
                steps.add(new AgentStep(step, c.finishReason(), u, c.meta().requestId(), List.of()));
                return finish(params, agent, model, AgentRun.Outcome.REFUSED, msg.refusal(), steps, usage,
                        lastRequestId);
            }
            if (!msg.hasToolCalls()) {
                steps.add(new AgentStep(step, c.finishReason(), u, c.meta().requestId(), List.of()));
                return finish(params, agent, model, AgentRun.Outcome.COMPLETED, msg.content() == null ? ""
                        : msg.content(), steps, usage, lastRequestId);
            }
            messages.add(ChatMessage.assistant(msg));
            List<ToolInvocation> calls = new ArrayList<>(msg.toolCalls().size());
            for (ToolCall call : msg.toolCalls()) {
                ToolInvocation done = invoke(agent, call);
                calls.add(done);
                messages.add(ChatMessage.tool(call.id(), done.result()));
            }
            steps.add(new AgentStep(step, c.finishReason(), u, c.meta().requestId(), calls));
        }
        LOG.warn("agent '{}' reached its step limit ({} model calls) without a final answer", agent.name(), maxSteps);
        return finish(params, agent, model, AgentRun.Outcome.STEP_LIMIT, null, steps, usage, lastRequestId);
    }

    private ToolInvocation invoke(AgentDefinition agent, ToolCall call) {
        String name = call.name();
        AgentTool<?> tool = name == null || !agent.toolNames().contains(name) ? null : tools.get(name);
        if (tool == null) {
            return failed(call, "unknown tool '" + name + "'; available: " + agent.toolNames());
        }
        Object args;
        try {
            args = call.parseArguments(tool.argumentsType());
        } catch (ToolArgumentsException e) {
            return failed(call, "invalid arguments for " + name + ": " + e.getMessage());
        }
        try {
            Object result = tool.call(args);
            return new ToolInvocation(call.id(), name, call.arguments(), render(result), false);
        } catch (Exception e) {
            // The model gets the failure and may try again; the log names the tool and the failure's class only.
            LOG.warn("agent '{}': tool '{}' failed: {}", agent.name(), name, e.getClass().getName());
            return failed(call, "tool " + name + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static ToolInvocation failed(ToolCall call, String message) {
        ObjectNode err = SdkJson.mapper().createObjectNode().put("error", message);
        return new ToolInvocation(call.id(), call.name() == null ? "" : call.name(), call.arguments(), err.toString(),
                true);
    }

    private static String render(Object result) throws JsonProcessingException {
        if (result instanceof String) {
            return (String) result;
        }
        return SdkJson.mapper().writeValueAsString(result);
    }

    private AgentRun finish(AgentRunParams params, AgentDefinition agent, String model, AgentRun.Outcome outcome,
                            String answer, List<AgentStep> steps, Usage usage, String requestId) {
        BigDecimal cost = prices.cost(model, usage).orElse(null);
        AgentRun run = new AgentRun(agent.name(), model, outcome, answer, steps, usage, cost);
        emit(params, agent, model, outcome.name().toLowerCase(java.util.Locale.ROOT), steps.size(), usage, cost,
                run.toolNames(), requestId);
        return run;
    }

    private void emit(AgentRunParams params, AgentDefinition agent, String model, String outcome, int steps,
                      Usage usage, BigDecimal cost, Set<String> toolNames, String openAiRequestId) {
        if (audit == null) {
            return;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("model", model);
        after.put("outcome", outcome);
        after.put("steps", steps);
        after.put("prompt_tokens", usage.promptTokens());
        after.put("completion_tokens", usage.completionTokens());
        after.put("total_tokens", usage.totalTokens());
        after.put("cached_tokens", usage.cachedTokens());
        after.put("cost_usd", cost == null ? null : cost.toPlainString());
        after.put("tools", List.copyOf(toolNames));
        String requestId = params.requestId() != null ? params.requestId() : openAiRequestId;
        try {
            audit.write(AuditEvent.builder().action(AUDIT_ACTION).entityType(AUDIT_ENTITY).entityId(agent.name())
                    .actorId(params.actorId()).actorRole(params.actorRole()).requestId(requestId)
                    .changes(AuditChanges.of(Map.of(), after)).build());
        } catch (RuntimeException e) {
            // The run is paid for and its answer is good: a failing sink is logged, not turned into a lost answer.
            LOG.error("agent '{}': the audit event could not be written: {}", agent.name(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "AgentRunner{store=" + store + ", tools=" + toolNames() + ", maxSteps=" + maxSteps + ", moderation="
                + moderateInput + '}';
    }

    /** Builds an {@link AgentRunner}. */
    public static final class Builder {
        private OpenAiClient client;
        private AgentStore store;
        private AuditSink audit;
        private PriceTable prices = PriceTable.NONE;
        private int maxSteps = DEFAULT_MAX_STEPS;
        private boolean moderateInput;
        private String moderationModel = ModerationCreateParams.DEFAULT_MODEL;
        private final Map<String, AgentTool<?>> tools = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the OpenAI client.
         *
         * @param client the client; required
         * @return this builder
         */
        public Builder client(OpenAiClient client) {
            this.client = client;
            return this;
        }

        /**
         * Sets where agents are found.
         *
         * @param store {@link SupabaseAgentStore} in production, {@link InMemoryAgentStore} in tests; required
         * @return this builder
         */
        public Builder store(AgentStore store) {
            this.store = store;
            return this;
        }

        /**
         * Sets the audit sink.
         *
         * @param audit receives one event per run; null (default) emits none
         * @return this builder
         */
        public Builder audit(AuditSink audit) {
            this.audit = audit;
            return this;
        }

        /**
         * Sets the price table.
         *
         * @param prices per-model prices; default {@link PriceTable#NONE} (costs unknown)
         * @return this builder
         */
        public Builder prices(PriceTable prices) {
            this.prices = prices;
            return this;
        }

        /**
         * Sets the limit of model calls per run.
         *
         * @param maxSteps 1 to 50; default 8
         * @return this builder
         */
        public Builder maxSteps(int maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /**
         * Turns the moderation pre-check on: a flagged input is refused before any generation.
         *
         * @param on default false
         * @return this builder
         */
        public Builder moderateInput(boolean on) {
            this.moderateInput = on;
            return this;
        }

        /**
         * Sets the moderation model.
         *
         * @param model default {@code omni-moderation-latest}
         * @return this builder
         */
        public Builder moderationModel(String model) {
            this.moderationModel = model;
            return this;
        }

        /**
         * Registers a tool.
         *
         * @param tool the tool; a later one of the same name replaces it
         * @return this builder
         */
        public Builder tool(AgentTool<?> tool) {
            tools.put(tool.name(), tool);
            return this;
        }

        /**
         * Registers a tool.
         *
         * @param name the name the agent's {@code tools} uses
         * @param description what it does, for the model
         * @param argumentsType the arguments record
         * @param function the function
         * @param <A> the arguments record
         * @return this builder
         */
        public <A> Builder tool(String name, String description, Class<A> argumentsType,
                                AgentTool.ToolFunction<A> function) {
            return tool(AgentTool.of(name, description, argumentsType, function));
        }

        /**
         * Validates and builds.
         *
         * @return the runner
         * @throws ValidationException listing every failing setting
         */
        public AgentRunner build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (client == null) {
                errors.put("client", List.of("is required"));
            }
            if (store == null) {
                errors.put("store", List.of("is required (SupabaseAgentStore or InMemoryAgentStore)"));
            }
            if (prices == null) {
                errors.put("prices", List.of("must not be null (PriceTable.NONE)"));
            }
            if (maxSteps < 1 || maxSteps > 50) {
                errors.put("maxSteps", List.of("must be 1 to 50, was " + maxSteps));
            }
            if (moderationModel == null || moderationModel.isBlank()) {
                errors.put("moderationModel", List.of("must not be blank"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("agent runner", errors);
            }
            return new AgentRunner(this);
        }
    }
}
