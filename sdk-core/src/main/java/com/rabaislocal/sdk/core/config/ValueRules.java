package com.rabaislocal.sdk.core.config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of one value according to its key's {@link ConfigKey.Kind}. Every problem is formatted as
 * {@code KEY (where it came from): what is wrong}, and no problem ever contains a secret value, nor a non-secret
 * value that failed to parse (it may be a key pasted into the wrong variable).
 */
final class ValueRules {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NUMERIC_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ONLY_X = Pattern.compile("[xX]+");
    private static final List<String> SUPABASE_SERVICE_PATHS =
            List.of("/rest/v1", "/auth/v1", "/storage/v1", "/functions/v1", "/realtime/v1");

    /** The outcome of checking one value: its problems, and what a Supabase key says about itself. */
    record Inspection(List<String> problems, Optional<SupabaseKeys.Info> supabaseKey) {
    }

    private ValueRules() {
    }

    /**
     * Checks one resolved value.
     *
     * @param supabaseUrl the valid, normalised SUPABASE_URL if any, for the project-ref check of Supabase keys
     */
    static Inspection inspect(ConfigKey key, Resolved r, RabaisEnvironment env, Optional<URI> supabaseUrl,
                              Instant now) {
        String v = r.value();
        List<String> reasons = new ArrayList<>();
        SupabaseKeys.Info info = null;
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            reasons.add("contains control characters (a stray line break?)");
        } else if (v.contains("...") || v.contains("\u2026") || (v.startsWith("<") && v.endsWith(">"))
                || ONLY_X.matcher(v).matches()) {
            reasons.add("still holds a documentation placeholder, not a real value");
        } else {
            switch (key.kind()) {
                case ENVIRONMENT -> {
                    if (RabaisEnvironment.lookup(v).isEmpty()) {
                        reasons.add(RabaisEnvironment.unknownReason(v));
                    }
                }
                case URL -> {
                    reasons.addAll(BaseUrls.check(v, env));
                    if (reasons.isEmpty() && key == ConfigKey.SUPABASE_URL) {
                        String path = BaseUrls.normalize(v).getRawPath();
                        for (String p : SUPABASE_SERVICE_PATHS) {
                            if (path.endsWith(p)) {
                                reasons.add("must be the project URL without a service path: found "
                                        + BaseUrls.safeForm(URI.create(v))
                                        + " (the SDK adds /rest/v1, /auth/v1, /storage/v1 and /functions/v1)");
                            }
                        }
                    }
                }
                case SUPABASE_KEY -> {
                    try {
                        info = SupabaseKeys.inspect(v);
                        reasons.addAll(SupabaseKeys.check(key, info, supabaseUrl, env, now));
                    } catch (SupabaseKeys.Malformed e) {
                        reasons.add(e.getMessage());
                    }
                }
                case TOKEN -> {
                    if (v.chars().anyMatch(Character::isWhitespace)) {
                        reasons.add("contains whitespace (a 'Bearer ' prefix or two values run together?)");
                    }
                }
                case DOMAIN -> {
                    if (v.contains("/") || v.contains("@")) {
                        reasons.add("must be a bare domain name such as rabaislocal.com, not a URL or an address");
                    } else if (!isDomain(v)) {
                        reasons.add("is not a valid domain name (expected e.g. rabaislocal.com)");
                    }
                }
                case IDENTIFIER -> {
                    if (!IDENTIFIER.matcher(v).matches()) {
                        reasons.add("must be 1 to 128 letters, digits or . _ : - characters");
                    } else if (key.prefix().isPresent() && !v.startsWith(key.prefix().get())) {
                        reasons.add("must start with '" + key.prefix().get() + "'");
                    }
                }
                case NUMERIC_ID -> {
                    if (!NUMERIC_ID.matcher(v).matches()) {
                        reasons.add("must be a positive decimal number");
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String reason : reasons) {
            problems.add(problem(key, r, reason));
        }
        return new Inspection(List.copyOf(problems), Optional.ofNullable(info));
    }

    /** The rotation warning for a JWT key issued more than {@code maxAge} ago, if it is that old. */
    static Optional<String> ageWarning(ConfigKey key, Resolved r, SupabaseKeys.Info info, Instant now,
                                       Duration maxAge) {
        if (info.issuedAt().isEmpty()) {
            return Optional.empty();
        }
        Duration age = Duration.between(info.issuedAt().get(), now);
        if (age.compareTo(maxAge) <= 0) {
            return Optional.empty();
        }
        return Optional.of(problem(key, r, "was issued " + age.toDays() + " days ago (JWT iat "
                + info.issuedAt().get() + "), more than the " + maxAge.toDays()
                + "-day rotation period; rotate it"));
    }

    /** The message for a key its service needs but no source sets. */
    static String missing(ConfigKey key) {
        String needs = key.service().map(s -> s.displayName() + " needs it").orElse("it is required");
        return key.name() + ": missing; " + needs + " (" + key.description() + "). Set the environment variable "
                + key.name() + ", the system property " + key.name() + " or " + key.propertyName()
                + ", or a " + key.name() + "= line in the .env file";
    }

    static String problem(ConfigKey key, Resolved r, String reason) {
        return key.name() + " (" + r.origin() + "): " + reason;
    }

    private static boolean isDomain(String v) {
        String d = v.toLowerCase(Locale.ROOT);
        if (d.length() > 253) {
            return false;
        }
        String[] labels = d.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String l : labels) {
            if (!DNS_LABEL.matcher(l).matches()) {
                return false;
            }
        }
        return Character.isLetter(labels[labels.length - 1].charAt(0));
    }
}
