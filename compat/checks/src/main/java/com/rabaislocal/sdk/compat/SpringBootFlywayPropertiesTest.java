package com.rabaislocal.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code spring.flyway.*} properties docs/DATABASE.md gives make Spring Boot's own Flyway auto-configuration
 * apply the SDK's migrations, with the platform's file names, at start-up of an application on this combination's
 * Boot line, against the real PostgreSQL.
 */
class SpringBootFlywayPropertiesTest {

    /** An application with nothing but auto-configuration: a DataSource from spring.datasource.*, and Flyway. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }

    /** The properties as docs/DATABASE.md writes them. */
    static final List<String> DOCUMENTED = List.of(
            "spring.flyway.locations=classpath:db/migrations",
            "spring.flyway.sql-migration-prefix=",
            "spring.flyway.sql-migration-separator=_",
            "spring.flyway.schemas=rabaislocal",
            "spring.flyway.table=schema_migrations",
            "spring.flyway.validate-migration-naming=true",
            "spring.flyway.fail-on-missing-locations=true");

    @Test
    void bootAppliesTheMigrationsAtStartUpWithTheDocumentedProperties() throws Exception {
        try (FlywayMigrationsTest.ThrowAwayDatabase db = FlywayMigrationsTest.ThrowAwayDatabase.withShim()) {
            List<String> properties = new ArrayList<>(DOCUMENTED);
            properties.add("spring.datasource.url=" + db.url());
            properties.add("spring.main.banner-mode=off");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                    .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
                Flyway flyway = context.getBean(Flyway.class);
                assertEquals("", flyway.getConfiguration().getSqlMigrationPrefix(), "the empty prefix is bound");
                try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select string_agg(script, ',' order by installed_rank)"
                             + " from rabaislocal.schema_migrations where version is not null and success")) {
                    rs.next();
                    assertEquals("01_module_a_create_users.sql,02_module_a_create_logs_audit.sql,"
                            + "03_module_a_create_legal_consents.sql,04_module_b_create_credits_packages.sql,"
                            + "05_module_b_create_credits_transactions.sql,06_module_b_credits_functions.sql,"
                            + "07_module_c_create_offers.sql,08_module_f_create_ai_agents.sql", rs.getString(1));
                }
            }
        }
    }
}
