package com.rabaislocal.sdk.openai.chat;

import com.rabaislocal.sdk.openai.ResponseMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds a whole {@link ChatCompletion} from streamed chunks: text and refusal pieces concatenated per choice,
 * tool calls gathered <em>by their index</em> (parallel calls interleave) with their argument pieces concatenated
 * in arrival order and left unparsed until the end, finish reasons and the usage chunk kept. Not thread-safe: feed
 * it from the thread reading the stream.
 */
public final class ChatCompletionAccumulator {

    private String id;
    private long created;
    private String model;
    private String systemFingerprint;
    private String serviceTier;
    private Usage usage;
    private final Map<Integer, ChoiceState> choices = new TreeMap<>();
    private long chunks;

    /**
     * Adds a chunk.
     *
     * @param chunk the chunk, in stream order
     * @return this accumulator
     */
    public ChatCompletionAccumulator add(ChatCompletionChunk chunk) {
        chunks++;
        if (id == null) {
            id = chunk.id();
            created = chunk.created();
        }
        if (chunk.model() != null) {
            model = chunk.model();
        }
        if (chunk.systemFingerprint() != null) {
            systemFingerprint = chunk.systemFingerprint();
        }
        if (chunk.serviceTier() != null) {
            serviceTier = chunk.serviceTier();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        List<ChatCompletionChunk.ChunkChoice> list = chunk.choices();
        for (int i = 0; i < list.size(); i++) {
            ChatCompletionChunk.ChunkChoice c = list.get(i);
            ChoiceState s = choices.computeIfAbsent(c.index(), k -> new ChoiceState());
            ChatCompletionChunk.Delta d = c.delta();
            if (d != null) {
                if (d.role() != null) {
                    s.role = d.role();
                }
                if (d.content() != null) {
                    s.content.append(d.content());
                    s.hasContent = true;
                }
                if (d.refusal() != null) {
                    s.refusal.append(d.refusal());
                    s.hasRefusal = true;
                }
                for (ChatCompletionChunk.ToolCallDelta t : d.toolCalls()) {
                    CallState cs = s.calls.computeIfAbsent(t.index(), k -> new CallState());
                    if (t.id() != null) {
                        cs.id = t.id();
                    }
                    if (t.type() != null) {
                        cs.type = t.type();
                    }
                    if (t.function() != null) {
                        if (t.function().name() != null) {
                            // The name comes whole on the first piece; a provider that splits it still works.
                            cs.name = cs.name == null ? t.function().name() : cs.name + t.function().name();
                        }
                        if (t.function().arguments() != null) {
                            cs.arguments.append(t.function().arguments());
                        }
                    }
                }
            }
            if (c.finishReason() != null) {
                s.finishReason = c.finishReason();
            }
        }
        return this;
    }

    /** @return how many chunks were added */
    public long chunkCount() {
        return chunks;
    }

    /** @return the text gathered so far for the first choice */
    public String contentSoFar() {
        ChoiceState s = choices.get(0);
        return s == null ? "" : s.content.toString();
    }

    /**
     * Builds the completion from what was added.
     *
     * @param meta the stream's request id and rate limits
     * @return the completion, {@code object} {@code chat.completion}
     */
    public ChatCompletion completion(ResponseMeta meta) {
        List<Choice> out = new ArrayList<>(choices.size());
        for (Map.Entry<Integer, ChoiceState> e : choices.entrySet()) {
            ChoiceState s = e.getValue();
            List<ToolCall> calls = new ArrayList<>(s.calls.size());
            for (CallState c : s.calls.values()) {
                calls.add(new ToolCall(c.id, c.type == null ? "function" : c.type,
                        new ToolCall.Function(c.name, c.arguments.toString())));
            }
            out.add(new Choice(e.getKey(), new AssistantMessage(s.role == null ? "assistant" : s.role,
                    s.hasContent ? s.content.toString() : null, s.hasRefusal ? s.refusal.toString() : null, calls,
                    null), s.finishReason, null));
        }
        return new ChatCompletion(id, "chat.completion", created, model, systemFingerprint, serviceTier, out, usage,
                meta);
    }

    /** @return the completion without meta */
    public ChatCompletion completion() {
        return completion(ResponseMeta.NONE);
    }

    private static final class ChoiceState {
        String role;
        final StringBuilder content = new StringBuilder();
        boolean hasContent;
        final StringBuilder refusal = new StringBuilder();
        boolean hasRefusal;
        String finishReason;
        final Map<Integer, CallState> calls = new TreeMap<>();
    }

    private static final class CallState {
        String id;
        String type;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }
}
