package com.rabaislocal.sdk.examples;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.agents.AgentDefinition;
import com.rabaislocal.sdk.openai.agents.AgentRun;
import com.rabaislocal.sdk.openai.agents.AgentRunParams;
import com.rabaislocal.sdk.openai.agents.AgentRunner;
import com.rabaislocal.sdk.openai.agents.AgentStep;
import com.rabaislocal.sdk.openai.agents.InMemoryAgentStore;
import com.rabaislocal.sdk.openai.agents.PriceTable;
import com.rabaislocal.sdk.openai.agents.ToolInvocation;
import com.rabaislocal.sdk.testing.openai.OpenAiReply;
import com.rabaislocal.sdk.testing.openai.OpenAiStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The AI agent step of the examples (module F): the "find deals" agent, as its {@code ai_agents} row defines it
 * (model, French system prompt, temperature, the {@code list_live_offers} tool), answers a customer in French
 * after calling the tool that lists the live offers. Runs against sdk-testing's OpenAI stand-in unless
 * OPENAI_API_KEY is set, in which case it runs against OpenAI (and spends a few hundred tokens).
 */
public final class AgentExample {

    /** The agent's name in {@code ai_agents}. */
    public static final String AGENT = "find deals";

    private static final String INDENT = "    ";
    private static final String KEY = "sk-example-standin-key";

    /** The offers of the examples' data: title, city, discount and last day. */
    record Offer(String title, String city, int discountPercent, LocalDate endsOn) { }

    /** The tool's arguments. */
    record ListOffersArgs(@JsonPropertyDescription("the city, e.g. Québec") String city,
                          @JsonPropertyDescription("how many offers at most, 1 to 10") int limit) { }

    private static final List<Offer> OFFERS = List.of(
            new Offer("Croissants au beurre : 30 % de rabais", "Québec", 30, LocalDate.now().plusDays(5)),
            new Offer("Café filtre : le deuxième à moitié prix", "Québec", 50, LocalDate.now().plusDays(2)),
            new Offer("Bagels au sésame : 6 pour le prix de 5", "Montréal", 17, LocalDate.now().plusDays(9)),
            new Offer("Tarte au sucre : 2 $ de rabais", "Québec", 15, LocalDate.now().minusDays(1)));

    private AgentExample() {
    }

    /** The agent as its {@code ai_agents} row defines it. */
    static AgentDefinition definition() {
        return new AgentDefinition(AGENT, "gpt-4o-mini", "Tu es l'assistant de RabaisLocal. Trouve les rabais en "
                + "cours avec l'outil list_live_offers et réponds toujours en français, en deux phrases au plus.",
                0.3, List.of("list_live_offers"), true);
    }

    /**
     * Lists the live offers of a city (those whose last day is not past).
     *
     * @param args the city and the limit
     * @return the offers, at most {@code limit}
     */
    static List<Offer> liveOffers(ListOffersArgs args) {
        LocalDate today = LocalDate.now();
        return OFFERS.stream().filter(o -> o.city().equalsIgnoreCase(args.city()) && !o.endsOn().isBefore(today))
                .limit(Math.max(1, Math.min(10, args.limit()))).toList();
    }

    /**
     * Runs against OpenAI when OPENAI_API_KEY is set, else against a stand-in started here.
     *
     * @param out where to print
     * @return the run
     */
    public static AgentRun runFromProcess(PrintStream out) {
        out.println();
        out.println("== 7. AI agent \"" + AGENT + "\" (module F) ==");
        String key = System.getProperty("OPENAI_API_KEY", System.getenv("OPENAI_API_KEY"));
        if (key != null && !key.isBlank()) {
            out.println("Target: the OpenAI API (OPENAI_API_KEY is set)");
            try (OpenAiClient client = OpenAiClient.fromSettings(SdkConfig.fromEnvironment())) {
                return run(client, out);
            }
        }
        try (OpenAiStandIn standIn = OpenAiStandIn.start(KEY);
             OpenAiClient client = OpenAiClient.builder().baseUrl(standIn.baseUrl())
                     .credential(CredentialProvider.of(KEY)).build()) {
            out.println("Target: local OpenAI stand-in at " + standIn.baseUrl());
            standIn.respondWith(AgentExample::scriptedModel);
            return run(client, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAI stand-in could not start", e);
        }
    }

    /**
     * What the stand-in answers in place of the model: first a call of the tool, then, once the tool's result is
     * in the conversation, an answer in French built from it.
     */
    static OpenAiReply scriptedModel(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        if (!"tool".equals(last.path("role").asText())) {
            return OpenAiReply.toolCalls(OpenAiReply.call("call_offers_1", "list_live_offers",
                    "{\"city\":\"Québec\",\"limit\":3}"));
        }
        try {
            JsonNode offers = SdkJson.mapper().readTree(last.path("content").asText());
            StringBuilder sb = new StringBuilder("Voici les rabais en cours à Québec : ");
            for (int i = 0; i < offers.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(offers.get(i).path("title").asText().toLowerCase(Locale.ROOT))
                        .append(" (jusqu'au ").append(offers.get(i).path("endsOn").asText()).append(')');
            }
            return OpenAiReply.text(sb.append(". Bonne visite !").toString());
        } catch (IOException e) {
            return OpenAiReply.text("Désolé, je n'ai pas pu lire les offres.");
        }
    }

    /**
     * Runs the agent with a client.
     *
     * @param client the OpenAI client; not closed here
     * @param out where to print
     * @return the run
     */
    public static AgentRun run(OpenAiClient client, PrintStream out) {
        PrintingAuditSink audit = new PrintingAuditSink(out, INDENT, null);
        AgentRunner runner = AgentRunner.builder().client(client).store(new InMemoryAgentStore().put(definition()))
                .audit(audit).prices(PriceTable.builder().price("gpt-4o-mini", "0.15", "0.075", "0.60").build())
                .tool("list_live_offers", "Lists the live offers of a city on RabaisLocal", ListOffersArgs.class,
                        AgentExample::liveOffers)
                .build();
        out.println("[1/2] Ask the agent: \"Quels rabais à Québec cette semaine ?\"");
        AgentRun run = runner.run(new AgentRunParams(AGENT, "Quels rabais à Québec cette semaine ?",
                "example-customer", "customer", null, null));
        for (AgentStep step : run.steps()) {
            out.println(INDENT + "model call " + step.number() + ": " + step.finishReason() + ", "
                    + step.usage().totalTokens() + " tokens");
            for (ToolInvocation t : step.toolCalls()) {
                out.println(INDENT + INDENT + "tool " + t.tool() + " " + t.arguments() + (t.failed() ? " FAILED" : "")
                        + " -> " + t.result().length() + " chars of offers");
            }
        }
        out.println("[2/2] Answer (" + run.outcome() + "): " + run.answer());
        out.println(INDENT + "tokens: " + run.usage().totalTokens() + ", cost: "
                + run.costValue().map(c -> c.toPlainString() + " USD").orElse("unknown") + ", tools: "
                + run.toolNames());
        return run;
    }
}
