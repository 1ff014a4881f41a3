package com.rabaislocal.sdk.spring.internal;

import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.error.ConfigException;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * The one place where a Spring {@link Environment} becomes the SDK's configuration sources: each {@link ConfigKey} is
 * read under its Spring property name ({@code rabaislocal.supabase.anon-key}, so {@code application.yml}, system
 * properties and {@code RABAISLOCAL_SUPABASE_ANON_KEY} all work through relaxed binding), then under its exact
 * variable name ({@code SUPABASE_ANON_KEY}, the seed's environment), then under the SDK's dotted alias
 * ({@code rabaislocal.supabase.anon.key}). The view is live, so a credential that changes
 * in the Environment is picked up by the SDK's credential providers at their next refresh.
 *
 * <p>Public only for the starter's own packages; no compatibility promise.
 */
public final class SpringSources {

    private SpringSources() {
    }

    /**
     * The Spring property name of a key: {@code rabaislocal.} then the service's segment then the rest in kebab
     * case; {@code RABAISLOCAL_ENV} is {@code rabaislocal.env}.
     *
     * @param key the key
     * @return e.g. {@code rabaislocal.supabase.service-role-key}
     */
    public static String propertyName(ConfigKey key) {
        String n = key.name().toLowerCase(Locale.ROOT);
        if (key == ConfigKey.RABAISLOCAL_ENV) {
            return "rabaislocal.env";
        }
        int cut = n.indexOf('_');
        return "rabaislocal." + n.substring(0, cut) + "." + n.substring(cut + 1).replace('_', '-');
    }

    /**
     * Reads a value from the Environment: the Spring property first, then the exact variable name.
     *
     * @param env the Environment
     * @param springName the Spring property name
     * @param variable the variable name
     * @return the value, blank counting as unset
     */
    public static Optional<String> lookup(Environment env, String springName, String variable) {
        String v = clean(env.getProperty(springName));
        if (v == null) {
            v = clean(env.getProperty(variable));
        }
        return Optional.ofNullable(v);
    }

    /**
     * Reads a key from the Environment.
     *
     * @param env the Environment
     * @param key the key
     * @return the value, blank counting as unset
     */
    public static Optional<String> lookup(Environment env, ConfigKey key) {
        Optional<String> v = lookup(env, propertyName(key), key.name());
        // The SDK's own dotted alias (rabaislocal.supabase.anon.key), which its messages name, works too.
        return v.isPresent() ? v : Optional.ofNullable(clean(env.getProperty(key.propertyName())));
    }

    /**
     * Whether a service is configured: at least one of its keys is set and {@code rabaislocal.<service>.enabled}
     * is not {@code false}.
     *
     * @param env the Environment
     * @param service the service
     * @return true when the application means to use the service
     */
    public static boolean configured(Environment env, Service service) {
        if (!enabled(env, service)) {
            return false;
        }
        for (ConfigKey k : service.keys()) {
            if (lookup(env, k).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean enabled(Environment env, Service service) {
        String segment = propertyName(service.keys().get(0)).split("\\.")[1];
        return !"false".equalsIgnoreCase(clean(env.getProperty("rabaislocal." + segment + ".enabled")));
    }

    /**
     * Starts an {@link SdkConfig} builder over the Environment: the Environment is the variable source, no
     * {@code .env} file is read (Spring's own config files take its place), the system properties are already in
     * the Environment; the deployment comes from {@code RABAISLOCAL_ENV} or, when unset, from the first active
     * profile that names one ({@code prod}, {@code staging}, ...). Every configured service is required, so a
     * service half-configured reports its missing keys with every invalid value, in one exception.
     *
     * @param env the Environment
     * @return the builder
     */
    public static SdkConfig.Builder builder(Environment env) {
        SdkConfig.Builder b = SdkConfig.builder().environmentVariables(view(env)).noDotEnvFile();
        if (lookup(env, ConfigKey.RABAISLOCAL_ENV).isEmpty()) {
            profileEnvironment(env).ifPresent(b::environment);
        }
        for (Service s : Service.values()) {
            if (configured(env, s)) {
                b.require(s);
            }
        }
        return b;
    }

    /**
     * The deployment named by an active profile, if any.
     *
     * @param env the Environment
     * @return the first active profile that is an environment name or alias
     */
    public static Optional<RabaisEnvironment> profileEnvironment(Environment env) {
        for (String p : env.getActiveProfiles()) {
            try {
                return Optional.of(RabaisEnvironment.parse(p));
            } catch (ConfigException | IllegalArgumentException notAnEnvironment) {
                // A profile such as "local" or "redis" says nothing about the deployment.
            }
        }
        return Optional.empty();
    }

    /** A live map whose {@code get(VARIABLE)} reads the Environment; the SDK only ever calls {@code get}. */
    private static Map<String, String> view(Environment env) {
        return new AbstractMap<>() {
            @Override
            public String get(Object name) {
                if (!(name instanceof String s)) {
                    return null;
                }
                return ConfigKey.byName(s).flatMap(k -> lookup(env, k)).orElseGet(() -> clean(env.getProperty(s)));
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                // Listing would reveal every property of the application; the SDK reads by name only.
                return Set.of();
            }
        };
    }

    private static String clean(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
