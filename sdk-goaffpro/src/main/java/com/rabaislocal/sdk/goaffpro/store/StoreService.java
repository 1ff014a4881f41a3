package com.rabaislocal.sdk.goaffpro.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.goaffpro.WriteResult;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.util.LinkedHashSet;
import java.util.List;

/** The store's configuration ({@code /admin/store/config}). A cheap view; thread-safe. */
public final class StoreService {

    private static final String PATH = "/admin/store/config";

    private final GoAffProHttp calls;
    private final String programId;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     * @param programId the configured program id, or null
     */
    public StoreService(GoAffProHttp calls, String programId) {
        this.calls = calls;
        this.programId = programId;
    }

    /**
     * Reads the configuration.
     *
     * @param extraKeys keys beyond {@link StoreConfig#DEFAULT_KEYS}
     * @return the configuration
     */
    public StoreConfig config(String... extraKeys) {
        LinkedHashSet<String> keys = new LinkedHashSet<>(StoreConfig.DEFAULT_KEYS);
        keys.addAll(List.of(extraKeys));
        return calls.call(Requests.get("store.config", PATH).query("keys", String.join(",", keys)).build(),
                StoreConfig::from);
    }

    /**
     * Changes configuration keys ({@code PATCH}).
     *
     * @param changes the keys and their new values
     * @return GoAffPro's answer
     */
    public WriteResult updateConfig(ObjectNode changes) {
        return calls.call(Requests.patch("store.config.update", PATH).jsonBody(changes.deepCopy()).build(),
                root -> WriteResult.from(root, null));
    }

    /**
     * Checks that the token belongs to the configured program (GOAFFPRO_PROGRAM_ID): a token of another store
     * would otherwise credit the wrong programme without any error. Does nothing when no program id is set.
     *
     * @return the store's configuration
     * @throws ConfigException when the store's {@code site_id} differs from the configured program id
     */
    public StoreConfig verifyProgram() {
        StoreConfig config = config();
        if (programId != null && config.siteId() != null && !programId.equals(config.siteId())) {
            throw new ConfigException("GOAFFPRO_PROGRAM_ID is " + programId + " but the access token belongs to site "
                    + config.siteId() + ": use the token of that program, or fix GOAFFPRO_PROGRAM_ID");
        }
        return config;
    }
}
