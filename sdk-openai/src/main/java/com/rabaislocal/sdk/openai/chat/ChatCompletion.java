package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rabaislocal.sdk.openai.ResponseMeta;
import java.util.List;
import java.util.Optional;

/**
 * A chat completion ({@code object: chat.completion}), bound leniently: unknown fields are ignored, open values
 * (finish reasons, service tiers) are kept as text. The call guarantees an id and at least one choice.
 *
 * @param id e.g. {@code chatcmpl-...}
 * @param object {@code chat.completion}
 * @param created creation time, Unix seconds
 * @param model the model that answered, e.g. {@code gpt-4o-mini-2024-07-18}
 * @param systemFingerprint {@code system_fingerprint}, or null
 * @param serviceTier {@code service_tier}, or null
 * @param choices the choices, at least one
 * @param usage the tokens used, or null when not reported
 * @param meta the answer's request id and rate limits ({@link ResponseMeta#NONE} for a built one)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletion(@JsonProperty("id") String id, @JsonProperty("object") String object,
                             @JsonProperty("created") long created, @JsonProperty("model") String model,
                             @JsonProperty("system_fingerprint") String systemFingerprint,
                             @JsonProperty("service_tier") String serviceTier,
                             @JsonProperty("choices") List<Choice> choices, @JsonProperty("usage") Usage usage,
                             @JsonIgnore ResponseMeta meta) {

    /** Null lists become empty and a null meta {@link ResponseMeta#NONE}.
     * @param id e.g. {@code chatcmpl-...}
     * @param object {@code chat.completion}
     * @param created creation time, Unix seconds
     * @param model the model that answered, e.g. {@code gpt-4o-mini-2024-07-18}
     * @param systemFingerprint {@code system_fingerprint}, or null
     * @param serviceTier {@code service_tier}, or null
     * @param choices the choices, at least one
     * @param usage the tokens used, or null when not reported
     * @param meta the answer's request id and rate limits ({@link ResponseMeta#NONE} for a built one) */
    public ChatCompletion {
        choices = choices == null ? List.of() : choices;
        meta = meta == null ? ResponseMeta.NONE : meta;
    }

    /**
     * Returns a copy with the answer's meta.
     *
     * @param meta the meta
     * @return the copy
     */
    public ChatCompletion withMeta(ResponseMeta meta) {
        return new ChatCompletion(id, object, created, model, systemFingerprint, serviceTier, choices, usage, meta);
    }

    /** @return the first choice's message */
    public AssistantMessage message() {
        return choices.get(0).message();
    }

    /** @return the first choice's text, when it has one */
    public Optional<String> content() {
        return message().text();
    }

    /** @return the first choice's refusal, when the model refused */
    public Optional<String> refusal() {
        return message().refusalText();
    }

    /** @return the first choice's tool calls, empty when none */
    public List<ToolCall> toolCalls() {
        return message().toolCalls();
    }

    /** @return the first choice's finish reason */
    public String finishReason() {
        return choices.get(0).finishReason();
    }

    /** @return the usage, {@link Usage#ZERO} when not reported */
    public Usage usageOrZero() {
        return usage == null ? Usage.ZERO : usage;
    }
}
