package com.rabaislocal.sdk.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code rabaislocal.*} property of the starter. The service keys ({@code rabaislocal.supabase.url},
 * {@code rabaislocal.mailersend.api-key}, ...) are the SDK's configuration variables under their Spring names: they
 * are read by {@code SdkConfig} through the Environment, live (so a rotated key is picked up), and the seed's
 * variable names ({@code SUPABASE_URL}, ...) work as well. They are listed here so IDEs complete and document them;
 * secrets are never printed by {@link #toString()}.
 *
 * @param env the deployment: development (default), staging or production (RABAISLOCAL_ENV); unset, the first
 *     active profile that names one
 * @param supabase Supabase
 * @param mailersend MailerSend
 * @param openai OpenAI
 * @param goaffpro GoAffPro
 * @param make Make.com
 * @param webhooks the webhook endpoints
 * @param rateLimit the API rate limit
 * @param state where rate limits, blocks and webhook event ids live
 * @param alerts the alert rules
 */
@ConfigurationProperties("rabaislocal")
public record RabaisLocalProperties(String env, @DefaultValue Supabase supabase, @DefaultValue MailerSend mailersend,
                                    @DefaultValue OpenAi openai, @DefaultValue GoAffPro goaffpro,
                                    @DefaultValue Make make, @DefaultValue Webhooks webhooks,
                                    @DefaultValue RateLimit rateLimit, @DefaultValue State state,
                                    @DefaultValue Alerts alerts) {

    private static final String HIDDEN = "****";

    private static String mask(Object secret) {
        return secret == null ? "unset" : HIDDEN;
    }

    @Override
    public String toString() {
        return "RabaisLocalProperties[env=" + env + ", " + supabase + ", " + goaffpro + ", " + make + "]";
    }

    /**
     * Supabase (sdk-supabase).
     *
     * @param enabled false to create no Supabase bean even when its keys are set
     * @param url the project URL, https://&lt;ref&gt;.supabase.co (SUPABASE_URL)
     * @param anonKey the anon or publishable key (SUPABASE_ANON_KEY); secret
     * @param serviceRoleKey the service-role or secret key, for the service-role client and the logs_audit sink
     *     (SUPABASE_SERVICE_ROLE_KEY); secret
     * @param jwtSecret the project's legacy JWT secret (SUPABASE_JWT_SECRET, read by the SDK's settings like the
     *     other keys), to verify HS256 user tokens without a JWKS round trip; secret; unset, tokens are verified
     *     against the project's JWKS
     * @param audit the audit sink
     * @param health the health check
     */
    public record Supabase(@DefaultValue("true") boolean enabled, String url, String anonKey, String serviceRoleKey,
                           String jwtSecret, @DefaultValue Audit audit, @DefaultValue Health health) {
        @Override
        public String toString() {
            return "supabase[url=" + url + ", anonKey=" + mask(anonKey) + ", serviceRoleKey=" + mask(serviceRoleKey)
                    + ", jwtSecret=" + mask(jwtSecret) + "]";
        }
    }

    /**
     * The audit sink: a BatchingAuditSink in front of the logs_audit table.
     *
     * @param spoolDirectory where accepted events wait for delivery; survives restarts, so keep it on a
     *     persistent disk
     * @param linger how long the first queued event waits for a batch to fill
     * @param batchSize events per delivery
     * @param flushTimeout how long shutdown waits for the spool to be delivered
     */
    public record Audit(@DefaultValue("audit-spool") Path spoolDirectory, @DefaultValue("200ms") Duration linger,
                        @DefaultValue("100") int batchSize, @DefaultValue("30s") Duration flushTimeout) {
    }

    /**
     * A service's health check.
     *
     * @param table the Supabase table the check selects one id from
     * @param timeout the whole check's limit
     * @param slowAbove the round trip above which the service is reported degraded
     */
    public record Health(@DefaultValue("offers") String table, @DefaultValue("5s") Duration timeout,
                         @DefaultValue("500ms") Duration slowAbove) {
    }

    /**
     * MailerSend (sdk-mailersend).
     *
     * @param enabled false to create no MailerSend bean even when its keys are set
     * @param apiKey the API token (MAILERSEND_API_KEY); secret
     * @param domain the sending domain (MAILERSEND_DOMAIN)
     * @param baseUrl the API base URL, version path included (MAILERSEND_BASE_URL)
     */
    public record MailerSend(@DefaultValue("true") boolean enabled, String apiKey, String domain, String baseUrl) {
        @Override
        public String toString() {
            return "mailersend[apiKey=" + mask(apiKey) + ", domain=" + domain + "]";
        }
    }

    /**
     * OpenAI (sdk-openai).
     *
     * @param enabled false to create no OpenAI bean even when its keys are set
     * @param apiKey the API key (OPENAI_API_KEY); secret
     * @param orgId the organization id, org-... (OPENAI_ORG_ID)
     * @param projectId the project id, proj_... (OPENAI_PROJECT_ID)
     * @param baseUrl the API base URL, version path included (OPENAI_BASE_URL)
     */
    public record OpenAi(@DefaultValue("true") boolean enabled, String apiKey, String orgId, String projectId,
                         String baseUrl) {
        @Override
        public String toString() {
            return "openai[apiKey=" + mask(apiKey) + ", orgId=" + orgId + "]";
        }
    }

    /**
     * GoAffPro (sdk-goaffpro).
     *
     * @param enabled false to create no GoAffPro bean even when its keys are set
     * @param apiKey the admin access token (GOAFFPRO_API_KEY); secret
     * @param programId the program id (GOAFFPRO_PROGRAM_ID)
     * @param baseUrl the API base URL, version path included (GOAFFPRO_BASE_URL)
     */
    public record GoAffPro(@DefaultValue("true") boolean enabled, String apiKey, String programId, String baseUrl) {
        @Override
        public String toString() {
            return "goaffpro[apiKey=" + mask(apiKey) + ", baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * Make.com (sdk-make).
     *
     * @param enabled false to create no Make bean even when its keys are set
     * @param teamId the numeric team id (MAKE_TEAM_ID)
     * @param apiToken the API token (MAKE_API_TOKEN); secret
     * @param zone the zone: eu1, eu2, us1, us2 or the zone's host (MAKE_ZONE)
     * @param baseUrl the API base URL with /api/v2, instead of the zone (MAKE_BASE_URL)
     */
    public record Make(@DefaultValue("true") boolean enabled, String teamId, String apiToken, String zone,
                       String baseUrl) {
        @Override
        public String toString() {
            return "make[teamId=" + teamId + ", apiToken=" + mask(apiToken) + ", zone=" + zone + "]";
        }
    }

    /**
     * The webhook endpoints, each mounted when its secret is set and the application has a handler for it.
     *
     * @param trustedProxies proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed for the client IP
     * @param perMinute deliveries a minute per client IP on each endpoint
     * @param mailersend MailerSend's endpoint
     * @param goaffpro GoAffPro's endpoint
     * @param make Make.com's endpoint
     */
    public record Webhooks(@DefaultValue List<String> trustedProxies, @DefaultValue("10") long perMinute,
                           @DefaultValue Endpoint mailersend,
                           @DefaultValue Endpoint goaffpro, @DefaultValue Endpoint make) {
    }

    /**
     * One webhook endpoint.
     *
     * @param path the path it is mounted at; default /webhooks/&lt;name&gt;
     * @param secret MailerSend's signing secret, GoAffPro's URL token, or the x-make-apikey value Make sends;
     *     secret
     */
    public record Endpoint(String path, String secret) {
        @Override
        public String toString() {
            return "endpoint[path=" + path + ", secret=" + mask(secret) + "]";
        }
    }

    /**
     * The API rate limit, as a servlet filter (webhook paths are left to their receivers' own limit).
     *
     * @param enabled false for no filter
     * @param perMinute requests a minute per client IP
     * @param urlPatterns the servlet URL patterns it filters
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") long perMinute,
                            @DefaultValue("/*") List<String> urlPatterns) {
    }

    /**
     * Where the rate-limit counts, blocks and webhook event ids live, shared by the filter and the receivers.
     *
     * @param store auto (Redis on the application's Spring Data Redis Lettuce connection, else on redis-url when
     *     set, else memory), memory or redis
     * @param redisUrl a Redis URL (redis://host:6379/0) when the application has no Spring Data Redis connection;
     *     secret (it may hold a password)
     * @param keyPrefix the prefix of every Redis key
     */
    public record State(@DefaultValue("auto") Store store, String redisUrl,
                        @DefaultValue("rabaislocal:") String keyPrefix) {
        @Override
        public String toString() {
            return "state[store=" + store + ", redisUrl=" + mask(redisUrl) + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    /** Where the rate limits, blocks and webhook event ids live. */
    public enum Store {
        /** Redis when one is configured, else memory. */
        AUTO,
        /** This JVM's memory: one instance only. */
        MEMORY,
        /** Redis: shared by every instance. */
        REDIS
    }

    /**
     * The seed's alert rules, evaluated on a schedule.
     *
     * @param enabled false to schedule nothing
     * @param every how often the rules are evaluated
     * @param remindEvery how often a rule still firing is sent again
     * @param databaseDownAfter failed Supabase checks in a row that fire database-down
     * @param errorRate the error rate of the SDK's calls over 5 minutes that fires error-rate
     * @param databaseLatency the median Supabase call duration that fires database-latency
     * @param cpu the CPU load that fires cpu
     * @param storage the disk use of the audit spool's disk that fires storage
     * @param tlsHosts hosts whose certificate expiry is watched (14 days)
     * @param slackWebhookUrl Slack incoming-webhook URL for critical alerts; secret
     * @param emailTo who receives the alert emails through MailerSend (critical and warning); empty, no email
     */
    public record Alerts(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration every,
                         @DefaultValue("1h") Duration remindEvery, @DefaultValue("3") int databaseDownAfter,
                         @DefaultValue("0.05") double errorRate, @DefaultValue("500ms") Duration databaseLatency,
                         @DefaultValue("0.80") double cpu, @DefaultValue("0.90") double storage,
                         @DefaultValue List<String> tlsHosts, String slackWebhookUrl,
                         @DefaultValue List<String> emailTo) {
        @Override
        public String toString() {
            return "alerts[enabled=" + enabled + ", every=" + every + ", slack=" + mask(slackWebhookUrl)
                    + ", emailTo=" + emailTo.size() + "]";
        }
    }
}
