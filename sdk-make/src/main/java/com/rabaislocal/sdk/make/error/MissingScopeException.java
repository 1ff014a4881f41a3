package com.rabaislocal.sdk.make.error;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Make API token lacks scopes the application needs: found by the start-up check
 * ({@code MakeClient.verifyToken(...)}) before any call fails on it.
 */
public class MissingScopeException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /** The scopes the token lacks. */
    private final Set<String> missing;

    /**
     * Creates the exception.
     *
     * @param missing the scopes the token lacks, e.g. {@code scenarios:run}
     * @param granted the scopes it has
     */
    public MissingScopeException(Set<String> missing, Set<String> granted) {
        super(List.of("MAKE_API_TOKEN lacks the scope(s) " + new TreeSet<>(missing) + " (it has "
                + new TreeSet<>(granted) + "); create a token with them under Profile > API in the zone's Make site"));
        this.missing = Set.copyOf(missing);
    }

    /** @return the missing scopes */
    public Set<String> missing() {
        return missing;
    }
}
