package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The tokens a Chat Completions call used. Missing counts read as 0.
 *
 * @param promptTokens {@code prompt_tokens}: tokens read, cached ones included
 * @param completionTokens {@code completion_tokens}: tokens generated, reasoning ones included
 * @param totalTokens {@code total_tokens}
 * @param promptTokensDetails {@code prompt_tokens_details}, or null
 * @param completionTokensDetails {@code completion_tokens_details}, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("total_tokens") long totalTokens,
        @JsonProperty("prompt_tokens_details") PromptDetails promptTokensDetails,
        @JsonProperty("completion_tokens_details") CompletionDetails completionTokensDetails) {

    /** No tokens. */
    public static final Usage ZERO = new Usage(0, 0, 0, null, null);

    /** @return the prompt tokens served from OpenAI's cache (billed at the cached rate), 0 when not reported */
    public long cachedTokens() {
        return promptTokensDetails == null ? 0 : promptTokensDetails.cachedTokens();
    }

    /** @return the hidden reasoning tokens among the completion tokens, 0 when not reported */
    public long reasoningTokens() {
        return completionTokensDetails == null ? 0 : completionTokensDetails.reasoningTokens();
    }

    /**
     * Adds two usages, details included.
     *
     * @param other the other usage, or null
     * @return the sum
     */
    public Usage plus(Usage other) {
        if (other == null) {
            return this;
        }
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens,
                new PromptDetails(cachedTokens() + other.cachedTokens(), audio(promptTokensDetails)
                        + audio(other.promptTokensDetails)),
                new CompletionDetails(reasoningTokens() + other.reasoningTokens(),
                        audio(completionTokensDetails) + audio(other.completionTokensDetails),
                        accepted(completionTokensDetails) + accepted(other.completionTokensDetails),
                        rejected(completionTokensDetails) + rejected(other.completionTokensDetails)));
    }

    private static long audio(PromptDetails d) {
        return d == null ? 0 : d.audioTokens();
    }

    private static long audio(CompletionDetails d) {
        return d == null ? 0 : d.audioTokens();
    }

    private static long accepted(CompletionDetails d) {
        return d == null ? 0 : d.acceptedPredictionTokens();
    }

    private static long rejected(CompletionDetails d) {
        return d == null ? 0 : d.rejectedPredictionTokens();
    }

    /**
     * {@code prompt_tokens_details}.
     *
     * @param cachedTokens {@code cached_tokens}
     * @param audioTokens {@code audio_tokens}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PromptDetails(@JsonProperty("cached_tokens") long cachedTokens,
                                @JsonProperty("audio_tokens") long audioTokens) {
    }

    /**
     * {@code completion_tokens_details}.
     *
     * @param reasoningTokens {@code reasoning_tokens}
     * @param audioTokens {@code audio_tokens}
     * @param acceptedPredictionTokens {@code accepted_prediction_tokens}
     * @param rejectedPredictionTokens {@code rejected_prediction_tokens}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionDetails(@JsonProperty("reasoning_tokens") long reasoningTokens,
                                    @JsonProperty("audio_tokens") long audioTokens,
                                    @JsonProperty("accepted_prediction_tokens") long acceptedPredictionTokens,
                                    @JsonProperty("rejected_prediction_tokens") long rejectedPredictionTokens) {
    }
}
