package com.rabaislocal.sdk.goaffpro.transactions;

import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.util.List;

/** The ledger ({@code /admin/transactions}). A cheap view over the client; thread-safe. */
public final class TransactionService {

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public TransactionService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks every ledger entry matching the filters ({@code limit} + {@code offset}).
     *
     * @param params the filters
     * @return the lazy walk, with the same stops as every listing
     */
    public AutoPager<Transaction> list(TransactionListParams params) {
        return calls.offsetPager("goaffpro transactions", params.limit(), Transaction::id,
                (offset, limit) -> page(params, offset).items());
    }

    /**
     * Fetches one page.
     *
     * @param params the filters
     * @param offset the entries to skip
     * @return the page
     */
    public Page<Transaction> page(TransactionListParams params, long offset) {
        // This endpoint declares no fields parameter; the shared writer sends the model's own names, harmlessly.
        return calls.offsetPage(params.writeTo(Requests.get("transactions.list", "/admin/transactions"),
                List.of("tx_id", "affiliate_id", "amount", "currency", "event_type", "entity_type", "entity_id",
                        "is_paid", "metadata", "created_at")), offset, params.limit(), "transactions",
                Transaction::from);
    }
}
