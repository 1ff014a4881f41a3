package com.rabaislocal.sdk.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A readable account of the configuration: the environment, the sources, and for each {@link Service} whether it is
 * configured, which required keys are missing, and what is wrong. Secrets appear only as
 * {@code set (fingerprint 1a2b3c4d, 219 chars)}, with what a Supabase key says about itself (role, project, age);
 * a non-secret value that failed validation is shown only by its length. Obtain one with
 * {@link SdkConfig#diagnose()} or, for a configuration too broken to build, {@link SdkConfig.Builder#diagnose()};
 * {@link #render()} (also {@link #toString()}) gives a multi-line report.
 */
public final class ConfigDiagnosis {

    /** The state of one key. */
    public enum Status {
        /** A source sets a valid value. */
        SET,
        /** No source sets the key; its default applies. */
        DEFAULT,
        /** No source sets the key and it has no default. */
        MISSING,
        /** A source sets the key but the value (or the way it is set) is wrong. */
        INVALID
    }

    /**
     * One key's line in the report.
     *
     * @param key the key
     * @param status its state
     * @param display what the report shows: the value if not secret and valid, else a masked description
     * @param source where the value came from; empty when missing
     * @param origin the exact place, e.g. {@code .env file /app/.env, line 3}; empty when missing
     * @param problems what is wrong, one line each, naming the key
     * @param warnings advice that does not prevent use, such as a key past its rotation period
     */
    public record Entry(ConfigKey key, Status status, String display, Optional<ConfigSource> source,
                        Optional<String> origin, List<String> problems, List<String> warnings) {
    }

    /**
     * One service's section of the report.
     *
     * @param service the service
     * @param configured true when every required key is set and none of the service's keys has a problem
     * @param entries one per key of the service, in declaration order
     * @param missing the required keys no source sets
     * @param problems every problem of the service's keys
     * @param warnings every warning of the service's keys
     */
    public record ServiceReport(Service service, boolean configured, List<Entry> entries, List<ConfigKey> missing,
                                List<String> problems, List<String> warnings) {
    }

    private final Optional<RabaisEnvironment> environment;
    private final Entry environmentEntry;
    private final String sources;
    private final List<ServiceReport> services;
    private final List<String> sourceProblems;
    private final Set<Service> requiredServices;

    ConfigDiagnosis(Evaluation ev, String sources, Set<Service> requiredServices) {
        this.environment = ev.environmentKnown() ? Optional.of(ev.environment()) : Optional.empty();
        this.environmentEntry = entry(ev, ConfigKey.RABAISLOCAL_ENV);
        this.sources = sources;
        this.sourceProblems = List.copyOf(ev.sourceProblems());
        this.requiredServices = requiredServices.isEmpty() ? Set.of() : EnumSet.copyOf(requiredServices);
        List<ServiceReport> reports = new ArrayList<>();
        for (Service s : Service.values()) {
            List<Entry> entries = new ArrayList<>();
            List<ConfigKey> missing = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (ConfigKey k : s.keys()) {
                Entry e = entry(ev, k);
                entries.add(e);
                if (e.status() == Status.MISSING && k.required()) {
                    missing.add(k);
                }
                problems.addAll(e.problems());
                warnings.addAll(e.warnings());
            }
            reports.add(new ServiceReport(s, missing.isEmpty() && problems.isEmpty(), List.copyOf(entries),
                    List.copyOf(missing), List.copyOf(problems), List.copyOf(warnings)));
        }
        this.services = List.copyOf(reports);
    }

    private static Entry entry(Evaluation ev, ConfigKey k) {
        Optional<Resolved> r = ev.effective(k);
        List<String> problems = ev.problemsOf(k);
        if (r.isEmpty()) {
            return new Entry(k, problems.isEmpty() ? Status.MISSING : Status.INVALID,
                    problems.isEmpty() ? "missing (" + (k.required() ? "required" : "optional") + ")" : "not usable",
                    Optional.empty(), Optional.empty(), problems, List.of());
        }
        Resolved v = r.get();
        Status status = !problems.isEmpty() ? Status.INVALID
                : v.source() == ConfigSource.DEFAULT ? Status.DEFAULT : Status.SET;
        String display;
        if (k.secret()) {
            display = Masking.describe(Secret.of(v.value())) + ev.supabaseKey(k).map(i -> describe(i, ev)).orElse("");
        } else if (status == Status.INVALID) {
            // An invalid "non-secret" value may well be a key pasted into the wrong variable.
            display = "invalid value (" + v.value().length() + " chars)";
        } else {
            display = v.value();
        }
        return new Entry(k, status, display, Optional.of(v.source()), Optional.of(v.origin()), problems,
                ev.warningsOf(k));
    }

    private static String describe(SupabaseKeys.Info info, Evaluation ev) {
        StringBuilder sb = new StringBuilder(", ");
        switch (info.form()) {
            case PUBLISHABLE -> sb.append("publishable key");
            case SECRET -> sb.append("secret key");
            case JWT -> {
                sb.append("JWT role ").append(info.role().orElse("(none)"));
                info.ref().ifPresent(ref -> sb.append(", project ").append(ref));
                info.issuedAt().ifPresent(iat -> sb.append(", issued ")
                        .append(Duration.between(iat, ev.now()).toDays()).append(" days ago"));
            }
        }
        return sb.toString();
    }

    /**
     * Returns the deployment.
     *
     * @return the environment, or empty if RABAISLOCAL_ENV holds an unknown name
     */
    public Optional<RabaisEnvironment> environment() {
        return environment;
    }

    /**
     * Returns the RABAISLOCAL_ENV line of the report.
     *
     * @return the entry (status DEFAULT when unset)
     */
    public Entry environmentEntry() {
        return environmentEntry;
    }

    /**
     * Describes the sources, highest precedence first.
     *
     * @return e.g. {@code programmatic (0 values) > system properties > environment variables > .env file /app/.env (5 entries)}
     */
    public String sources() {
        return sources;
    }

    /**
     * Returns one report per service, in {@link Service} order.
     *
     * @return the reports
     */
    public List<ServiceReport> services() {
        return services;
    }

    /**
     * Returns one service's report.
     *
     * @param service the service
     * @return its report
     */
    public ServiceReport service(Service service) {
        return services.get(service.ordinal());
    }

    /**
     * Returns problems of the sources themselves, not tied to one key (malformed {@code .env} lines, missing or
     * unreadable {@code .env} file).
     *
     * @return the problems
     */
    public List<String> sourceProblems() {
        return sourceProblems;
    }

    /**
     * Returns everything that would make {@link SdkConfig.Builder#build()} fail: source problems, every invalid
     * value, and the missing keys of the services declared with {@link SdkConfig.Builder#require(Service...)}.
     *
     * @return the problems, one line each, naming the key; empty when the configuration builds
     */
    public List<String> problems() {
        List<String> all = new ArrayList<>(sourceProblems);
        all.addAll(environmentEntry.problems());
        for (ServiceReport r : services) {
            all.addAll(r.problems());
        }
        for (ServiceReport r : services) {
            if (requiredServices.contains(r.service())) {
                for (ConfigKey k : r.missing()) {
                    all.add(ValueRules.missing(k));
                }
            }
        }
        return all;
    }

    /**
     * Returns advice that does not prevent use, such as keys past their rotation period.
     *
     * @return the warnings
     */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        for (ServiceReport r : services) {
            all.addAll(r.warnings());
        }
        return all;
    }

    /**
     * Renders the report: environment, sources, one section per service with one line per key, then the problems
     * and warnings not already shown under a key.
     *
     * @return a multi-line report without any secret
     */
    public String render() {
        StringBuilder sb = new StringBuilder("RabaisLocal SDK configuration\n");
        sb.append("  Environment: ").append(environment.map(Enum::name).orElse("UNKNOWN"));
        sb.append(" (RABAISLOCAL_ENV ").append(environmentEntry.origin().orElse("default")).append(")\n");
        for (String p : environmentEntry.problems()) {
            sb.append("    ! ").append(p).append('\n');
        }
        sb.append("  Sources, highest precedence first: ").append(sources).append('\n');
        int width = 0;
        for (ConfigKey k : ConfigKey.values()) {
            width = Math.max(width, k.name().length());
        }
        for (ServiceReport r : services) {
            sb.append('\n').append("  ").append(r.service().displayName()).append(" (").append(r.service().readBy())
                    .append("): ").append(state(r)).append('\n');
            for (Entry e : r.entries()) {
                sb.append("    ").append(pad(e.key().name(), width)).append("  ").append(e.display());
                e.origin().filter(o -> e.status() != Status.DEFAULT).ifPresent(o -> sb.append("  [").append(o)
                        .append(']'));
                if (e.status() == Status.DEFAULT) {
                    sb.append("  [default]");
                }
                sb.append('\n');
                for (String p : e.problems()) {
                    sb.append("      ! ").append(p).append('\n');
                }
                for (String w : e.warnings()) {
                    sb.append("      ~ ").append(w).append('\n');
                }
            }
        }
        if (!sourceProblems.isEmpty()) {
            sb.append("\n  Source problems:\n");
            for (String p : sourceProblems) {
                sb.append("    ! ").append(p).append('\n');
            }
        }
        int problems = problems().size();
        int warnings = warnings().size();
        sb.append('\n').append("  Result: ");
        if (problems == 0) {
            sb.append("no problems");
        } else {
            sb.append(problems).append(problems == 1 ? " problem" : " problems");
        }
        if (warnings > 0) {
            sb.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return sb.append('\n').toString();
    }

    private String state(ServiceReport r) {
        String required = requiredServices.contains(r.service()) ? ", required by this application" : "";
        if (r.configured()) {
            return "configured" + required;
        }
        List<String> parts = new ArrayList<>();
        if (!r.missing().isEmpty()) {
            List<String> names = new ArrayList<>();
            r.missing().forEach(k -> names.add(k.name()));
            parts.add("missing " + String.join(", ", names));
        }
        if (!r.problems().isEmpty()) {
            parts.add(r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems"));
        }
        return "NOT CONFIGURED (" + String.join("; ", parts) + ")" + required;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** Same as {@link #render()}. */
    @Override
    public String toString() {
        return render();
    }
}
