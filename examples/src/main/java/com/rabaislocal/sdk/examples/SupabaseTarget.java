package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.config.ConfigDiagnosis;
import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.config.SupabaseSettings;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.testing.supabase.SupabaseStandIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the Supabase walk-through runs, and as whom: a real Supabase project when {@code SUPABASE_URL} and
 * {@code SUPABASE_ANON_KEY} are configured, otherwise a {@link SupabaseStandIn} started for the run. Either way the
 * SDK is configured the same way, through {@link SdkConfig} and {@link SupabaseSettings}.
 *
 * <p>Against a real project the walk-through signs in as a demo user named by {@value #DEMO_EMAIL} and
 * {@value #DEMO_PASSWORD} (system properties or environment variables); the user must have the {@code merchant}
 * application role to create offers. {@code SUPABASE_SERVICE_ROLE_KEY} is optional: without it, the purchase of
 * credits (service role only) is skipped.
 *
 * <p>Closing the target stops the stand-in it started, if any.
 */
public final class SupabaseTarget implements AutoCloseable {

    /** The variable naming the demo user's e-mail address on a real project. */
    public static final String DEMO_EMAIL = "RABAISLOCAL_DEMO_EMAIL";
    /** The variable holding the demo user's password on a real project. */
    public static final String DEMO_PASSWORD = "RABAISLOCAL_DEMO_PASSWORD";

    /** Which backend the walk-through talks to. */
    public enum Mode {
        /** A Supabase project configured by the {@code SUPABASE_*} variables. */
        SUPABASE,
        /** The in-process {@link SupabaseStandIn}. */
        STAND_IN
    }

    private final Mode mode;
    private final SupabaseSettings settings;
    private final String email;
    private final Secret password;
    private final SupabaseStandIn ownedStandIn;
    private final String why;

    private SupabaseTarget(Mode mode, SupabaseSettings settings, String email, Secret password,
                           SupabaseStandIn ownedStandIn, String why) {
        this.mode = mode;
        this.settings = settings;
        this.email = email;
        this.password = password;
        this.ownedStandIn = ownedStandIn;
        this.why = why;
    }

    /**
     * Chooses the target from configuration sources: a real project when {@code SUPABASE_URL} and
     * {@code SUPABASE_ANON_KEY} are both set, else a stand-in started now.
     *
     * @param sources the configuration sources to read (e.g. {@code SdkConfig.builder().processSources()})
     * @param variables looks up {@value #DEMO_EMAIL} and {@value #DEMO_PASSWORD} by name; returns null when unset
     * @return the target; close it after the run
     * @throws ConfigException when the Supabase variables are set but the configuration is invalid, or the demo
     *     user's variables are missing (every problem listed, no secret quoted)
     */
    public static SupabaseTarget select(SdkConfig.Builder sources, Function<String, String> variables) {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(variables, "variables");
        ConfigDiagnosis diagnosis = sources.diagnose();
        boolean urlSet = isSet(diagnosis, ConfigKey.SUPABASE_URL);
        boolean keySet = isSet(diagnosis, ConfigKey.SUPABASE_ANON_KEY);
        if (!urlSet || !keySet) {
            String reason = urlSet || keySet
                    ? (urlSet ? "SUPABASE_ANON_KEY" : "SUPABASE_URL") + " is not set, so the other Supabase variable "
                    + "is ignored"
                    : "SUPABASE_URL and SUPABASE_ANON_KEY are not set";
            return standIn(SupabaseStandIn.start(), true, reason);
        }
        List<String> problems = new ArrayList<>();
        String demoEmail = blankToNull(variables.apply(DEMO_EMAIL));
        String demoPassword = blankToNull(variables.apply(DEMO_PASSWORD));
        if (demoEmail == null) {
            problems.add(DEMO_EMAIL + ": missing; the walk-through signs in as this demo user (a merchant) of the "
                    + "Supabase project. Set it as an environment variable or a system property");
        }
        if (demoPassword == null) {
            problems.add(DEMO_PASSWORD + ": missing; the demo user's password. Set it as an environment variable "
                    + "or a system property");
        }
        SupabaseSettings settings = null;
        try {
            settings = sources.build().supabase();
        } catch (ConfigException e) {
            problems.addAll(0, e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new SupabaseTarget(Mode.SUPABASE, settings, demoEmail, Secret.of(demoPassword), null,
                "SUPABASE_URL and SUPABASE_ANON_KEY are set");
    }

    /**
     * Chooses the target from this process: system properties, environment variables and {@code ./.env} for the
     * {@code SUPABASE_*} variables; system properties, then environment variables, for the demo user's.
     *
     * @return the target; close it after the run
     * @throws ConfigException as {@link #select(SdkConfig.Builder, Function)} does
     */
    public static SupabaseTarget fromProcess() {
        return select(SdkConfig.builder().processSources(), name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    /**
     * Points the walk-through at a running stand-in, signing in as its demo user. Closing the target leaves the
     * stand-in running.
     *
     * @param standIn the stand-in; not null
     * @return the target
     */
    public static SupabaseTarget of(SupabaseStandIn standIn) {
        return standIn(Objects.requireNonNull(standIn, "standIn"), false, "given a stand-in");
    }

    private static SupabaseTarget standIn(SupabaseStandIn standIn, boolean owned, String why) {
        // The same configuration path as a real project; DEVELOPMENT allows the loopback URL.
        SupabaseSettings settings = SdkConfig.builder()
                .environment(RabaisEnvironment.DEVELOPMENT)
                .set(ConfigKey.SUPABASE_URL, standIn.url())
                .secret(ConfigKey.SUPABASE_ANON_KEY, standIn.publishableKey())
                .secret(ConfigKey.SUPABASE_SERVICE_ROLE_KEY, standIn.secretKey())
                .build()
                .supabase();
        return new SupabaseTarget(Mode.STAND_IN, settings, standIn.demoEmail(), standIn.demoPassword(),
                owned ? standIn : null, why);
    }

    /**
     * Returns which backend this is.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Returns the validated Supabase settings: URL and key providers.
     *
     * @return the settings
     */
    public SupabaseSettings settings() {
        return settings;
    }

    /**
     * Returns the service-role key, when configured (always for the stand-in).
     *
     * @return the provider, or empty
     */
    public Optional<CredentialProvider> serviceRoleKey() {
        return settings.serviceRoleKey();
    }

    /**
     * Returns the demo user's e-mail address.
     *
     * @return the address
     */
    public String email() {
        return email;
    }

    /**
     * Returns the demo user's password.
     *
     * @return the password, masked by {@link Secret#toString()}
     */
    public Secret password() {
        return password;
    }

    /**
     * Describes the target in one line, for the walk-through's output: mode, URL and why it was chosen.
     *
     * @return the description; never contains a key or password
     */
    public String describe() {
        if (mode == Mode.STAND_IN) {
            return "local stand-in at " + settings.url() + " (" + why + "): an in-process imitation of the "
                    + "Supabase API with in-memory data; nothing leaves this machine";
        }
        return "Supabase project at " + settings.url() + " (" + why + "), environment "
                + settings.environment().id() + ", demo user " + email;
    }

    /** Stops the stand-in this target started, if any. */
    @Override
    public void close() {
        if (ownedStandIn != null) {
            ownedStandIn.close();
        }
    }

    /** @return the mode and URL; never a key or password */
    @Override
    public String toString() {
        return "SupabaseTarget{" + mode + ", " + settings.url() + '}';
    }

    private static boolean isSet(ConfigDiagnosis diagnosis, ConfigKey key) {
        for (ConfigDiagnosis.Entry e : diagnosis.service(Service.SUPABASE).entries()) {
            if (e.key() == key) {
                return e.status() != ConfigDiagnosis.Status.MISSING && e.status() != ConfigDiagnosis.Status.DEFAULT;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
