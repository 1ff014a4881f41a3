package com.rabaislocal.sdk.openai.agents;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.openai.chat.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What tokens cost per model, in US dollars per million tokens (input, cached input, output), to put a price on
 * each agent run. The SDK ships no prices (they change): RabaisLocal configures its own. A model name matches its
 * own entry, or else the longest entry it starts with followed by {@code -} (so {@code gpt-4o-mini} prices the
 * snapshot {@code gpt-4o-mini-2024-07-18}). Immutable.
 */
public final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** No prices: every cost is unknown. */
    public static final PriceTable NONE = builder().build();

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the price of a model.
     *
     * @param model the model as OpenAI answered it (a snapshot name is fine)
     * @return the price, or empty when the table has none for it
     */
    public Optional<Price> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String k : prices.keySet()) {
            if (model.startsWith(k + "-") && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return Optional.ofNullable(best == null ? null : prices.get(best));
    }

    /**
     * Prices a usage: uncached input, cached input and output tokens at their rates.
     *
     * @param model the model
     * @param usage the tokens
     * @return the cost in US dollars (6 decimals), or empty when the model has no price
     */
    public Optional<BigDecimal> cost(String model, Usage usage) {
        return priceOf(model).map(p -> {
            long cached = Math.min(usage.cachedTokens(), usage.promptTokens());
            BigDecimal c = p.inputPerMillion().multiply(BigDecimal.valueOf(usage.promptTokens() - cached))
                    .add(p.cachedInputPerMillion().multiply(BigDecimal.valueOf(cached)))
                    .add(p.outputPerMillion().multiply(BigDecimal.valueOf(usage.completionTokens())));
            return c.divide(MILLION, 6, RoundingMode.HALF_UP);
        });
    }

    @Override
    public String toString() {
        return "PriceTable" + prices;
    }

    /**
     * A model's price, in US dollars per million tokens.
     *
     * @param inputPerMillion uncached input tokens
     * @param cachedInputPerMillion cached input tokens
     * @param outputPerMillion output tokens (reasoning included)
     */
    public record Price(BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion) {
    }

    /** Builds a {@link PriceTable}. */
    public static final class Builder {
        private final Map<String, Price> prices = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a model's price.
         *
         * @param model the model, e.g. {@code gpt-4o-mini}
         * @param inputPerMillion dollars per million uncached input tokens, not negative
         * @param cachedInputPerMillion dollars per million cached input tokens, not negative
         * @param outputPerMillion dollars per million output tokens, not negative
         * @return this builder
         * @throws ValidationException when a value is missing or negative
         */
        public Builder price(String model, String inputPerMillion, String cachedInputPerMillion,
                             String outputPerMillion) {
            try {
                BigDecimal in = new BigDecimal(inputPerMillion);
                BigDecimal cached = new BigDecimal(cachedInputPerMillion);
                BigDecimal out = new BigDecimal(outputPerMillion);
                if (model == null || model.isBlank() || in.signum() < 0 || cached.signum() < 0 || out.signum() < 0) {
                    throw new ValidationException("price of " + model, "needs a model and prices >= 0");
                }
                prices.put(model, new Price(in, cached, out));
            } catch (NumberFormatException | NullPointerException e) {
                throw new ValidationException("price of " + model, "prices must be decimal numbers such as 0.15");
            }
            return this;
        }

        /** @return the table */
        public PriceTable build() {
            return new PriceTable(prices);
        }
    }
}
