package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.supabase.tables.AppRole;
import com.rabaislocal.sdk.supabase.tables.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The profiles of {@code users}, with the whole CRUD template: soft delete and restore (admins), purge (service
 * role), validated updates, audited mutations. Immutable and thread-safe; get it from {@link SupabaseCrud#users()}.
 *
 * <p>The database creates a profile when a Supabase Auth user signs up, so {@link #insert(Object)} is for the rare
 * profile that is missing: its id must be the Auth user's id (no random id is picked), and a profile that already
 * exists with other values raises {@link RowConflictException}. A user may update only their own
 * {@code display_name}; {@code email} is copied from Auth and never sent by an update (change it through
 * {@link com.rabaislocal.sdk.supabase.auth.AuthAdminClient}).
 */
public final class UsersRepository extends SoftDeleteRepository<User, UUID, UsersRepository> {

    static final Table<User> TABLE = new Table<>(User.TABLE, User.class, Table.Ids.CALLER,
            Set.of("id", "email", "role", "display_name"), Set.of("role", "display_name"), Set.of("role"), Set.of(),
            true);

    /** The roles of {@code users.role}, as the database's check constraint lists them. */
    public static final List<AppRole> ROLES = AppRole.known();

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    UsersRepository(CrudContext ctx, RowValidator<User> validator, boolean includeDeleted) {
        super(TABLE, ctx, validator, includeDeleted);
    }

    @Override
    UsersRepository copy(RowValidator<User> validator, boolean includeDeleted) {
        return new UsersRepository(ctx, validator, includeDeleted);
    }

    /**
     * Returns the built-in checks of a profile, mirroring the table's constraints: {@code email}, when set, shaped
     * like an address and at most 320 characters; {@code role}, when set, one of {@link #ROLES};
     * {@code display_name} at most 200 characters. The id is checked by the repository itself.
     *
     * @return the validator every {@code UsersRepository} starts with
     */
    public static RowValidator<User> defaultValidator() {
        return u -> new Checks()
                .matches("email", u.email(), EMAIL, "an e-mail address such as name@example.com")
                .maxLength("email", u.email(), 320)
                .oneOf("role", u.role(), ROLES)
                .maxLength("display_name", u.displayName(), 200)
                .result();
    }

    /**
     * Reads the profile of the signed-in user the client acts for.
     *
     * @return the profile; empty when the client carries no user token or the profile is soft-deleted
     */
    public Optional<User> me() {
        Optional<UUID> id = ctx.actor.userId();
        return id.isEmpty() ? Optional.empty() : findById(id.get());
    }
}
