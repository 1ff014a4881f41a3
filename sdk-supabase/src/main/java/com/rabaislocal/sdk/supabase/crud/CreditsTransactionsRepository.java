package com.rabaislocal.sdk.supabase.crud;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.supabase.postgrest.Order;
import com.rabaislocal.sdk.supabase.tables.CreditTransaction;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The credit ledger ({@code credits_transactions}), read-only: nobody writes it directly, the service role
 * included; credits move through {@link Credits}. A user reads their own movements, an admin all. Immutable and
 * thread-safe; get it from {@link SupabaseCrud#creditsTransactions()}.
 */
public final class CreditsTransactionsRepository
        extends ReadOnlyRepository<CreditTransaction, Long, CreditsTransactionsRepository> {

    static final Table<CreditTransaction> TABLE = new Table<>(CreditTransaction.TABLE, CreditTransaction.class,
            Table.Ids.SERVER, Set.of(), Set.of(), Set.of(), Set.of(), false);

    CreditsTransactionsRepository(CrudContext ctx) {
        super(TABLE, ctx, RowValidator.none(), false);
    }

    @Override
    CreditsTransactionsRepository copy(RowValidator<CreditTransaction> validator, boolean includeDeleted) {
        return this;
    }

    /**
     * Lists a user's movements, newest first.
     *
     * @param userId the user
     * @param limit the most movements returned, at least 1
     * @return the movements this client may see
     */
    public List<CreditTransaction> listForUser(UUID userId, int limit) {
        if (userId == null || limit < 1) {
            throw new ValidationException("ledger arguments", new Checks().required("userId", userId)
                    .atLeast("limit", limit, 1).result());
        }
        return list(q -> q.eq("user_id", userId).order("id", Order.desc()).limit(limit));
    }
}
