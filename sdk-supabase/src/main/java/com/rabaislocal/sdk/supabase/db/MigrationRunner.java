package com.rabaislocal.sdk.supabase.db;

import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ConfigException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL migrations shipped on the classpath to a PostgreSQL database, forward-only.
 *
 * <p>The files are those listed in {@code <location>/INDEX} (default location {@value #DEFAULT_LOCATION}, the
 * RabaisLocal global tables shipped in this jar), applied in file-name order. Each file runs in its own transaction
 * together with the row that records it in the history table (default {@value #DEFAULT_HISTORY_TABLE}: file name,
 * SHA-256 checksum, time, database user, duration), so a file is either fully applied and recorded, or not at all.
 * Applying again applies only the files not recorded yet; when nothing is new, nothing changes. A file whose
 * checksum differs from the recorded one is refused before anything runs: applied migrations are never edited, a
 * change is a new file.
 *
 * <p>A PostgreSQL session advisory lock ({@link #lockKey()}) serialises concurrent runs, for example several
 * instances of a service starting together; a run that waits longer than {@link #lockTimeout()} fails.
 *
 * <p>The runner needs a PostgreSQL JDBC driver at run time. The SDK declares {@code org.postgresql:postgresql} as an
 * optional dependency: add it to the application when using {@link Builder#jdbcUrl(String)}, or pass a {@link
 * DataSource} the application already has. The database user must be allowed to create the objects (on Supabase,
 * the {@code postgres} user of the session pooler or direct connection).
 *
 * <pre>{@code
 * MigrationResult result = MigrationRunner.builder()
 *         .jdbcUrl("jdbc:postgresql://db.example.supabase.co:5432/postgres")
 *         .user("postgres")
 *         .password(Secret.of(System.getenv("SUPABASE_DB_PASSWORD")))
 *         .build()
 *         .migrate();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. The runner holds no resource between calls: each call opens one
 * connection and closes it (returning it to the pool for a {@link DataSource}).
 */
public final class MigrationRunner {

    /** Classpath folder of the RabaisLocal global-table migrations shipped in this jar. */
    public static final String DEFAULT_LOCATION = "db/migrations";

    /** Table recording the applied files; outside {@code public}, so the Data API never exposes it. */
    public static final String DEFAULT_HISTORY_TABLE = "rabaislocal.schema_migrations";

    /** Advisory lock key shared by every runner: the ASCII bytes of "RLMIGRAT". */
    public static final long DEFAULT_LOCK_KEY = 0x524C_4D49_4752_4154L;

    /** How long a run waits for another run's lock by default: 60 seconds. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}");
    private static final Pattern URL_USERINFO = Pattern.compile("//[^/?#@]*@");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource dataSource;
    private final String jdbcUrl;
    private final String user;
    private final Secret password;
    private final String location;
    private final ClassLoader classLoader;
    private final String historyTable;
    private final long lockKey;
    private final Duration lockTimeout;

    private MigrationRunner(Builder b, String location) {
        this.dataSource = b.dataSource;
        this.jdbcUrl = b.jdbcUrl;
        this.user = b.user;
        this.password = b.password;
        this.location = location;
        this.classLoader = b.classLoader;
        this.historyTable = b.historyTable;
        this.lockKey = b.lockKey;
        this.lockTimeout = b.lockTimeout;
    }

    /**
     * Starts a builder with the defaults: location {@value #DEFAULT_LOCATION}, history table {@value
     * #DEFAULT_HISTORY_TABLE}, lock key {@link #DEFAULT_LOCK_KEY}, lock timeout 60 seconds. A database is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this runner's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the data source the runner takes its connection from.
     *
     * @return the data source, or empty when the runner connects with {@link #jdbcUrl()}
     */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /**
     * Returns the JDBC URL the runner connects to. It may carry credentials: do not log it.
     *
     * @return the URL, or empty when the runner uses {@link #dataSource()}
     */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    /**
     * Returns the database user passed alongside {@link #jdbcUrl()}.
     *
     * @return the user, or empty when the URL (or the driver's defaults) decide
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Returns the password passed alongside {@link #jdbcUrl()}.
     *
     * @return the password, masked in {@code toString()}, or empty
     */
    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /**
     * Returns the classpath folder holding the migrations and their {@code INDEX}.
     *
     * @return the location, without leading or trailing slash
     */
    public String location() {
        return location;
    }

    /**
     * Returns the class loader the migrations are read with.
     *
     * @return the class loader
     */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Returns the schema-qualified history table.
     *
     * @return the table, for example {@value #DEFAULT_HISTORY_TABLE}
     */
    public String historyTable() {
        return historyTable;
    }

    /**
     * Returns the PostgreSQL advisory lock key that serialises runs.
     *
     * @return the key passed to {@code pg_advisory_lock}
     */
    public long lockKey() {
        return lockKey;
    }

    /**
     * Returns how long a run waits for the advisory lock before failing.
     *
     * @return the timeout, positive
     */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /**
     * Lists the migration files available at {@link #location()}, in the order they are applied. Reads the classpath
     * only, not the database.
     *
     * @return the file names
     * @throws MigrationException when the index is missing or lists a bad, duplicate or missing file
     */
    public List<String> available() {
        return MigrationScript.load(classLoader, location).stream().map(MigrationScript::filename).toList();
    }

    /**
     * Lists the files that {@link #migrate()} would apply now, after checking the applied ones.
     *
     * @return the pending file names, in order; empty when the database is up to date
     * @throws MigrationException when the database cannot be reached, an applied file was changed, or the index is
     *     invalid
     */
    public List<String> pending() {
        List<MigrationScript> scripts = MigrationScript.load(classLoader, location);
        try (Connection connection = connect()) {
            Map<String, String> applied = historyExists(connection) ? readHistory(connection) : Map.of();
            checkChecksums(scripts, applied);
            return scripts.stream().map(MigrationScript::filename).filter(f -> !applied.containsKey(f)).toList();
        } catch (SQLException e) {
            throw databaseFailure("reading the migration history failed", null, e);
        }
    }

    /**
     * Applies every file not applied yet, each in its own transaction, in file-name order, under the advisory lock.
     * Files applied before a failing one stay applied; the failing one is rolled back and not recorded.
     *
     * @return the files applied by this call and those skipped as already applied
     * @throws MigrationException when a file fails, an applied file was changed, the index is invalid, the lock is
     *     not obtained within {@link #lockTimeout()}, or the database cannot be reached
     */
    public MigrationResult migrate() {
        List<MigrationScript> scripts = MigrationScript.load(classLoader, location);
        try (Connection connection = connect()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                lock(connection);
                try {
                    return applyPending(connection, scripts);
                } finally {
                    unlock(connection);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw databaseFailure("applying the migrations failed", null, e);
        }
    }

    private MigrationResult applyPending(Connection connection, List<MigrationScript> scripts) throws SQLException {
        createHistoryTable(connection);
        Map<String, String> recorded = readHistory(connection);
        checkChecksums(scripts, recorded);

        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (recorded.containsKey(script.filename())) {
                skipped.add(script.filename());
                continue;
            }
            apply(connection, script);
            applied.add(script.filename());
        }
        if (applied.isEmpty()) {
            LOG.info("Database schema up to date ({} migrations already applied)", skipped.size());
        } else {
            LOG.info("Applied {} migration(s); {} were already applied", applied.size(), skipped.size());
        }
        return new MigrationResult(applied, skipped);
    }

    private void apply(Connection connection, MigrationScript script) {
        long start = System.nanoTime();
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                statement.execute(script.sql());
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            try (PreparedStatement insert = connection.prepareStatement("insert into " + historyTable
                    + " (filename, checksum, execution_ms) values (?, ?, ?)")) {
                insert.setString(1, script.filename());
                insert.setString(2, script.checksum());
                insert.setLong(3, elapsedMs);
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied migration {} in {} ms", script.filename(), elapsedMs);
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw databaseFailure("migration " + script.filename() + " failed and was rolled back",
                    script.filename(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("Could not restore auto-commit after migration {}: {}", script.filename(), e.getSQLState());
            }
        }
    }

    private void lock(Connection connection) throws SQLException {
        String previousTimeout;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('lock_timeout')")) {
            rs.next();
            previousTimeout = rs.getString(1);
        }
        setLockTimeout(connection, Math.max(1, lockTimeout.toMillis()) + "ms");
        try (PreparedStatement st = connection.prepareStatement("select pg_advisory_lock(?)")) {
            st.setLong(1, lockKey);
            st.execute();
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new MigrationException("another migration run has held the advisory lock " + lockKey
                        + " for more than " + lockTimeout.toMillis() + " ms; try again once it finishes",
                        null, e.getSQLState(), e);
            }
            throw e;
        } finally {
            setLockTimeout(connection, previousTimeout);
        }
    }

    private static void setLockTimeout(Connection connection, String value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select set_config('lock_timeout', ?, false)")) {
            st.setString(1, value);
            st.execute();
        }
    }

    private void unlock(Connection connection) {
        try (PreparedStatement st = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            st.setLong(1, lockKey);
            st.execute();
        } catch (SQLException e) {
            // The lock is a session lock: closing the connection releases it anyway.
            LOG.warn("Could not release migration lock {} (SQLSTATE {}); closing the connection releases it",
                    lockKey, e.getSQLState());
        }
    }

    private void createHistoryTable(Connection connection) throws SQLException {
        String schema = historyTable.substring(0, historyTable.indexOf('.'));
        try (Statement st = connection.createStatement()) {
            st.execute("create schema if not exists " + schema);
            st.execute("create table if not exists " + historyTable + " ("
                    + "filename text primary key, "
                    + "checksum text not null, "
                    + "applied_at timestamptz not null default now(), "
                    + "applied_by text not null default current_user, "
                    + "execution_ms bigint not null)");
        }
    }

    private boolean historyExists(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select to_regclass(?) is not null")) {
            st.setString(1, historyTable);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Map<String, String> readHistory(Connection connection) throws SQLException {
        Map<String, String> recorded = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select filename, checksum from " + historyTable + " order by filename")) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getString(2));
            }
        }
        return recorded;
    }

    private void checkChecksums(List<MigrationScript> scripts, Map<String, String> recorded) {
        List<String> files = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (MigrationScript script : scripts) {
            String checksum = recorded.get(script.filename());
            if (checksum != null && !checksum.equals(script.checksum())) {
                files.add(script.filename());
                lines.add(script.filename() + " (recorded sha-256 " + checksum + ", now " + script.checksum() + ")");
            }
        }
        if (!files.isEmpty()) {
            throw new MigrationException("refusing to migrate: " + files.size()
                    + " already applied migration(s) changed since they were applied; migrations are forward-only,"
                    + " put the change in a new file:\n  - " + String.join("\n  - ", lines),
                    files.size() == 1 ? files.get(0) : null, null, null);
        }
    }

    private Connection connect() {
        try {
            if (dataSource != null) {
                return dataSource.getConnection();
            }
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password.reveal());
            }
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            String target = dataSource != null ? "the data source" : redact(jdbcUrl);
            if (dataSource == null && "08001".equals(e.getSQLState()) && e.getMessage() != null
                    && e.getMessage().startsWith("No suitable driver")) {
                throw new MigrationException("cannot connect to " + target + ": no JDBC driver on the classpath"
                        + " accepts this URL; add org.postgresql:postgresql to the application", null,
                        e.getSQLState(), null);
            }
            throw databaseFailure("cannot connect to " + target, null, e);
        }
    }

    private MigrationException databaseFailure(String what, String filename, SQLException e) {
        String detail = scrub(e.getMessage());
        boolean leaked = !Objects.equals(detail, e.getMessage());
        return new MigrationException(what + ": [SQLSTATE " + e.getSQLState() + "] " + detail, filename,
                e.getSQLState(), leaked ? null : e);
    }

    private static void rollbackQuietly(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Removes the URL and the password from a driver message, in case a driver echoes them. */
    private String scrub(String message) {
        if (message == null) {
            return "(no message)";
        }
        String scrubbed = message;
        if (jdbcUrl != null) {
            scrubbed = scrubbed.replace(jdbcUrl, redact(jdbcUrl));
        }
        if (password != null && !password.reveal().isEmpty()) {
            scrubbed = scrubbed.replace(password.reveal(), "****");
        }
        return scrubbed;
    }

    /** The URL without credentials: user-info and query string are dropped. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query) + "?…";
        return URL_USERINFO.matcher(base).replaceFirst("//");
    }

    /**
     * Describes the runner without credentials.
     *
     * @return the target (data source or URL without user-info and query), location and history table
     */
    @Override
    public String toString() {
        return "MigrationRunner{target=" + (dataSource != null ? "DataSource" : redact(jdbcUrl))
                + ", location=" + location + ", historyTable=" + historyTable + ", lockKey=" + lockKey
                + ", lockTimeout=" + lockTimeout + "}";
    }

    /** Builder of {@link MigrationRunner}; {@link #build()} validates every setting at once. */
    public static final class Builder {

        private DataSource dataSource;
        private String jdbcUrl;
        private String user;
        private Secret password;
        private String location = DEFAULT_LOCATION;
        private ClassLoader classLoader = MigrationRunner.class.getClassLoader();
        private String historyTable = DEFAULT_HISTORY_TABLE;
        private long lockKey = DEFAULT_LOCK_KEY;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

        private Builder() {
        }

        private Builder(MigrationRunner runner) {
            this.dataSource = runner.dataSource;
            this.jdbcUrl = runner.jdbcUrl;
            this.user = runner.user;
            this.password = runner.password;
            this.location = runner.location;
            this.classLoader = runner.classLoader;
            this.historyTable = runner.historyTable;
            this.lockKey = runner.lockKey;
            this.lockTimeout = runner.lockTimeout;
        }

        /**
         * Takes connections from an existing data source (a pool, for example). Exclusive with {@link
         * #jdbcUrl(String)}.
         *
         * @param dataSource the data source, or {@code null} to unset
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Connects through {@link DriverManager} to this URL, for example {@code
         * jdbc:postgresql://127.0.0.1:5432/postgres}. Exclusive with {@link #dataSource(DataSource)}.
         *
         * @param jdbcUrl a {@code jdbc:} URL, or {@code null} to unset; credentials in it are never logged
         * @return this builder
         */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /**
         * Sets the database user for {@link #jdbcUrl(String)}.
         *
         * @param user the user, or {@code null} to leave it to the URL
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets the database password for {@link #jdbcUrl(String)}.
         *
         * @param password the password, or {@code null} for none
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the classpath folder holding the migration files and their {@code INDEX}. Default {@value
         * MigrationRunner#DEFAULT_LOCATION}. An application can keep its own migrations in another folder and apply
         * them with a second runner; file names must then not collide with the SDK's, as the history is keyed by
         * file name.
         *
         * @param location a folder such as {@code db/migrations}; leading and trailing slashes are ignored
         * @return this builder
         */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /**
         * Sets the class loader the migrations are read with. Default: the SDK's own.
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Sets the schema-qualified history table, created when missing. Default {@value
         * MigrationRunner#DEFAULT_HISTORY_TABLE}. Keep it out of the schemas the Data API exposes.
         *
         * @param historyTable {@code schema.table}, lower-case letters, digits and underscores
         * @return this builder
         */
        public Builder historyTable(String historyTable) {
            this.historyTable = historyTable;
            return this;
        }

        /**
         * Sets the advisory lock key. Default {@link MigrationRunner#DEFAULT_LOCK_KEY}; change it only to let two
         * unrelated runners work at once.
         *
         * @param lockKey the key passed to {@code pg_advisory_lock}
         * @return this builder
         */
        public Builder lockKey(long lockKey) {
            this.lockKey = lockKey;
            return this;
        }

        /**
         * Sets how long a run waits for the advisory lock. Default 60 seconds; millisecond precision.
         *
         * @param lockTimeout a positive duration
         * @return this builder
         */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Validates the settings and builds the runner.
         *
         * @return the runner
         * @throws ConfigException listing every invalid setting
         */
        public MigrationRunner build() {
            List<String> problems = new ArrayList<>();
            if (dataSource == null && (jdbcUrl == null || jdbcUrl.isBlank())) {
                problems.add("MigrationRunner: set dataSource(...) or jdbcUrl(...) to name the database");
            }
            if (dataSource != null && jdbcUrl != null) {
                problems.add("MigrationRunner: set either dataSource(...) or jdbcUrl(...), not both");
            }
            if (jdbcUrl != null && !jdbcUrl.isBlank() && !jdbcUrl.startsWith("jdbc:")) {
                problems.add("MigrationRunner.jdbcUrl: '" + redact(jdbcUrl) + "' is not a JDBC URL (expected"
                        + " jdbc:postgresql://host:port/database)");
            }
            if (dataSource != null && (user != null || password != null)) {
                problems.add("MigrationRunner: user(...) and password(...) apply to jdbcUrl(...) only; configure"
                        + " credentials on the data source");
            }
            String normalisedLocation = location == null ? "" : location.strip().replaceAll("^/+|/+$", "");
            if (normalisedLocation.isEmpty()) {
                problems.add("MigrationRunner.location: must name a classpath folder such as "
                        + DEFAULT_LOCATION);
            }
            if (classLoader == null) {
                problems.add("MigrationRunner.classLoader: must not be null");
            }
            if (historyTable == null || !QUALIFIED_NAME.matcher(historyTable).matches()) {
                problems.add("MigrationRunner.historyTable: '" + historyTable + "' must be schema.table in"
                        + " lower-case letters, digits and underscores, for example " + DEFAULT_HISTORY_TABLE);
            }
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                problems.add("MigrationRunner.lockTimeout: must be a positive duration, was " + lockTimeout);
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new MigrationRunner(this, normalisedLocation);
        }
    }
}
