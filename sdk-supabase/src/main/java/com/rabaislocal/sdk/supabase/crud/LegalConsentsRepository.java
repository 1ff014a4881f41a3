package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.internal.IpLiteral;
import com.rabaislocal.sdk.supabase.postgrest.Order;
import com.rabaislocal.sdk.supabase.tables.ConsentType;
import com.rabaislocal.sdk.supabase.tables.LegalConsent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Consent decisions ({@code legal_consents}) as proof under Québec's Law 25: grant, refuse, revoke, the current
 * state per consent type, and the history. Immutable and thread-safe; get it from
 * {@link SupabaseCrud#legalConsents()}.
 *
 * <p>Append-only: there is no update and no delete. A decision is a new row (an idempotent, audited insert);
 * withdrawing sets {@code revoked_at} on the granted row, once, so the history keeps both the grant and its
 * withdrawal. For a user's token, the database takes the time, IP address and user agent from the request; the
 * service role may record the ones it observed through {@link #insert(Object)}.
 */
public final class LegalConsentsRepository
        extends AppendOnlyRepository<LegalConsent, UUID, LegalConsentsRepository> {

    static final Table<LegalConsent> TABLE = new Table<>(LegalConsent.TABLE, LegalConsent.class,
            Table.Ids.CLIENT_UUID, Set.of("id", "user_id", "consent_type", "version", "granted", "granted_at", "ip",
            "user_agent"), Set.of(), Set.of(), Set.of("granted_at", "ip", "user_agent"), false);

    private static final Pattern CONSENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,49}");
    private static final String REVOKED_AT = "revoked_at";

    LegalConsentsRepository(CrudContext ctx, RowValidator<LegalConsent> validator, boolean includeDeleted) {
        super(TABLE, ctx, validator, includeDeleted);
    }

    @Override
    LegalConsentsRepository copy(RowValidator<LegalConsent> validator, boolean includeDeleted) {
        return new LegalConsentsRepository(ctx, validator, includeDeleted);
    }

    /**
     * Returns the built-in checks of a decision, mirroring the table's constraints: {@code user_id} and
     * {@code granted} required; {@code consent_type} lower-case {@code [a-z][a-z0-9_]*}, at most 50 characters;
     * {@code version} not blank, at most 50; {@code revoked_at} not set on a new decision; {@code ip}, when set, an
     * IP address; {@code user_agent} at most 1000 characters.
     *
     * @return the validator every {@code LegalConsentsRepository} starts with
     */
    public static RowValidator<LegalConsent> defaultValidator() {
        return c -> {
            Checks checks = new Checks()
                    .required("user_id", c.userId())
                    .required("consent_type", c.consentType())
                    .matches("consent_type", c.consentType() == null ? null : c.consentType().value(), CONSENT_TYPE,
                            "lower-case letters, digits and _ starting with a letter, at most 50 characters")
                    .text("version", c.version(), true, 50)
                    .required("granted", c.granted())
                    .maxLength("user_agent", c.userAgent(), 1000);
            if (c.revokedAt() != null) {
                checks.add(REVOKED_AT, "must not be set on a new decision: record it, then revoke it");
            }
            if (c.ip() != null && !IpLiteral.isValid(c.ip())) {
                checks.add("ip", "is not an IPv4 or IPv6 address");
            }
            return checks.result();
        };
    }

    /**
     * Records that a user gives their consent to a version of a document.
     *
     * @param userId the user; a user's token may record only their own decisions
     * @param consentType e.g. {@link ConsentType#TERMS}, {@link ConsentType#PRIVACY}, {@link ConsentType#MARKETING}
     * @param version the version of the document the user saw
     * @return the recorded decision
     * @throws ValidationException if an argument is invalid (nothing sent)
     */
    public LegalConsent grant(UUID userId, ConsentType consentType, String version) {
        return decide(userId, consentType, version, true);
    }

    /**
     * Records that the signed-in user the client acts for gives their consent.
     *
     * @param consentType e.g. {@link ConsentType#TERMS}
     * @param version the version of the document the user saw
     * @return the recorded decision
     * @throws ValidationException if the client carries no user token, or an argument is invalid (nothing sent)
     */
    public LegalConsent grant(ConsentType consentType, String version) {
        return decide(me(), consentType, version, true);
    }

    /**
     * Records that a user explicitly refuses a version of a document (a refusal cannot be revoked; consenting later
     * is a new decision).
     *
     * @param userId the user; a user's token may record only their own decisions
     * @param consentType e.g. {@link ConsentType#MARKETING}
     * @param version the version of the document the user saw
     * @return the recorded decision
     * @throws ValidationException if an argument is invalid (nothing sent)
     */
    public LegalConsent refuse(UUID userId, ConsentType consentType, String version) {
        return decide(userId, consentType, version, false);
    }

    /**
     * Records that the signed-in user the client acts for refuses a version of a document.
     *
     * @param consentType e.g. {@link ConsentType#MARKETING}
     * @param version the version of the document the user saw
     * @return the recorded decision
     * @throws ValidationException if the client carries no user token, or an argument is invalid (nothing sent)
     */
    public LegalConsent refuse(ConsentType consentType, String version) {
        return decide(me(), consentType, version, false);
    }

    /**
     * Withdraws a given consent: sets its {@code revoked_at} to the database's time (once; the grant stays in the
     * history), and emits one {@code update} audit event. Revoking a consent that is already revoked changes
     * nothing, emits nothing, and returns it as it is.
     *
     * @param consentId the id of the granted decision
     * @return the decision after the operation
     * @throws RowNotFoundException if no such decision is visible to this client
     * @throws com.rabaislocal.sdk.core.error.PermissionDeniedException if the decision was a refusal, which cannot
     *     be revoked
     */
    public LegalConsent revoke(UUID consentId) {
        return bind(stampOnce("revoke", idText(consentId), REVOKED_AT, List.of(REVOKED_AT), AuditEvent.UPDATE),
                "revoke in");
    }

    /**
     * Withdraws a user's consent of one type if it is in force.
     *
     * @param userId the user
     * @param consentType e.g. {@link ConsentType#MARKETING}
     * @return the revoked decision; empty when no consent of that type was in force
     */
    public Optional<LegalConsent> revokeCurrent(UUID userId, ConsentType consentType) {
        Optional<LegalConsent> current = current(userId, consentType);
        return current.filter(LegalConsent::isActive).map(c -> revoke(c.id()));
    }

    /**
     * Reads a user's latest decision of one type: in force when {@link LegalConsent#isActive()}.
     *
     * @param userId the user
     * @param consentType e.g. {@link ConsentType#TERMS}
     * @return the latest decision; empty when the user never decided
     */
    public Optional<LegalConsent> current(UUID userId, ConsentType consentType) {
        checkArgs(userId, consentType, true, null, false);
        return select().eq("user_id", userId).eq("consent_type", consentType)
                .order("granted_at", Order.desc()).limit(1).maybeSingle(LegalConsent.class);
    }

    /**
     * Reads a user's latest decision of every type they decided on.
     *
     * @param userId the user
     * @return consent type to latest decision, by type name
     */
    public Map<ConsentType, LegalConsent> currentState(UUID userId) {
        checkArgs(userId, null, false, null, false);
        Map<ConsentType, LegalConsent> out = new LinkedHashMap<>();
        for (LegalConsent c : history(userId)) {
            out.putIfAbsent(c.consentType(), c);
        }
        return out;
    }

    /**
     * Reads every decision of a user, grants, refusals and revoked grants alike.
     *
     * @param userId the user
     * @return by consent type, newest first within a type
     */
    public List<LegalConsent> history(UUID userId) {
        checkArgs(userId, null, false, null, false);
        return list(q -> q.eq("user_id", userId).order("consent_type").order("granted_at", Order.desc()));
    }

    /**
     * Reads every decision of a user on one consent type.
     *
     * @param userId the user
     * @param consentType e.g. {@link ConsentType#MARKETING}
     * @return newest first
     */
    public List<LegalConsent> history(UUID userId, ConsentType consentType) {
        checkArgs(userId, consentType, true, null, false);
        return list(q -> q.eq("user_id", userId).eq("consent_type", consentType).order("granted_at", Order.desc()));
    }

    private LegalConsent decide(UUID userId, ConsentType consentType, String version, boolean granted) {
        checkArgs(userId, consentType, true, version, true);
        return insert(LegalConsent.builder().userId(userId).consentType(consentType).version(version)
                .granted(granted).build());
    }

    private UUID me() {
        return ctx.actor.userId().orElseThrow(() -> new ValidationException("userId", "is required: this client"
                + " acts as " + ctx.actor.role() + ", not as a signed-in user (use crud.withAccessToken(jwt), or pass"
                + " the user id)"));
    }

    private static void checkArgs(UUID userId, ConsentType consentType, boolean withType, String version,
                                  boolean withVersion) {
        Checks c = new Checks().required("userId", userId);
        if (withType) {
            c.required("consentType", consentType).matches("consentType",
                    consentType == null ? null : consentType.value(), CONSENT_TYPE,
                    "lower-case letters, digits and _ starting with a letter, at most 50 characters");
        }
        if (withVersion) {
            c.text("version", version, true, 50);
        }
        if (!c.result().isEmpty()) {
            throw new ValidationException("consent arguments", c.result());
        }
    }
}
