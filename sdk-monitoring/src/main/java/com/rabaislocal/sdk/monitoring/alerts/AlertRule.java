package com.rabaislocal.sdk.monitoring.alerts;

import java.time.Instant;

/**
 * A condition the {@link Alerts} engine evaluates on its schedule. A rule only measures; the engine decides when to
 * notify (once when it starts, reminders while it lasts, a resolution when it ends).
 */
public interface AlertRule {

    /** @return a stable name, e.g. {@code error-rate} */
    String name();

    /** @return how urgent the alert is */
    Severity severity();

    /**
     * Measures the condition now. Called from one thread at a time.
     *
     * @param now the engine's clock
     * @return whether it fires, with what was measured
     * @throws RuntimeException when it cannot measure: the engine logs it and keeps the rule's previous state
     */
    Evaluation evaluate(Instant now);

    /**
     * What a rule measured.
     *
     * @param firing true when the condition holds
     * @param message what was measured, in words, without secrets
     */
    record Evaluation(boolean firing, String message) {
        /**
         * The condition holds.
         *
         * @param message what was measured
         * @return the evaluation
         */
        public static Evaluation firing(String message) {
            return new Evaluation(true, message);
        }

        /**
         * The condition does not hold.
         *
         * @param message what was measured
         * @return the evaluation
         */
        public static Evaluation ok(String message) {
            return new Evaluation(false, message);
        }
    }
}
