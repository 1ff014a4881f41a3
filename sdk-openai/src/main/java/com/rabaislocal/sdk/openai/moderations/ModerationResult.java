package com.rabaislocal.sdk.openai.moderations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

/**
 * The verdict on one input. The category maps are open: OpenAI adds categories without notice
 * ({@code harassment}, {@code self-harm/intent}, {@code illicit/violent}...).
 *
 * @param flagged whether any category was flagged
 * @param categories category to flagged
 * @param categoryScores category to score, 0 to 1
 * @param categoryAppliedInputTypes category to the input types it applied to ({@code text}, {@code image})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModerationResult(@JsonProperty("flagged") boolean flagged,
                               @JsonProperty("categories") Map<String, Boolean> categories,
                               @JsonProperty("category_scores") Map<String, Double> categoryScores,
                               @JsonProperty("category_applied_input_types")
                               Map<String, List<String>> categoryAppliedInputTypes) {

    /** Null maps become empty.
     * @param flagged whether any category was flagged
     * @param categories category to flagged
     * @param categoryScores category to score, 0 to 1
     * @param categoryAppliedInputTypes category to the input types it applied to ({@code text}, {@code image}) */
    public ModerationResult {
        categories = categories == null ? Map.of() : categories;
        categoryScores = categoryScores == null ? Map.of() : categoryScores;
        categoryAppliedInputTypes = categoryAppliedInputTypes == null ? Map.of() : categoryAppliedInputTypes;
    }

    /** @return the flagged categories, sorted */
    public Set<String> flaggedCategories() {
        Set<String> out = new TreeSet<>();
        categories.forEach((k, v) -> {
            if (Boolean.TRUE.equals(v)) {
                out.add(k);
            }
        });
        return out;
    }
}
