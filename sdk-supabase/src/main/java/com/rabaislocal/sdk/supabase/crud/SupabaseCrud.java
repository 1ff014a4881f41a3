package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.VerifiedUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The CRUD template for RabaisLocal's global tables: one ready repository per table, and the credit functions, on
 * top of a {@link SupabaseClient}, with every insert, update, soft delete, restore and purge validated and audited.
 * Immutable and thread-safe: keep one per client and derive one per request with {@link #withAccessToken(String)}
 * and {@link #withRequestContext(RequestContext)} (cheap; the connection pool is shared).
 *
 * <pre>{@code
 * SupabaseCrud crud = SupabaseCrud.builder().client(supabase).auditSink(audit).build();
 *
 * SupabaseCrud asUser = crud.withAccessToken(userJwt).withRequestContext(RequestContext.of(ip, requestId));
 * Offer offer = asUser.offers().insert(Offer.builder().merchantId(me).title("Pizza 2 pour 1")
 *         .discountPercent(new BigDecimal("50")).city("Sherbrooke").build());
 * asUser.offers().softDelete(offer.id());
 * }</pre>
 *
 * <p>The audit events name the actor from the client: the {@code sub} and {@code role} of its user JWT, or the
 * service role (see {@link Actor}). Neither the client nor the sink is closed by this object: their owner closes
 * them.
 */
public final class SupabaseCrud {

    private final Builder settings;
    private final CrudContext ctx;
    private final UsersRepository users;
    private final LogsAuditRepository logsAudit;
    private final LegalConsentsRepository legalConsents;
    private final CreditsPackagesRepository creditsPackages;
    private final CreditsTransactionsRepository creditsTransactions;
    private final OffersRepository offers;
    private final AiAgentsRepository aiAgents;
    private final Credits credits;

    private SupabaseCrud(Builder b) {
        this.settings = b.copy();
        this.ctx = new CrudContext(b.client, b.auditSink, b.requestContext, b.clock, b.idGenerator, b.eventIdGenerator);
        this.users = new UsersRepository(ctx, UsersRepository.defaultValidator(), false);
        this.logsAudit = new LogsAuditRepository(ctx);
        this.legalConsents = new LegalConsentsRepository(ctx, LegalConsentsRepository.defaultValidator(), false);
        this.creditsPackages = new CreditsPackagesRepository(ctx, CreditsPackagesRepository.defaultValidator(), false);
        this.creditsTransactions = new CreditsTransactionsRepository(ctx);
        this.offers = new OffersRepository(ctx, OffersRepository.defaultValidator(), false);
        this.aiAgents = new AiAgentsRepository(ctx, AiAgentsRepository.defaultValidator(), false);
        this.credits = new Credits(ctx);
    }

    /**
     * Starts the settings; {@link Builder#client(SupabaseClient)} and {@link Builder#auditSink(AuditSink)} are
     * required.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's settings */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * Returns the same template acting as a signed-in user: the client becomes
     * {@link SupabaseClient#withAccessToken(String)}, so Row Level Security applies to that user, and audit events
     * name them.
     *
     * @param userJwt the user's access token
     * @return the per-user template
     * @throws ValidationException if the value is not a JWT with readable claims
     */
    public SupabaseCrud withAccessToken(String userJwt) {
        return toBuilder().client(settings.client.withAccessToken(userJwt)).build();
    }

    /**
     * As {@link #withAccessToken(String)}, from a token held as a {@link Secret}.
     *
     * @param userJwt the user's access token
     * @return the per-user template
     * @throws ValidationException if the value is not a JWT
     */
    public SupabaseCrud withAccessToken(Secret userJwt) {
        return toBuilder().client(settings.client.withAccessToken(userJwt)).build();
    }

    /**
     * Returns the template acting as a user {@link com.rabaislocal.sdk.supabase.auth.JwtVerifier} has verified,
     * in one call: {@code crud.as(verifier.verifyUserFromHeader(authorization)).offers().insert(...)}.
     *
     * @param user the verified user
     * @return the per-user template; Row Level Security applies to that user, and audit events name them
     */
    public SupabaseCrud as(VerifiedUser user) {
        if (user == null) {
            throw new ValidationException("user", "must not be null: verify the request's token first");
        }
        return withAccessToken(user.accessToken());
    }

    /**
     * Returns the same template recording where the request being handled came from, on audit events and in the
     * headers the database's audit trigger reads.
     *
     * @param requestContext the IP address and request id, or {@link RequestContext#none()}
     * @return the template for that request
     */
    public SupabaseCrud withRequestContext(RequestContext requestContext) {
        return toBuilder().requestContext(requestContext).build();
    }

    /** @return the client every repository uses */
    public SupabaseClient client() {
        return settings.client;
    }

    /** @return the sink every audit event goes to */
    public AuditSink auditSink() {
        return settings.auditSink;
    }

    /** @return where the request being handled came from; {@link RequestContext#none()} by default */
    public RequestContext requestContext() {
        return settings.requestContext;
    }

    /** @return who acts, as recorded on audit events */
    public Actor actor() {
        return ctx.actor;
    }

    /** @return the repository of {@code users} (profiles; soft delete) */
    public UsersRepository users() {
        return users;
    }

    /** @return the read-only repository of {@code logs_audit} */
    public LogsAuditRepository logsAudit() {
        return logsAudit;
    }

    /** @return the repository of {@code legal_consents} (append-only: grant, refuse, revoke, state, history) */
    public LegalConsentsRepository legalConsents() {
        return legalConsents;
    }

    /** @return the repository of {@code credits_packages} (reads; admin and service-role writes) */
    public CreditsPackagesRepository creditsPackages() {
        return creditsPackages;
    }

    /** @return the read-only repository of {@code credits_transactions} (the ledger) */
    public CreditsTransactionsRepository creditsTransactions() {
        return creditsTransactions;
    }

    /** @return the repository of {@code offers} (soft delete) */
    public OffersRepository offers() {
        return offers;
    }

    /** @return the repository of {@code ai_agents} (soft delete) */
    public AiAgentsRepository aiAgents() {
        return aiAgents;
    }

    /** @return the credit functions: purchase, spend, adjust, balance */
    public Credits credits() {
        return credits;
    }

    @Override
    public String toString() {
        return "SupabaseCrud{" + settings.client + ", " + ctx.actor + ", " + settings.requestContext + '}';
    }

    /** Collects the settings of a {@link SupabaseCrud}; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private SupabaseClient client;
        private AuditSink auditSink;
        private RequestContext requestContext = RequestContext.none();
        private Clock clock = Clock.systemUTC();
        private Supplier<UUID> idGenerator = UUID::randomUUID;
        private Supplier<UUID> eventIdGenerator = UUID::randomUUID;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.client = client;
            b.auditSink = auditSink;
            b.requestContext = requestContext;
            b.clock = clock;
            b.idGenerator = idGenerator;
            b.eventIdGenerator = eventIdGenerator;
            return b;
        }

        /**
         * Sets the client the repositories use. Required.
         *
         * @param client the publishable-key client (optionally with a user token) or the service-role client
         * @return this builder
         */
        public Builder client(SupabaseClient client) {
            this.client = client;
            return this;
        }

        /**
         * Sets where audit events go. Required. Use a {@code BatchingAuditSink} in front of a remote sink such as
         * {@link LogsAuditSink}, so a mutation never waits for, or fails because of, the audit store.
         *
         * @param auditSink the sink
         * @return this builder
         */
        public Builder auditSink(AuditSink auditSink) {
            this.auditSink = auditSink;
            return this;
        }

        /**
         * Sets where the request being handled came from.
         *
         * @param requestContext the context; default {@link RequestContext#none()}
         * @return this builder
         */
        public Builder requestContext(RequestContext requestContext) {
            this.requestContext = requestContext;
            return this;
        }

        /**
         * Sets the clock that dates audit events.
         *
         * @param clock the clock; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets how new rows get their id when the row has none.
         *
         * @param idGenerator a source of unique UUIDs; default {@link UUID#randomUUID()}
         * @return this builder
         */
        public Builder idGenerator(Supplier<UUID> idGenerator) {
            this.idGenerator = idGenerator;
            return this;
        }

        /**
         * Sets how audit events get their id (sent as {@code X-Audit-Event-Id} and stored as
         * {@code logs_audit.event_id}).
         *
         * @param eventIdGenerator a source of unique UUIDs; default {@link UUID#randomUUID()}
         * @return this builder
         */
        public Builder eventIdGenerator(Supplier<UUID> eventIdGenerator) {
            this.eventIdGenerator = eventIdGenerator;
            return this;
        }

        /**
         * Validates the settings and creates the template.
         *
         * @return the template
         * @throws ValidationException naming every missing or invalid setting, or if the client's user JWT carries
         *     no readable claims
         */
        public SupabaseCrud build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            if (client == null) {
                errors.computeIfAbsent("client", k -> new ArrayList<>()).add("is required: the SupabaseClient the"
                        + " repositories use");
            }
            if (auditSink == null) {
                errors.computeIfAbsent("auditSink", k -> new ArrayList<>()).add("is required: where audit events go,"
                        + " e.g. a BatchingAuditSink in front of LogsAuditSink");
            }
            if (requestContext == null) {
                errors.computeIfAbsent("requestContext", k -> new ArrayList<>()).add("must not be null; use"
                        + " RequestContext.none()");
            }
            if (clock == null) {
                errors.computeIfAbsent("clock", k -> new ArrayList<>()).add("must not be null");
            }
            if (idGenerator == null) {
                errors.computeIfAbsent("idGenerator", k -> new ArrayList<>()).add("must not be null");
            }
            if (eventIdGenerator == null) {
                errors.computeIfAbsent("eventIdGenerator", k -> new ArrayList<>()).add("must not be null");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("SupabaseCrud settings", errors);
            }
            return new SupabaseCrud(this);
        }
    }
}
