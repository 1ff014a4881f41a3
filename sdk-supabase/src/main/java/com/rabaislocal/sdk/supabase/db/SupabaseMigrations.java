package com.rabaislocal.sdk.supabase.db;

import com.rabaislocal.sdk.core.config.Secret;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway, configured for the SQL migrations of the RabaisLocal global tables shipped in this jar.
 *
 * <p>The migrations keep the platform's names, {@code XX_module_Y_description.sql} (for example {@code
 * 01_module_a_create_users.sql}): with an empty SQL migration prefix and {@code _} as separator, Flyway reads the
 * leading number as the version ({@code 01} is version 1) and the rest as the description. The history table is
 * {@value #SCHEMA}.{@value #HISTORY_TABLE}, outside {@code public}, so the Data API never exposes it; Flyway creates
 * the schema on the first run. Flyway itself gives the rest: one transaction per file, checksums that refuse an
 * applied file once edited, and a PostgreSQL advisory lock that serialises instances migrating at the same time.
 *
 * <pre>{@code
 * SupabaseMigrations.flyway(dataSource).migrate();
 * }</pre>
 *
 * <p>Flyway is an <b>optional</b> dependency of the SDK: an application that applies the migrations from Java adds
 * {@code org.flywaydb:flyway-core}, {@code org.flywaydb:flyway-database-postgresql} and the PostgreSQL JDBC driver.
 * Flyway 11 (what Spring Boot 3.5 and 4.0 manage) and 13 are tested. A Spring Boot application can instead let
 * Boot run Flyway with the same settings as {@code spring.flyway.*} properties (see docs/DATABASE.md). The
 * database user must be allowed to create the objects (on Supabase, the {@code postgres} user of the session pooler
 * or of the direct connection).
 */
public final class SupabaseMigrations {

    /** Where the migrations are, as a Flyway location: {@value}. */
    public static final String LOCATION = "classpath:db/migrations";

    /** The schema of Flyway's history table, created by Flyway when missing: {@value}. */
    public static final String SCHEMA = "rabaislocal";

    /** Flyway's history table, in {@link #SCHEMA}: {@value}. */
    public static final String HISTORY_TABLE = "schema_migrations";

    /** The SQL migration prefix: none ({@value}), since the file names start with the version. */
    public static final String SQL_MIGRATION_PREFIX = "";

    /** Between the version and the description: {@value}, so {@code 01_module_a_...} is version {@code 01}. */
    public static final String SQL_MIGRATION_SEPARATOR = "_";

    private SupabaseMigrations() {
    }

    /**
     * Starts a Flyway configuration for the shipped migrations, read with this class's class loader; add a data
     * source (and any setting of the application's) and {@code load()} it.
     *
     * <p>Set: locations {@value #LOCATION}, SQL migration prefix empty, separator {@value #SQL_MIGRATION_SEPARATOR},
     * suffix {@code .sql}, schema {@value #SCHEMA} (created when missing), history table {@value #HISTORY_TABLE},
     * migration naming validated (a {@code .sql} file whose name Flyway cannot read fails the run instead of being
     * skipped) and a missing location fails. Everything else keeps Flyway's defaults.
     *
     * @return a new configuration, without a data source
     */
    public static FluentConfiguration configure() {
        return configure(SupabaseMigrations.class.getClassLoader());
    }

    /**
     * Starts a Flyway configuration for the shipped migrations, read with a given class loader.
     *
     * @param classLoader the class loader that sees this jar's {@code db/migrations}; not null
     * @return a new configuration, without a data source
     * @see #configure()
     */
    public static FluentConfiguration configure(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        return Flyway.configure(classLoader)
                .locations(LOCATION)
                .sqlMigrationPrefix(SQL_MIGRATION_PREFIX)
                .sqlMigrationSeparator(SQL_MIGRATION_SEPARATOR)
                .sqlMigrationSuffixes(".sql")
                .schemas(SCHEMA)
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true);
    }

    /**
     * Returns a Flyway for the shipped migrations on a data source; call {@code migrate()} to apply those not applied
     * yet, {@code info()} to list them, {@code validate()} to check the applied ones are unchanged.
     *
     * @param dataSource the database, usually the application's pool; not null
     * @return a Flyway configured as by {@link #configure()}
     */
    public static Flyway flyway(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return configure().dataSource(dataSource).load();
    }

    /**
     * Returns a Flyway for the shipped migrations on a JDBC URL; Flyway opens its own connections through the
     * driver on the classpath.
     *
     * @param jdbcUrl for example {@code jdbc:postgresql://db.example.supabase.co:5432/postgres}; not null
     * @param user the database user; not null
     * @param password the user's password; not null, revealed only to the driver
     * @return a Flyway configured as by {@link #configure()}
     */
    public static Flyway flyway(String jdbcUrl, String user, Secret password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return configure().dataSource(jdbcUrl, user, password.reveal()).load();
    }
}
