package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.rabaislocal.sdk.core.config.SupabaseSettings;
import com.rabaislocal.sdk.supabase.auth.InvalidTokenException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.core.audit.Slf4jAuditSink;
import com.rabaislocal.sdk.core.config.RabaisEnvironment;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.spring.goaffpro.RabaisGoAffProAutoConfiguration;
import com.rabaislocal.sdk.spring.make.RabaisMakeAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SupabaseAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabaisSdkAutoConfiguration.class,
                    RabaisSupabaseAutoConfiguration.class, RabaisGoAffProAutoConfiguration.class,
                    RabaisMakeAutoConfiguration.class));

    @TempDir
    Path spool;

    @Test
    void nothingConfiguredCreatesNoServiceBean() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(SdkConfig.class);
            assertThat(ctx).doesNotHaveBean(SupabaseClient.class).doesNotHaveBean(JwtVerifier.class)
                    .doesNotHaveBean(SupabaseCrud.class).doesNotHaveBean(AuditSink.class)
                    .doesNotHaveBean(GoAffProClient.class).doesNotHaveBean(MakeClient.class);
            assertThat(ctx.getBean(SdkConfig.class).environment()).isEqualTo(RabaisEnvironment.DEVELOPMENT);
        });
    }

    private static String hs256(String secret, String issuer) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("7d0c5c1e-3b2a-4f6e-9a51-2f0c8e4b6a10")
                .issuer(issuer).audience("authenticated").claim("role", "authenticated")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void theVerifierTakesTheJwtSecretFromTheSdkKeyUnderEachOfItsNamesAndChecksTheIssuer() throws Exception {
        String url = "https://abcdefghijklmnop.supabase.co";
        String good = hs256(Keys.JWT_SECRET, url + "/auth/v1");
        String foreign = hs256(Keys.JWT_SECRET, "https://other.supabase.co/auth/v1");
        String forged = hs256("another-secret-that-is-also-32-bytes-long!", url + "/auth/v1");
        for (String name : List.of("SUPABASE_JWT_SECRET", "rabaislocal.supabase.jwt-secret",
                "rabaislocal.supabase.jwt.secret")) {
            runner.withPropertyValues("SUPABASE_URL=" + url, "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE,
                    name + "=" + Keys.JWT_SECRET).run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        assertThat(ctx.getBean(SupabaseSettings.class).jwtSecret()).as(name).isPresent();
                        JwtVerifier verifier = ctx.getBean(JwtVerifier.class);
                        assertThat(verifier.verifyUser(good).id().toString())
                                .isEqualTo("7d0c5c1e-3b2a-4f6e-9a51-2f0c8e4b6a10");
                        assertThatThrownBy(() -> verifier.verify(foreign)).as(name)
                                .isInstanceOf(InvalidTokenException.class);
                        assertThatThrownBy(() -> verifier.verify(forged)).as(name)
                                .isInstanceOf(InvalidTokenException.class);
                    });
        }
    }

    @Test
    void aShortJwtSecretStopsTheStartUpWithoutShowingIt() {
        runner.withPropertyValues("SUPABASE_URL=https://abcdefghijklmnop.supabase.co",
                "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE, "rabaislocal.supabase.jwt-secret=short-secret")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasStackTraceContaining("hs256Secret")
                            .hasStackTraceContaining("at least 32 bytes");
                    java.io.StringWriter trace = new java.io.StringWriter();
                    ctx.getStartupFailure().printStackTrace(new java.io.PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain("short-secret");
                });
    }

    @Test
    void seedVariablesGiveThePublishableClientVerifierAndCrudOnTheLog() {
        runner.withPropertyValues("SUPABASE_URL=https://abcdefghijklmnop.supabase.co",
                "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE).run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(SupabaseClient.class)
                            .hasSingleBean(JwtVerifier.class).hasSingleBean(SupabaseCrud.class)
                            .doesNotHaveBean(RabaisSupabaseAutoConfiguration.SERVICE_ROLE_CLIENT);
                    SupabaseClient client = ctx.getBean(SupabaseClient.class);
                    assertThat(client.isServiceRole()).isFalse();
                    assertThat(client.url()).startsWith("https://abcdefghijklmnop.supabase.co");
                    // Only the service role writes logs_audit: without its key, events go to the log.
                    assertThat(ctx.getBean(AuditSink.class)).isInstanceOf(Slf4jAuditSink.class);
                    assertThat(ctx.getBean(SupabaseCrud.class).client()).isSameAs(client);
                });
    }

    @Test
    void relaxedEnvironmentVariablesAndYamlNamesWorkToo() {
        runner.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-env",
                                Map.of("RABAISLOCAL_SUPABASE_ANON_KEY", Keys.PUBLISHABLE,
                                        "RABAISLOCAL_SUPABASE_SERVICE_ROLE_KEY", Keys.SECRET))))
                .withPropertyValues("rabaislocal.supabase.url=https://abcdefghijklmnop.supabase.co",
                        "rabaislocal.supabase.audit.spool-directory=" + spool)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    SupabaseClient serviceRole = ctx.getBean(RabaisSupabaseAutoConfiguration.SERVICE_ROLE_CLIENT,
                            SupabaseClient.class);
                    assertThat(serviceRole.isServiceRole()).isTrue();
                    assertThat(ctx.getBean(SupabaseClient.class).isServiceRole()).isFalse();
                    BatchingAuditSink sink = ctx.getBean(BatchingAuditSink.class);
                    assertThat(sink.spoolDirectory()).isEqualTo(spool);
                });
    }

    @Test
    void disabledServiceCreatesNothingEvenWithKeys() {
        runner.withPropertyValues("SUPABASE_URL=https://abcdefghijklmnop.supabase.co",
                "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE, "rabaislocal.supabase.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(SupabaseClient.class));
    }

    @Test
    void withoutTheModuleOnTheClassPathNothingIsCreated() {
        runner.withClassLoader(new FilteredClassLoader(SupabaseClient.class))
                .withPropertyValues("SUPABASE_URL=https://abcdefghijklmnop.supabase.co",
                        "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE)
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(SupabaseCrud.class)
                        .doesNotHaveBean(JwtVerifier.class));
    }

    @Test
    void badEnvironmentFailsAtStartWithEveryProblemAndNoSecret() {
        runner.withPropertyValues("SUPABASE_URL=ftp://abcdefghijklmnop.supabase.co",
                "SUPABASE_ANON_KEY=" + Keys.SECRET, "MAKE_TEAM_ID=twelve", "RABAISLOCAL_ENV=prod")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    Throwable root = rootCause(ctx.getStartupFailure());
                    assertThat(root).isInstanceOf(ConfigException.class);
                    ConfigException e = (ConfigException) root;
                    assertThat(e.problems()).anyMatch(p -> p.startsWith("SUPABASE_URL"))
                            .anyMatch(p -> p.startsWith("SUPABASE_ANON_KEY"))
                            .anyMatch(p -> p.startsWith("MAKE_TEAM_ID"))
                            // Make is half configured: its missing token is listed in the same exception.
                            .anyMatch(p -> p.startsWith("MAKE_API_TOKEN"));
                    assertThat(e.getMessage()).doesNotContain(Keys.SECRET).doesNotContain("N7UND0Ug");
                    FailureAnalysis analysis = new SdkConfigFailureAnalyzer().analyze(ctx.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("SUPABASE_URL").contains("MAKE_API_TOKEN")
                            .doesNotContain(Keys.SECRET);
                });
    }

    @Test
    void environmentComesFromRabaislocalEnvOrTheActiveProfile() {
        runner.withPropertyValues("spring.profiles.active=local,prod").run(ctx ->
                assertThat(ctx.getBean(SdkConfig.class).environment()).isEqualTo(RabaisEnvironment.PRODUCTION));
        runner.withPropertyValues("spring.profiles.active=prod", "RABAISLOCAL_ENV=staging").run(ctx ->
                assertThat(ctx.getBean(SdkConfig.class).environment()).isEqualTo(RabaisEnvironment.STAGING));
    }

    @Test
    void shutdownDeliversTheAuditSpoolBeforeTheServiceRoleClientCloses() throws Exception {
        try (MockWebServer supabase = new MockWebServer()) {
            supabase.enqueue(new MockResponse.Builder().code(201).build());
            supabase.start();
            String url = supabase.url("/").toString().replaceAll("/$", "");
            runner.withPropertyValues("SUPABASE_URL=" + url, "SUPABASE_ANON_KEY=" + Keys.PUBLISHABLE,
                    "SUPABASE_SERVICE_ROLE_KEY=" + Keys.SECRET,
                    "rabaislocal.supabase.audit.spool-directory=" + spool,
                    // Nothing is sent before the close: only the shutdown can deliver the event.
                    "rabaislocal.supabase.audit.linger=1h", "rabaislocal.supabase.audit.batch-size=1000")
                    .run(ctx -> {
                        ctx.getBean(AuditSink.class).write(List.of(AuditEvent.builder().action(AuditEvent.INSERT)
                                .entityType("offers").entityId("42").build()));
                        assertThat(supabase.getRequestCount()).isZero();
                    });
            RecordedRequest sent = supabase.takeRequest(5, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(sent.getMethod()).isEqualTo("POST");
            assertThat(sent.getTarget()).startsWith("/rest/v1/logs_audit");
            assertThat(sent.getHeaders().get("apikey")).isEqualTo(Keys.SECRET);
            assertThat(sent.getBody().utf8()).contains("\"entity_id\":\"42\"");
        }
    }

    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
