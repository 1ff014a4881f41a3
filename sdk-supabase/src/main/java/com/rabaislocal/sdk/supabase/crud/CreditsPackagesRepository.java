package com.rabaislocal.sdk.supabase.crud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.rabaislocal.sdk.core.audit.AuditEvent;
import com.rabaislocal.sdk.supabase.tables.CreditsPackage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code credits_packages} on sale: everyone reads the active ones; admins and the service role insert, update,
 * activate and deactivate (each audited); the service role purges a package that was never sold. The table has no
 * soft delete: withdraw a package with {@link #deactivate(UUID)}. Immutable and thread-safe; get it from
 * {@link SupabaseCrud#creditsPackages()}.
 */
public final class CreditsPackagesRepository
        extends CrudRepository<CreditsPackage, UUID, CreditsPackagesRepository> {

    static final Table<CreditsPackage> TABLE;

    static {
        Set<String> writable = Set.of("name", "credits", "price_cents", "currency", "active");
        Set<String> insert = new HashSet<>(writable);
        insert.add("id");
        TABLE = new Table<>(CreditsPackage.TABLE, CreditsPackage.class, Table.Ids.CLIENT_UUID, insert, writable,
                writable, Set.of(), false);
    }

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    CreditsPackagesRepository(CrudContext ctx, RowValidator<CreditsPackage> validator, boolean includeDeleted) {
        super(TABLE, ctx, validator, includeDeleted);
    }

    @Override
    CreditsPackagesRepository copy(RowValidator<CreditsPackage> validator, boolean includeDeleted) {
        return new CreditsPackagesRepository(ctx, validator, includeDeleted);
    }

    /**
     * Returns the built-in checks of a package, mirroring the table's constraints: {@code name} not blank, at most
     * 100 characters; {@code credits} required, more than 0; {@code price_cents} required, 0 or more;
     * {@code currency}, when set, three upper-case letters (ISO 4217).
     *
     * @return the validator every {@code CreditsPackagesRepository} starts with
     */
    public static RowValidator<CreditsPackage> defaultValidator() {
        return p -> new Checks()
                .text("name", p.name(), true, 100)
                .required("credits", p.credits())
                .atLeast("credits", p.credits(), 1)
                .required("price_cents", p.priceCents())
                .atLeast("price_cents", p.priceCents(), 0)
                .matches("currency", p.currency(), CURRENCY, "an ISO 4217 code of three upper-case letters, e.g. CAD")
                .result();
    }

    /**
     * Lists the packages on sale, cheapest first.
     *
     * @return the active packages
     */
    public List<CreditsPackage> listActive() {
        return list(q -> q.is("active", true).order("price_cents").order("id"));
    }

    /**
     * Takes a package off sale ({@code active = false}); an audited update. Purchases already made are unaffected.
     *
     * @param id the package's id
     * @return the package as stored after the change
     * @throws RowNotFoundException if no such package is visible to this client
     */
    public CreditsPackage deactivate(UUID id) {
        return setActive(id, false);
    }

    /**
     * Puts a package on sale again ({@code active = true}); an audited update.
     *
     * @param id the package's id
     * @return the package as stored after the change
     * @throws RowNotFoundException if no such package is visible to this client
     */
    public CreditsPackage activate(UUID id) {
        return setActive(id, true);
    }

    private CreditsPackage setActive(UUID id, boolean active) {
        String key = idText(id);
        return bind(patch(active ? "activate" : "deactivate", key, null,
                JsonNodeFactory.instance.objectNode().put("active", active), AuditEvent.UPDATE, null), "update");
    }
}
