package com.rabaislocal.sdk.core.config;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A credential re-resolved from its source on every call and validated once per distinct value: the build-time
 * checks (slot, project, environment) run again only when the value changes, or when time alone changes the
 * verdict (a JWT reaching its rotation age or its expiry). The steady state costs one lookup, one string comparison
 * and one clock read.
 */
final class CheckedCredential implements CredentialProvider {

    /**
     * The verdict on one value.
     *
     * @param problems why the value cannot be used; empty if it can
     * @param recheckAt when the verdict may change with time alone; {@link Instant#MAX} if never
     */
    record Verdict(List<String> problems, Instant recheckAt) {
    }

    /** The last value seen and its verdict. */
    private record State(String value, Secret secret, Verdict verdict) {
        @Override
        public String toString() {
            return "State[redacted]";
        }
    }

    private final ConfigKey key;
    private final Supplier<Resolved> source;
    private final Function<Resolved, Verdict> checks;
    private final Clock clock;
    private volatile State state;

    /**
     * @param source the key's current value, or null when no source sets it any more
     * @param checks the verdict on a value (logging any rotation warning it deserves, once per value)
     * @param initial the value found at build time
     */
    CheckedCredential(ConfigKey key, Supplier<Resolved> source, Function<Resolved, Verdict> checks, Clock clock,
                      Resolved initial) {
        this.key = key;
        this.source = source;
        this.checks = checks;
        this.clock = clock;
        this.state = new State(initial.value(), Secret.of(initial.value()), checks.apply(initial));
    }

    @Override
    public Secret current() {
        Resolved r = source.get();
        if (r == null) {
            throw new ConfigException(key.name() + ": no configuration source sets it any more");
        }
        State s = state;
        if (!s.value().equals(r.value()) || !clock.instant().isBefore(s.verdict().recheckAt())) {
            s = update(r);
        }
        if (!s.verdict().problems().isEmpty()) {
            throw new ConfigException(s.verdict().problems());
        }
        return s.secret();
    }

    private synchronized State update(Resolved r) {
        State s = state;
        boolean changed = !s.value().equals(r.value());
        if (!changed && clock.instant().isBefore(s.verdict().recheckAt())) {
            return s;
        }
        State next = new State(r.value(), changed ? Secret.of(r.value()) : s.secret(), checks.apply(r));
        if (!next.verdict().problems().isEmpty()) {
            KeyAgeMonitor.LOG.warn("{} can no longer be used, requests needing it will fail: {}", key,
                    String.join("; ", next.verdict().problems()));
        } else if (changed) {
            KeyAgeMonitor.LOG.info("Picked up a rotated {} from {} (fingerprint {})", key, r.origin(),
                    next.secret().fingerprint());
        }
        state = next;
        return next;
    }

    @Override
    public String toString() {
        return "CredentialProvider[" + key + ", re-resolved from the configuration sources]";
    }
}
