package com.rabaislocal.sdk.core.config;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The RabaisLocal SDK's configuration: the {@link RabaisEnvironment} and the value of every {@link ConfigKey},
 * resolved from four sources in this order of precedence (highest first):
 * <ol>
 *   <li>values and credential providers set on the {@link Builder} ("programmatic");</li>
 *   <li>Java system properties, under the variable's name ({@code SUPABASE_URL}) or its dotted alias
 *       ({@code rabaislocal.supabase.url});</li>
 *   <li>environment variables, under the exact name;</li>
 *   <li>the {@code .env} file, if one is configured.</li>
 * </ol>
 * A blank value counts as not set, and surrounding whitespace is ignored.
 *
 * <p>{@link Builder#build()} validates every value that is set, whichever service it belongs to, and reports all
 * problems in one {@link ConfigException}. Missing values are reported when a module asks for its service
 * ({@link #supabase()}, {@link #mailerSend()}, {@link #require(Service...)}, ...), so an application using only
 * MailerSend never needs Supabase keys. Declare the services an application needs with
 * {@link Builder#require(Service...)} to have missing values reported at build time too.
 *
 * <p>An instance is immutable: {@link #value(ConfigKey)}, {@link #secret(ConfigKey)} and {@link #source(ConfigKey)}
 * describe the sources as they were at build time. Credentials are the exception by design: the
 * {@link CredentialProvider}s returned by {@link #credential(ConfigKey)} and the service settings re-resolve their
 * key from the sources at most once per {@link Builder#refreshInterval(Duration) refresh interval}, so a rotated
 * key is picked up without rebuilding any client. {@code toString()} masks every secret.
 */
public final class SdkConfig {

    /** Default {@link Builder#refreshInterval(Duration)}: 30 seconds. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);

    /** Default {@link Builder#maxKeyAge(Duration)}: 90 days, RabaisLocal's key rotation period. */
    public static final Duration DEFAULT_MAX_KEY_AGE = Duration.ofDays(90);

    private final Builder settings;
    private final Evaluation evaluation;
    private final Map<ConfigKey, CredentialProvider> credentials = new EnumMap<>(ConfigKey.class);

    private SdkConfig(Builder settings, ConfigSources sources, Evaluation evaluation) {
        this.settings = settings;
        this.evaluation = evaluation;
        LiveSources live = new LiveSources(sources, evaluation.snapshot(), settings.clock, settings.refreshInterval);
        for (ConfigKey key : ConfigKey.values()) {
            Resolved r = evaluation.snapshot().values().get(key);
            if (!key.secret() || r == null) {
                continue;
            }
            CredentialProvider p;
            if (sources.hasProvider(key)) {
                CredentialProvider user = sources.provider(key);
                p = new CheckedCredential(key, () -> new Resolved(user.current().reveal(), ConfigSource.PROGRAMMATIC,
                        "credential provider"), v -> recheck(key, v), settings.clock, r);
            } else if (r.source() == ConfigSource.PROGRAMMATIC) {
                // Nothing can override a programmatic value, so there is nothing to re-resolve.
                p = CredentialProvider.fixed(Secret.of(r.value()));
            } else {
                p = new CheckedCredential(key, () -> live.current().values().get(key), v -> recheck(key, v),
                        settings.clock, r);
            }
            credentials.put(key, p);
        }
    }

    private CheckedCredential.Verdict recheck(ConfigKey key, Resolved r) {
        return evaluation.recheck(key, r, settings.clock.instant(), settings.maxKeyAge, settings.ageMonitor);
    }

    /**
     * Starts an empty builder: no system properties, no environment variables, no {@code .env} file, so nothing is
     * read from the process unless asked for (see {@link Builder#processSources()}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration of this process: environment variables, system properties and, if it exists, the
     * {@code .env} file of the working directory. Equivalent to {@code builder().processSources().build()}.
     *
     * @return the validated configuration
     * @throws ConfigException listing every value that is set but invalid, and every malformed {@code .env} line
     */
    public static SdkConfig fromEnvironment() {
        return builder().processSources().build();
    }

    /**
     * Returns a builder holding this configuration's sources and settings, to derive a modified configuration. The
     * derived configuration shares the rotation-warning memory, so a key is not warned about twice.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * Returns the deployment, from {@code RABAISLOCAL_ENV}.
     *
     * @return the environment; {@link RabaisEnvironment#DEVELOPMENT} when unset
     */
    public RabaisEnvironment environment() {
        return evaluation.environment();
    }

    /**
     * Returns a non-secret value as in effect at build time: the winning source's value (trimmed), else the key's
     * default.
     *
     * @param key a key whose {@link ConfigKey#secret()} is false
     * @return the value, or empty if no source sets it and it has no default
     * @throws IllegalArgumentException if the key is a secret; use {@link #secret(ConfigKey)}
     */
    public Optional<String> value(ConfigKey key) {
        if (key.secret()) {
            throw new IllegalArgumentException(key + " is a secret; read it with secret(" + key + ") or credential("
                    + key + ")");
        }
        return evaluation.effective(key).map(Resolved::value);
    }

    /**
     * Returns a secret value as it was at build time. Clients should prefer {@link #credential(ConfigKey)}, which
     * follows rotation.
     *
     * @param key a key whose {@link ConfigKey#secret()} is true
     * @return the secret, or empty if no source sets it
     * @throws IllegalArgumentException if the key is not a secret; use {@link #value(ConfigKey)}
     */
    public Optional<Secret> secret(ConfigKey key) {
        if (!key.secret()) {
            throw new IllegalArgumentException(key + " is not a secret; read it with value(" + key + ")");
        }
        return evaluation.effective(key).map(r -> Secret.of(r.value()));
    }

    /**
     * Tells which source supplied a key at build time.
     *
     * @param key any key
     * @return the source, {@link ConfigSource#DEFAULT} for a defaulted key, empty if the key has no value
     */
    public Optional<ConfigSource> source(ConfigKey key) {
        return evaluation.effective(key).map(Resolved::source);
    }

    /**
     * Returns the provider of a secret key's current value. Unless the value was set programmatically as a fixed
     * value, the provider re-resolves the key from the sources at most once per refresh interval and re-validates a
     * changed value with the build-time rules (slot, project, environment).
     *
     * @param key a secret key
     * @return the provider; the same instance on every call
     * @throws IllegalArgumentException if the key is not a secret
     * @throws ConfigException naming the key if no source set it at build time
     */
    public CredentialProvider credential(ConfigKey key) {
        if (!key.secret()) {
            throw new IllegalArgumentException(key + " is not a secret; read it with value(" + key + ")");
        }
        CredentialProvider p = credentials.get(key);
        if (p == null) {
            throw new ConfigException(ValueRules.missing(key));
        }
        return p;
    }

    /**
     * Checks that every key the given services need is set.
     *
     * @param services the services about to be used
     * @return this configuration, for chaining
     * @throws ConfigException listing every missing key of every service at once
     */
    public SdkConfig require(Service... services) {
        Set<ConfigKey> keys = new LinkedHashSet<>();
        for (Service s : services) {
            keys.addAll(s.requiredKeys());
        }
        return requireKeys(keys);
    }

    /**
     * Checks that the given keys are set (or have a default).
     *
     * @param keys the keys about to be used
     * @return this configuration, for chaining
     * @throws ConfigException listing every missing key at once
     */
    public SdkConfig require(ConfigKey... keys) {
        return requireKeys(List.of(keys));
    }

    private SdkConfig requireKeys(Collection<ConfigKey> keys) {
        List<String> missing = evaluation.missing(keys);
        if (!missing.isEmpty()) {
            throw new ConfigException(missing);
        }
        return this;
    }

    /**
     * Returns the Supabase settings. SUPABASE_URL and SUPABASE_ANON_KEY are required; SUPABASE_SERVICE_ROLE_KEY is
     * optional here (see {@link SupabaseSettings#requireServiceRoleKey()}).
     *
     * @return the settings
     * @throws ConfigException listing every missing Supabase key
     */
    public SupabaseSettings supabase() {
        require(Service.SUPABASE);
        return new SupabaseSettings(environment(), url(ConfigKey.SUPABASE_URL),
                credential(ConfigKey.SUPABASE_ANON_KEY), optionalCredential(ConfigKey.SUPABASE_SERVICE_ROLE_KEY),
                optionalCredential(ConfigKey.SUPABASE_JWT_SECRET));
    }

    /**
     * Returns the MailerSend settings; MAILERSEND_API_KEY is required.
     *
     * @return the settings
     * @throws ConfigException listing every missing MailerSend key
     */
    public MailerSendSettings mailerSend() {
        require(Service.MAILERSEND);
        return new MailerSendSettings(environment(), url(ConfigKey.MAILERSEND_BASE_URL),
                credential(ConfigKey.MAILERSEND_API_KEY), value(ConfigKey.MAILERSEND_DOMAIN));
    }

    /**
     * Returns the OpenAI settings; OPENAI_API_KEY is required.
     *
     * @return the settings
     * @throws ConfigException listing every missing OpenAI key
     */
    public OpenAiSettings openAi() {
        require(Service.OPENAI);
        return new OpenAiSettings(environment(), url(ConfigKey.OPENAI_BASE_URL), credential(ConfigKey.OPENAI_API_KEY),
                value(ConfigKey.OPENAI_ORG_ID), value(ConfigKey.OPENAI_PROJECT_ID));
    }

    /**
     * Returns the GoAffPro settings; GOAFFPRO_API_KEY is required.
     *
     * @return the settings
     * @throws ConfigException listing every missing GoAffPro key
     */
    public GoAffProSettings goAffPro() {
        require(Service.GOAFFPRO);
        return new GoAffProSettings(environment(), url(ConfigKey.GOAFFPRO_BASE_URL),
                credential(ConfigKey.GOAFFPRO_API_KEY), value(ConfigKey.GOAFFPRO_PROGRAM_ID));
    }

    /**
     * Returns the Make settings; MAKE_TEAM_ID and MAKE_API_TOKEN are required; MAKE_ZONE and MAKE_BASE_URL are
     * optional here ({@code sdk-make}'s client refuses settings that have neither).
     *
     * @return the settings
     * @throws ConfigException listing every missing Make key
     */
    public MakeSettings make() {
        require(Service.MAKE);
        return new MakeSettings(environment(), Long.parseLong(value(ConfigKey.MAKE_TEAM_ID).orElseThrow()),
                credential(ConfigKey.MAKE_API_TOKEN), value(ConfigKey.MAKE_ZONE),
                value(ConfigKey.MAKE_BASE_URL).map(BaseUrls::normalize));
    }

    /**
     * Reads the sources again and reports, for each service, whether it is configured, what is missing and what is
     * wrong, with secrets shown only as fingerprint and length. Never throws for a bad configuration.
     *
     * @return the diagnosis, reflecting the sources now (rotated values included)
     */
    public ConfigDiagnosis diagnose() {
        return settings.copy().diagnose();
    }

    private URI url(ConfigKey key) {
        return BaseUrls.normalize(evaluation.effective(key).orElseThrow().value());
    }

    private Optional<CredentialProvider> optionalCredential(ConfigKey key) {
        return Optional.ofNullable(credentials.get(key));
    }

    /** Every key with a value, non-secret values shown, secrets as fingerprint and length only. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "SdkConfig{", "}");
        j.add("environment=" + environment());
        for (ConfigKey k : ConfigKey.values()) {
            Optional<Resolved> r = evaluation.effective(k);
            if (r.isPresent() && r.get().source() != ConfigSource.DEFAULT && k != ConfigKey.RABAISLOCAL_ENV) {
                j.add(k + "=" + (k.secret() ? Masking.describe(Secret.of(r.get().value())) : r.get().value()));
            }
        }
        return j.toString();
    }

    /**
     * Collects sources and settings for an {@link SdkConfig}. A fresh builder reads nothing from the process:
     * inject environment variables and system properties with {@link #environmentVariables(Map)} and
     * {@link #systemProperties(Properties)} (tests never depend on the real environment), or call
     * {@link #processSources()}. Not thread-safe.
     */
    public static final class Builder {

        private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        private final Map<ConfigKey, CredentialProvider> providers = new EnumMap<>(ConfigKey.class);
        private final Set<Service> required = EnumSet.noneOf(Service.class);
        private Map<String, String> environmentVariables = Map.of();
        private Properties systemProperties = new Properties();
        private DotEnvFile dotEnv;
        private Clock clock = Clock.systemUTC();
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private Duration maxKeyAge = DEFAULT_MAX_KEY_AGE;
        private KeyAgeMonitor ageMonitor = new KeyAgeMonitor();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.values.putAll(values);
            b.providers.putAll(providers);
            b.required.addAll(required);
            b.environmentVariables = environmentVariables;
            b.systemProperties = systemProperties;
            b.dotEnv = dotEnv;
            b.clock = clock;
            b.refreshInterval = refreshInterval;
            b.maxKeyAge = maxKeyAge;
            b.ageMonitor = ageMonitor;
            return b;
        }

        /**
         * Sets the deployment programmatically (as {@code RABAISLOCAL_ENV}).
         *
         * @param environment the environment; null removes the programmatic value
         * @return this builder
         */
        public Builder environment(RabaisEnvironment environment) {
            return set(ConfigKey.RABAISLOCAL_ENV, environment == null ? null : environment.id());
        }

        /**
         * Sets a value programmatically; it takes precedence over every other source. Validation happens in
         * {@link #build()}. For a secret key, the value is treated as a credential and never printed.
         *
         * @param key the key
         * @param value the value; null or blank removes the programmatic value (and any provider for the key)
         * @return this builder
         */
        public Builder set(ConfigKey key, String value) {
            Objects.requireNonNull(key, "key");
            providers.remove(key);
            String v = ConfigSources.clean(value);
            if (v == null) {
                values.remove(key);
            } else {
                values.put(key, v);
            }
            return this;
        }

        /**
         * Sets a secret programmatically, as a fixed value.
         *
         * @param key a secret key
         * @param value the credential; null removes the programmatic value
         * @return this builder
         * @throws IllegalArgumentException if the key is not a secret
         */
        public Builder secret(ConfigKey key, Secret value) {
            requireSecretKey(key);
            return set(key, value == null ? null : value.reveal());
        }

        /**
         * Supplies a secret through a provider (a vault, a secrets manager), asked at build time for validation and
         * then on every {@link CredentialProvider#current()} call of the clients; each new value it returns is
         * validated once. Takes precedence over every other source.
         *
         * @param key a secret key
         * @param provider the provider; null removes it
         * @return this builder
         * @throws IllegalArgumentException if the key is not a secret
         */
        public Builder credentialProvider(ConfigKey key, CredentialProvider provider) {
            requireSecretKey(key);
            values.remove(key);
            if (provider == null) {
                providers.remove(key);
            } else {
                providers.put(key, provider);
            }
            return this;
        }

        /**
         * Sets the environment-variable source. The map is read live, not copied. Default: empty.
         *
         * @param variables e.g. {@code System.getenv()} or a test map; not null
         * @return this builder
         */
        public Builder environmentVariables(Map<String, String> variables) {
            this.environmentVariables = Objects.requireNonNull(variables, "variables");
            return this;
        }

        /**
         * Sets the system-property source. The object is read live, not copied, so properties changed later are
         * seen by credential providers at their next refresh. Default: empty.
         *
         * @param properties e.g. {@code System.getProperties()} or a test instance; not null
         * @return this builder
         */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = Objects.requireNonNull(properties, "properties");
            return this;
        }

        /**
         * Reads a {@code .env} file that must exist (its absence is a configuration problem). The file is read at
         * build time and, for credentials, again whenever its modification time or size changes.
         *
         * @param path the file; not null
         * @return this builder
         */
        public Builder dotEnvFile(Path path) {
            this.dotEnv = new DotEnvFile(path, true);
            return this;
        }

        /**
         * Reads a {@code .env} file if it exists; a missing file adds nothing.
         *
         * @param path the file; not null
         * @return this builder
         */
        public Builder optionalDotEnvFile(Path path) {
            this.dotEnv = new DotEnvFile(path, false);
            return this;
        }

        /**
         * Reads no {@code .env} file (the default).
         *
         * @return this builder
         */
        public Builder noDotEnvFile() {
            this.dotEnv = null;
            return this;
        }

        /**
         * Uses this process's sources: {@code System.getenv()}, {@code System.getProperties()} and, if it exists,
         * {@code .env} in the working directory.
         *
         * @return this builder
         */
        public Builder processSources() {
            return environmentVariables(System.getenv()).systemProperties(System.getProperties())
                    .optionalDotEnvFile(Path.of(".env"));
        }

        /**
         * Sets the clock used for key ages, JWT expiry and refresh timing. Default: {@code Clock.systemUTC()}.
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how often credential providers re-read the sources (at most once per interval, on demand; the
         * {@code .env} file is re-parsed only when it changed). Default: 30 seconds.
         *
         * @param interval a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the interval is not positive
         */
        public Builder refreshInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("refreshInterval must be positive, was " + interval);
            }
            this.refreshInterval = interval;
            return this;
        }

        /**
         * Sets the age past which a JWT key (by its {@code iat} claim) logs a rotation warning, once per key value.
         * Default: 90 days.
         *
         * @param maxAge a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the duration is not positive
         */
        public Builder maxKeyAge(Duration maxAge) {
            if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxKeyAge must be positive, was " + maxAge);
            }
            this.maxKeyAge = maxAge;
            return this;
        }

        /**
         * Declares services the application needs, so that {@link #build()} also reports their missing keys.
         *
         * @param services the services
         * @return this builder
         */
        public Builder require(Service... services) {
            required.addAll(List.of(services));
            return this;
        }

        /**
         * Reads and validates the sources.
         *
         * @return the configuration
         * @throws ConfigException listing, all at once, every malformed {@code .env} line, every set value that is
         *     invalid (bad environment name, non-https or malformed URL, loopback URL in production, swapped,
         *     cross-project or malformed Supabase key, ...) and every missing key of the {@link #require required}
         *     services; no message contains a secret
         */
        public SdkConfig build() {
            ConfigSources sources = sources();
            Evaluation ev = evaluate(sources);
            List<String> problems = new ArrayList<>(ev.allProblems());
            Set<ConfigKey> needed = new LinkedHashSet<>();
            for (Service s : required) {
                needed.addAll(s.requiredKeys());
            }
            problems.addAll(ev.missing(needed));
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new SdkConfig(copy(), sources, ev);
        }

        /**
         * Reads the sources and describes them without throwing, for a configuration too broken to build.
         *
         * @return the diagnosis
         */
        public ConfigDiagnosis diagnose() {
            ConfigSources sources = sources();
            Evaluation ev = evaluate(sources);
            return new ConfigDiagnosis(ev, sources.describe(ev.snapshot().dotEnv()), required);
        }

        private ConfigSources sources() {
            return new ConfigSources(values, providers, systemProperties, environmentVariables, dotEnv);
        }

        private Evaluation evaluate(ConfigSources sources) {
            Snapshot snapshot = sources.read(sources.readDotEnv(), true);
            return Evaluation.of(snapshot, clock.instant(), maxKeyAge, ageMonitor);
        }

        private static void requireSecretKey(ConfigKey key) {
            if (!Objects.requireNonNull(key, "key").secret()) {
                throw new IllegalArgumentException(key + " is not a secret; use set(" + key + ", value)");
            }
        }
    }
}
