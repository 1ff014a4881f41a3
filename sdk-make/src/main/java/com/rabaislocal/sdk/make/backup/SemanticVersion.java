package com.rabaislocal.sdk.make.backup;

import com.rabaislocal.sdk.core.error.ValidationException;

/**
 * A scenario backup's version, {@code major.minor.patch}.
 *
 * @param major bumped when modules were removed
 * @param minor bumped when modules were added (and none removed)
 * @param patch bumped when only settings changed
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    /** The version of a scenario's first backup. */
    public static final SemanticVersion INITIAL = new SemanticVersion(1, 0, 0);

    /**
     * Reads {@code 1.2.3}.
     *
     * @param text the version
     * @return the version
     * @throws ValidationException when it is not three non-negative numbers
     */
    public static SemanticVersion parse(String text) {
        String[] p = text == null ? new String[0] : text.strip().split("\\.");
        try {
            if (p.length == 3) {
                SemanticVersion v = new SemanticVersion(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]));
                if (v.major >= 0 && v.minor >= 0 && v.patch >= 0) {
                    return v;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ValidationException("version", "must be major.minor.patch, was '" + text + "'");
    }

    /**
     * Returns the next version for a change.
     *
     * @param change the kind of change
     * @return the bumped version; this one for {@link Change#UNCHANGED}
     */
    public SemanticVersion bump(Change change) {
        return switch (change) {
            case MAJOR -> new SemanticVersion(major + 1, 0, 0);
            case MINOR -> new SemanticVersion(major, minor + 1, 0);
            case PATCH -> new SemanticVersion(major, minor, patch + 1);
            default -> this;
        };
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    /** @return {@code major.minor.patch} */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
