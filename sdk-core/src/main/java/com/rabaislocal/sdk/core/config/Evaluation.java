package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot checked as a whole: the environment, every set value against its kind, Supabase keys against their
 * slot and SUPABASE_URL, and JWT ages. Both {@link SdkConfig.Builder#build()} and {@link ConfigDiagnosis} read it.
 */
final class Evaluation {

    private final Snapshot snapshot;
    private final Instant now;
    private final RabaisEnvironment environment;
    private final boolean environmentKnown;
    private final Optional<URI> supabaseUrl;
    private final Map<ConfigKey, List<String>> problems = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, List<String>> warnings = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, SupabaseKeys.Info> supabaseKeys = new EnumMap<>(ConfigKey.class);

    private Evaluation(Snapshot snapshot, Instant now, Duration maxKeyAge, KeyAgeMonitor monitor) {
        this.snapshot = snapshot;
        this.now = now;
        snapshot.keyProblems().forEach((k, v) -> problems.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));

        Resolved env = snapshot.values().get(ConfigKey.RABAISLOCAL_ENV);
        Optional<RabaisEnvironment> parsed = RabaisEnvironment.lookup(env == null ? null : env.value());
        // With an unknown name the other values are still checked, under the default's rules.
        this.environment = parsed.orElse(RabaisEnvironment.DEVELOPMENT);
        this.environmentKnown = parsed.isPresent();

        Resolved url = snapshot.values().get(ConfigKey.SUPABASE_URL);
        Optional<URI> supabase = Optional.empty();
        for (ConfigKey key : ConfigKey.values()) {
            Resolved r = snapshot.values().get(key);
            if (r == null) {
                continue;
            }
            ValueRules.Inspection in = ValueRules.inspect(key, r, environment, supabase, now);
            if (!in.problems().isEmpty()) {
                problems.computeIfAbsent(key, k -> new ArrayList<>()).addAll(in.problems());
            } else if (key == ConfigKey.SUPABASE_URL) {
                supabase = Optional.of(BaseUrls.normalize(url.value()));
            }
            in.supabaseKey().ifPresent(info -> {
                supabaseKeys.put(key, info);
                ValueRules.ageWarning(key, r, info, now, maxKeyAge).ifPresent(w -> {
                    warnings.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
                    monitor.warnOnce(key, Secret.of(r.value()), w);
                });
            });
        }
        this.supabaseUrl = supabase;
    }

    /** Checks {@code snapshot}, logging the rotation warning of any over-age key not warned about before. */
    static Evaluation of(Snapshot snapshot, Instant now, Duration maxKeyAge, KeyAgeMonitor monitor) {
        return new Evaluation(snapshot, now, maxKeyAge, monitor);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The instant the snapshot was checked at. */
    Instant now() {
        return now;
    }

    /** The environment, DEVELOPMENT when RABAISLOCAL_ENV is unset or unknown. */
    RabaisEnvironment environment() {
        return environment;
    }

    boolean environmentKnown() {
        return environmentKnown;
    }

    /** SUPABASE_URL normalised, when it is set and valid. */
    Optional<URI> supabaseUrl() {
        return supabaseUrl;
    }

    /** The value in effect: the winning source's, else the key's default. */
    Optional<Resolved> effective(ConfigKey key) {
        Resolved r = snapshot.values().get(key);
        if (r != null) {
            return Optional.of(r);
        }
        return key.defaultValue().map(d -> new Resolved(d, ConfigSource.DEFAULT, ConfigSource.DEFAULT.label()));
    }

    List<String> problemsOf(ConfigKey key) {
        return problems.getOrDefault(key, List.of());
    }

    List<String> warningsOf(ConfigKey key) {
        return warnings.getOrDefault(key, List.of());
    }

    Optional<SupabaseKeys.Info> supabaseKey(ConfigKey key) {
        return Optional.ofNullable(supabaseKeys.get(key));
    }

    /** Problems not tied to one key, such as malformed {@code .env} lines. */
    List<String> sourceProblems() {
        return snapshot.problems();
    }

    /** Every problem: source problems first, then each key's in declaration order. */
    List<String> allProblems() {
        List<String> all = new ArrayList<>(snapshot.problems());
        for (ConfigKey k : ConfigKey.values()) {
            all.addAll(problemsOf(k));
        }
        return all;
    }

    /** One "missing" problem per key of {@code keys} that has neither a value nor a default. */
    List<String> missing(Collection<ConfigKey> keys) {
        List<String> out = new ArrayList<>();
        for (ConfigKey k : ConfigKey.values()) {
            if (keys.contains(k) && effective(k).isEmpty() && !problems.containsKey(k)) {
                out.add(ValueRules.missing(k));
            }
        }
        return out;
    }

    /**
     * Checks a value of a key again, with the environment and SUPABASE_URL of this evaluation (those of the clients
     * using it), logging the rotation warning once per value, and says when time alone may change the verdict.
     */
    CheckedCredential.Verdict recheck(ConfigKey key, Resolved r, Instant at, Duration maxKeyAge,
                                      KeyAgeMonitor monitor) {
        ValueRules.Inspection in = ValueRules.inspect(key, r, environment, supabaseUrl, at);
        Instant recheckAt = Instant.MAX;
        if (in.supabaseKey().isPresent()) {
            SupabaseKeys.Info info = in.supabaseKey().get();
            Optional<String> warning = ValueRules.ageWarning(key, r, info, at, maxKeyAge);
            if (warning.isPresent()) {
                monitor.warnOnce(key, Secret.of(r.value()), warning.get());
            } else if (info.issuedAt().isPresent()) {
                recheckAt = info.issuedAt().get().plus(maxKeyAge).plusSeconds(1);
            }
            if (info.expiresAt().isPresent() && info.expiresAt().get().isAfter(at)
                    && info.expiresAt().get().isBefore(recheckAt)) {
                recheckAt = info.expiresAt().get();
            }
        }
        return new CheckedCredential.Verdict(in.problems(), recheckAt);
    }
}
