package com.rabaislocal.sdk.examples;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.audit.BatchingAuditSink;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.config.SupabaseSettings;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.AuthClient;
import com.rabaislocal.sdk.supabase.auth.PasswordCredentials;
import com.rabaislocal.sdk.supabase.auth.Session;
import com.rabaislocal.sdk.supabase.auth.SignOutScope;
import com.rabaislocal.sdk.supabase.auth.User;
import com.rabaislocal.sdk.supabase.crud.Credits;
import com.rabaislocal.sdk.supabase.crud.InsufficientCreditsException;
import com.rabaislocal.sdk.supabase.crud.LogsAuditSink;
import com.rabaislocal.sdk.supabase.crud.RequestContext;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.supabase.postgrest.Order;
import com.rabaislocal.sdk.supabase.tables.ConsentType;
import com.rabaislocal.sdk.supabase.tables.CreditTransaction;
import com.rabaislocal.sdk.supabase.tables.CreditsPackage;
import com.rabaislocal.sdk.supabase.tables.LegalConsent;
import com.rabaislocal.sdk.supabase.tables.Offer;
import com.rabaislocal.sdk.supabase.tables.OfferStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Supabase walk-through: what a RabaisLocal service does with {@code sdk-supabase}, step by step, printing what
 * each step sends and what came back.
 *
 * <ol>
 *   <li>sign in with e-mail and password ({@link AuthClient});</li>
 *   <li>list the live offers through the CRUD template ({@link SupabaseCrud#offers()});</li>
 *   <li>create an offer as the signed-in merchant, then soft-delete it, listing again after each;</li>
 *   <li>record a consent ({@link SupabaseCrud#legalConsents()});</li>
 *   <li>buy credits (service role), spend some, try to overspend, read the balance ({@link SupabaseCrud#credits()});</li>
 *   <li>show the audit events the mutations emitted, and how many reached {@code logs_audit}.</li>
 * </ol>
 *
 * <p>It runs against a real project or the local stand-in, as chosen by {@link SupabaseTarget}. Against a real
 * project it leaves what a user of the platform would: a soft-deleted offer, a consent, credit movements and audit
 * rows; the idempotency keys carry a random run id, so every run is new. Tokens and keys are never printed, only
 * their fingerprint.
 */
public final class SupabaseWalkthrough {

    /** How many live offers the listing asks for. */
    public static final int LIST_LIMIT = 10;
    /** The credits the spend step spends. */
    public static final int SPEND_AMOUNT = 30;
    /** The consent the walk-through records: its type. */
    public static final ConsentType CONSENT_TYPE = ConsentType.TERMS;
    /** The consent the walk-through records: the version of the terms. */
    public static final String CONSENT_VERSION = "2025-06";

    private static final String INDENT = "    ";

    /**
     * What the walk-through did, for callers that check it (the examples' tests do).
     *
     * @param mode where it ran
     * @param user the signed-in user
     * @param liveBefore the live offers before anything was created
     * @param created the offer created
     * @param liveAfterCreate the live offers once it was created
     * @param deleted the offer once soft-deleted
     * @param liveAfterDelete the live offers once it was soft-deleted
     * @param consent the consent recorded
     * @param balanceBefore the credits before the credit step
     * @param purchase the purchase, empty when skipped (no service-role key or no package on sale)
     * @param purchaseReplay the same purchase sent again with the same idempotency key, empty when skipped
     * @param spend the spend, empty when the balance was too low to spend {@value #SPEND_AMOUNT}
     * @param overdraw the refusal of a spend of one credit more than the balance
     * @param balanceAfter the credits at the end
     * @param auditEvents the audit events emitted, in order
     * @param auditStored how many of them were stored in {@code logs_audit} by the walk-through's sink (0 without a
     *     service-role key)
     */
    public record Result(SupabaseTarget.Mode mode, User user, List<Offer> liveBefore, Offer created,
                         List<Offer> liveAfterCreate, Offer deleted, List<Offer> liveAfterDelete, LegalConsent consent,
                         int balanceBefore, Optional<CreditTransaction> purchase,
                         Optional<CreditTransaction> purchaseReplay, Optional<CreditTransaction> spend,
                         InsufficientCreditsException overdraw, int balanceAfter, List<AuditEvent> auditEvents,
                         long auditStored) {
    }

    private SupabaseWalkthrough() {
    }

    /**
     * Chooses the target from this process ({@link SupabaseTarget#fromProcess()}), prints it, and runs the
     * walk-through; a stand-in started for the run is stopped afterwards.
     *
     * @param out where to print
     * @return what the walk-through did
     * @throws ConfigException when the Supabase variables are set but incomplete or invalid; the problems are
     *     printed first
     * @throws com.rabaislocal.sdk.core.error.RabaisSdkException when a call to Supabase fails
     */
    public static Result runFromProcess(PrintStream out) {
        SupabaseTarget target;
        try {
            target = SupabaseTarget.fromProcess();
        } catch (ConfigException e) {
            out.println("Cannot run against Supabase: the SUPABASE_* variables are set, but:");
            e.problems().forEach(p -> out.println(INDENT + "- " + p));
            out.println("Fix them, or unset SUPABASE_URL to run against the local stand-in.");
            throw e;
        }
        try (target) {
            return run(target, out);
        }
    }

    /**
     * Runs the walk-through against a target.
     *
     * @param target where to run and as whom; not closed here
     * @param out where to print
     * @return what the walk-through did
     * @throws com.rabaislocal.sdk.core.error.RabaisSdkException when a call to Supabase fails
     */
    public static Result run(SupabaseTarget target, PrintStream out) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(out, "out");
        SupabaseSettings settings = target.settings();
        String url = settings.url().toString();
        String runId = newRunId();
        out.println("Target: " + target.describe());

        Optional<CredentialProvider> serviceKey = target.serviceRoleKey();
        try (AuthClient auth = AuthClient.builder().url(url).apiKey(settings.anonKey()).build();
             SupabaseClient anon = SupabaseClient.fromSettings(settings);
             SupabaseClient service = serviceKey.isPresent() ? SupabaseClient.serviceRoleFromSettings(settings)
                     : null;
             AuditStore store = AuditStore.open(service)) {
            PrintingAuditSink audit = new PrintingAuditSink(out, INDENT, store.sink());
            out.println("Audit events are printed as the CRUD template emits them" + (service != null
                    ? ", and stored in logs_audit by LogsAuditSink (service role) behind a BatchingAuditSink."
                    : "; SUPABASE_SERVICE_ROLE_KEY is not set, so the walk-through does not store them itself (the "
                    + "database's audit trigger records each mutation in logs_audit anyway)."));
            return new Steps(target, out, runId, auth, anon, service, audit, store).run();
        }
    }

    /** The steps of one run, sharing the clients and what came back. */
    private static final class Steps {
        private final SupabaseTarget target;
        private final PrintStream out;
        private final String runId;
        private final AuthClient auth;
        private final SupabaseClient anon;
        private final SupabaseClient service;
        private final PrintingAuditSink audit;
        private final AuditStore store;

        Steps(SupabaseTarget target, PrintStream out, String runId, AuthClient auth, SupabaseClient anon,
              SupabaseClient service, PrintingAuditSink audit, AuditStore store) {
            this.target = target;
            this.out = out;
            this.runId = runId;
            this.auth = auth;
            this.anon = anon;
            this.service = service;
            this.audit = audit;
            this.store = store;
        }

        Result run() {
            step(1, "Sign in with e-mail and password (AuthClient, POST /auth/v1/token?grant_type=password)");
            Session session = auth.signInWithPassword(PasswordCredentials.email(target.email(), target.password()));
            User user = session.user();
            Secret token = session.accessToken();
            say("signed in as " + user.email() + ": user " + user.id() + ", role " + user.role() + ", app role "
                    + user.appMetadata().getOrDefault("role", "(none)"));
            say("access token: " + token.length() + " characters, fingerprint " + token.fingerprint() + ", expires "
                    + session.expiresAt() + " (tokens and keys are never printed)");
            // One template per request: the user's token (RLS applies to them) and a request id for the audit trail.
            SupabaseCrud crud = SupabaseCrud.builder().client(anon).auditSink(audit).build()
                    .withAccessToken(token.reveal())
                    .withRequestContext(RequestContext.of(null, "walkthrough-" + runId));

            step(2, "List the live offers (crud.offers().list(...), GET /rest/v1/offers)");
            say("filters: status = active, not deleted, started, not ended; newest first, at most " + LIST_LIMIT);
            List<Offer> liveBefore = liveOffers(crud);
            say(liveBefore.size() + " live offer" + (liveBefore.size() == 1 ? "" : "s") + ":");
            liveBefore.forEach(o -> say("  - " + describe(o)));

            step(3, "Create an offer, then soft-delete it (crud.offers().insert / softDelete)");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Offer created = crud.offers().insert(Offer.builder()
                    .merchantId(user.id())
                    .title("Bagels au sésame : 6 pour le prix de 5")
                    .description("Offre de démonstration du SDK Java RabaisLocal (" + runId + ").")
                    .discountPercent(new BigDecimal("16.67"))
                    .city("Montréal")
                    .status(OfferStatus.ACTIVE)
                    // A minute early, so a client clock slightly ahead of the database still lists it at once.
                    .startsAt(now.minus(Duration.ofMinutes(1)))
                    .endsAt(now.plus(Duration.ofDays(7)))
                    .build());
            say("created offer " + created.id() + ": " + describe(created) + ", status " + created.status());
            List<Offer> liveAfterCreate = liveOffers(crud);
            say("live offers now: " + liveAfterCreate.size() + (contains(liveAfterCreate, created)
                    ? " (the new offer is listed)" : " (the new offer is NOT listed)"));
            Offer deleted = crud.offers().softDelete(created.id());
            say("soft-deleted: deleted_at " + deleted.deletedAt() + ", deleted_by " + deleted.deletedBy()
                    + " (stamped by the database, not sent by the client)");
            List<Offer> liveAfterDelete = liveOffers(crud);
            boolean stillReadable = crud.offers().includeDeleted().findById(created.id()).isPresent();
            say("live offers now: " + liveAfterDelete.size() + (contains(liveAfterDelete, created)
                    ? " (the deleted offer is STILL listed)" : " (the deleted offer is gone)")
                    + (stillReadable ? "; its merchant still reads it with includeDeleted(), to restore it" : ""));

            step(4, "Record a consent (crud.legalConsents().grant(\"" + CONSENT_TYPE + "\", \"" + CONSENT_VERSION
                    + "\"), POST /rest/v1/legal_consents)");
            LegalConsent consent = crud.legalConsents().grant(CONSENT_TYPE, CONSENT_VERSION);
            say("consent " + consent.id() + ": " + consent.consentType() + " version " + consent.version()
                    + (Boolean.TRUE.equals(consent.granted()) ? " granted" : " refused") + " at " + consent.grantedAt()
                    + ", ip " + consent.ip() + ", user agent " + consent.userAgent());
            say("(the time, IP and user agent are the database's, taken from the request: proof under Law 25)");

            step(5, "Buy and spend credits (crud.credits(): purchase_credits, spend_credits, credit_balance)");
            Credits credits = crud.credits();
            int balanceBefore = credits.balance();
            say("balance: " + balanceBefore);
            Optional<CreditTransaction> purchase = Optional.empty();
            Optional<CreditTransaction> replay = Optional.empty();
            if (service == null) {
                say("purchase skipped: SUPABASE_SERVICE_ROLE_KEY is not set, and purchase_credits is for the "
                        + "service role only (the payment backend records purchases)");
            } else {
                List<CreditsPackage> packages = crud.creditsPackages().listActive();
                if (packages.isEmpty()) {
                    say("purchase skipped: no credit package is on sale");
                } else {
                    CreditsPackage pack = packages.get(0);
                    say("cheapest package on sale: " + pack.name() + ", " + pack.credits() + " credits for "
                            + money(pack.priceCents()) + " " + pack.currency());
                    Credits asBackend = SupabaseCrud.builder().client(service).auditSink(audit).build().credits();
                    String key = "walkthrough-purchase-" + runId;
                    purchase = Optional.of(asBackend.purchase(user.id(), pack.id(), key));
                    say("purchase (service role, idempotency key " + key + "): " + movement(purchase.get()));
                    replay = Optional.of(asBackend.purchase(user.id(), pack.id(), key));
                    say("the same purchase again (a retried payment webhook): ledger row "
                            + replay.get().id() + " again, nothing credited twice");
                }
            }
            int balance = credits.balance();
            Optional<CreditTransaction> spend = Optional.empty();
            if (balance >= SPEND_AMOUNT) {
                spend = Optional.of(credits.spend(SPEND_AMOUNT, "Mise en avant d'une offre",
                        "walkthrough-spend-" + runId));
                say("spend " + SPEND_AMOUNT + " (the signed-in user): " + movement(spend.get()));
                balance = spend.get().balanceAfter();
            } else {
                say("spend skipped: the balance (" + balance + ") is below " + SPEND_AMOUNT);
            }
            InsufficientCreditsException overdraw;
            try {
                credits.spend(balance + 1, "Plus que le solde", "walkthrough-overdraw-" + runId);
                throw new IllegalStateException("the database accepted a spend of " + (balance + 1)
                        + " credits with a balance of " + balance);
            } catch (InsufficientCreditsException e) {
                overdraw = e;
            }
            say("spend " + (balance + 1) + ": refused with " + overdraw.getClass().getSimpleName() + " (code "
                    + overdraw.code().orElse("?") + ", HTTP " + overdraw.httpStatus() + "): balance "
                    + text(overdraw.balance()) + ", requested " + text(overdraw.requested()) + "; nothing moved");
            int balanceAfter = credits.balance();
            say("balance: " + balanceAfter + " (credit movements emit no audit event: the ledger is their trail)");

            step(6, "Audit trail");
            List<AuditEvent> events = audit.events();
            say(events.size() + " audit events emitted, one per audited mutation: " + events.stream()
                    .map(e -> e.action() + " " + e.entityType()).collect(Collectors.joining(", ")));
            long stored = store.deliver();
            say(service == null ? "not stored by the walk-through (no service-role key)"
                    : stored + " of " + events.size() + " stored in logs_audit (one row per event id)");
            auth.signOut(token, SignOutScope.LOCAL);
            say("signed out");
            return new Result(target.mode(), user, liveBefore, created, liveAfterCreate, deleted, liveAfterDelete,
                    consent, balanceBefore, purchase, replay, spend, overdraw, balanceAfter, events, stored);
        }

        private List<Offer> liveOffers(SupabaseCrud crud) {
            // The client's clock stands in for now(); the repository adds deleted_at=is.null itself.
            Instant now = Instant.now();
            return crud.offers().list(q -> q.eq("status", OfferStatus.ACTIVE)
                    .lte("starts_at", now)
                    .or(c -> c.is("ends_at", null).gt("ends_at", now))
                    .order("starts_at", Order.desc())
                    .limit(LIST_LIMIT));
        }

        private void step(int n, String title) {
            out.println();
            out.println("[" + n + "/6] " + title);
        }

        private void say(String line) {
            out.println(INDENT + line);
        }
    }

    /**
     * Where the walk-through stores the audit events: {@link LogsAuditSink} behind a {@link BatchingAuditSink}
     * spooling to a temporary directory, as a service would, when there is a service-role client; nothing otherwise.
     */
    private static final class AuditStore implements AutoCloseable {
        private final BatchingAuditSink batching;
        private final Path spool;

        private AuditStore(BatchingAuditSink batching, Path spool) {
            this.batching = batching;
            this.spool = spool;
        }

        static AuditStore open(SupabaseClient service) {
            if (service == null) {
                return new AuditStore(null, null);
            }
            try {
                Path spool = Files.createTempDirectory("rabaislocal-audit-spool-");
                return new AuditStore(BatchingAuditSink.builder().downstream(LogsAuditSink.create(service))
                        .spoolDirectory(spool).build(), spool);
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary directory for the audit spool", e);
            }
        }

        /** The sink to pass events on to, or null. */
        AuditSink sink() {
            return batching;
        }

        /** Sends what is queued and returns how many events reached logs_audit so far. */
        long deliver() {
            if (batching == null) {
                return 0;
            }
            batching.flush();
            return batching.deliveredCount();
        }

        @Override
        public void close() {
            if (batching == null) {
                return;
            }
            batching.close();
            try (var left = Files.list(spool)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(spool);
                }
            } catch (IOException e) {
                // An undelivered spool stays on disk for the next run; nothing else to do here.
            }
        }
    }

    private static boolean contains(List<Offer> offers, Offer offer) {
        return offers.stream().anyMatch(o -> o.id().equals(offer.id()));
    }

    /** One line per offer: title, city, discount, end. */
    static String describe(Offer o) {
        String discount = o.discountPercent() != null
                ? o.discountPercent().stripTrailingZeros().toPlainString() + "% off"
                : money(o.discountAmountCents()) + " $ off";
        return "\"" + o.title() + "\" | " + o.city() + " | " + discount + " | "
                + (o.endsAt() == null ? "no end date" : "until " + o.endsAt().truncatedTo(ChronoUnit.MINUTES));
    }

    private static String movement(CreditTransaction t) {
        return (t.delta() > 0 ? "+" : "") + t.delta() + " credits, balance " + t.balanceAfter() + ", ledger row "
                + t.id() + " (" + t.reason() + ")";
    }

    private static String money(Integer cents) {
        return cents == null ? "?" : String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private static String text(OptionalInt n) {
        return n.isPresent() ? String.valueOf(n.getAsInt()) : "?";
    }

    /** A fresh id of 8 hex digits for the idempotency keys and the request id of one run. */
    private static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
