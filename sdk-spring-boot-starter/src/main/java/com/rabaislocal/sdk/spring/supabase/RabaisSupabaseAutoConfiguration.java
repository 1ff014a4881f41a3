package com.rabaislocal.sdk.spring.supabase;

import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.core.audit.Slf4jAuditSink;
import com.rabaislocal.sdk.core.config.ConfigKey;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.config.SupabaseSettings;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.spring.ConditionalOnRabaisKey;
import com.rabaislocal.sdk.spring.ConditionalOnRabaisService;
import com.rabaislocal.sdk.spring.RabaisLocalProperties;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import com.rabaislocal.sdk.supabase.crud.LogsAuditSink;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Supabase from the configuration: the publishable-key client ({@link #CLIENT}, primary), the service-role client
 * ({@link #SERVICE_ROLE_CLIENT}, when SUPABASE_SERVICE_ROLE_KEY is set), the {@link JwtVerifier} of user tokens, the
 * audit sink (a {@link BatchingAuditSink} in front of {@link LogsAuditSink} on the service-role client, spooling to
 * {@code rabaislocal.supabase.audit.spool-directory}) and the CRUD template on the publishable client. Every
 * {@link RequestListener} bean (metrics, traces, the alerts' call window) is registered on both clients.
 *
 * <p>Close order: each bean is created from the beans it is given, so Spring closes it before them: the audit sink
 * delivers its spool through the service-role client before that client is closed.
 */
@AutoConfiguration(after = RabaisSdkAutoConfiguration.class)
@ConditionalOnClass(SupabaseClient.class)
@ConditionalOnRabaisService(Service.SUPABASE)
public class RabaisSupabaseAutoConfiguration {

    /** The bean name of the publishable-key client. */
    public static final String CLIENT = "supabaseClient";
    /** The bean name of the service-role client. */
    public static final String SERVICE_ROLE_CLIENT = "supabaseServiceRoleClient";

    private static final Logger LOG = LoggerFactory.getLogger(RabaisSupabaseAutoConfiguration.class);

    /**
     * The validated Supabase settings.
     *
     * @param config the SDK configuration
     * @return the settings
     */
    @Bean
    @ConditionalOnMissingBean
    public SupabaseSettings supabaseSettings(SdkConfig config) {
        return config.supabase();
    }

    /**
     * The publishable-key (anon) client, with every request listener.
     *
     * @param settings the settings
     * @param listeners the listener beans
     * @return the client
     */
    @Bean(name = CLIENT)
    @Primary
    @ConditionalOnMissingBean(name = CLIENT)
    public SupabaseClient supabaseClient(SupabaseSettings settings, ObjectProvider<RequestListener> listeners) {
        return SupabaseClient.fromSettings(settings)
                .withOptions(b -> listeners.orderedStream().forEach(b::listener));
    }

    /**
     * The service-role client; server side only.
     *
     * @param settings the settings
     * @param listeners the listener beans
     * @return the client
     */
    @Bean(name = SERVICE_ROLE_CLIENT)
    @ConditionalOnMissingBean(name = SERVICE_ROLE_CLIENT)
    @ConditionalOnRabaisKey(ConfigKey.SUPABASE_SERVICE_ROLE_KEY)
    public SupabaseClient supabaseServiceRoleClient(SupabaseSettings settings,
                                                    ObjectProvider<RequestListener> listeners) {
        return SupabaseClient.serviceRoleFromSettings(settings)
                .withOptions(b -> listeners.orderedStream().forEach(b::listener));
    }

    /**
     * The verifier of users' access tokens, from the SDK's settings ({@link JwtVerifier#fromSettings}): the
     * project's JWKS (asymmetric keys), and HS256 when SUPABASE_JWT_SECRET ({@code rabaislocal.supabase.jwt-secret})
     * is set; the issuer must be the project's Auth ({@code <url>/auth/v1}), the audience {@code authenticated}.
     *
     * @param settings the settings
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean
    public JwtVerifier supabaseJwtVerifier(SupabaseSettings settings) {
        String url = settings.url().toString().replaceAll("/+$", "");
        // A token of another project signed with a shared secret is still refused: the issuer names the project.
        return JwtVerifier.fromSettings(settings).toBuilder().expectedIssuer(url + "/auth/v1").build();
    }

    /**
     * The audit sink: events are spooled on disk, then delivered in batches to {@code logs_audit} through the
     * service-role client; on shutdown it delivers what is pending (up to the flush timeout) before the client
     * closes, and what is left is replayed at the next start.
     *
     * @param serviceRole the service-role client
     * @param properties the starter's properties
     * @return the sink
     */
    @Bean
    @ConditionalOnMissingBean(AuditSink.class)
    @ConditionalOnRabaisKey(ConfigKey.SUPABASE_SERVICE_ROLE_KEY)
    public BatchingAuditSink supabaseAuditSink(@Qualifier(SERVICE_ROLE_CLIENT) SupabaseClient serviceRole,
                                               RabaisLocalProperties properties) {
        RabaisLocalProperties.Audit a = properties.supabase().audit();
        return BatchingAuditSink.builder().downstream(LogsAuditSink.create(serviceRole))
                .spoolDirectory(a.spoolDirectory()).linger(a.linger()).batchSize(a.batchSize())
                .flushTimeout(a.flushTimeout()).threadName("rabaislocal-audit").build();
    }

    /**
     * Without the service-role key, audit events cannot reach {@code logs_audit} (only the service role inserts
     * there): they go to the log, and a warning says so once.
     *
     * @return the sink
     */
    @Bean
    @ConditionalOnMissingBean(AuditSink.class)
    public AuditSink supabaseLogAuditSink() {
        LOG.warn("SUPABASE_SERVICE_ROLE_KEY is not set: audit events go to the log ({}), not to logs_audit",
                Slf4jAuditSink.LOGGER_NAME);
        return new Slf4jAuditSink();
    }

    /**
     * The CRUD template on the publishable client; a controller gets a user's copy from the verified-user resolver
     * or with {@link SupabaseCrud#withAccessToken(String)}.
     *
     * @param client the publishable client
     * @param auditSink the audit sink
     * @return the template
     */
    @Bean
    @ConditionalOnMissingBean
    public SupabaseCrud supabaseCrud(@Qualifier(CLIENT) SupabaseClient client, AuditSink auditSink) {
        return SupabaseCrud.builder().client(client).auditSink(auditSink).build();
    }
}
