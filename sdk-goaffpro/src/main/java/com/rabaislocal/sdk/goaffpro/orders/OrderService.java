package com.rabaislocal.sdk.goaffpro.orders;

import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.goaffpro.WriteResult;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.util.List;
import java.util.Optional;

/**
 * The referred orders ({@code /admin/orders}) and their commissions. A cheap view over the client; thread-safe.
 */
public final class OrderService {

    private static final String PATH = "/admin/orders";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public OrderService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Walks every order matching the filters, by {@code since_id} (the endpoint has no offset).
     *
     * @param params the filters, page size and extra fields; its {@code sinceId} is where the walk starts
     * @return the lazy walk; it stops on a short page, a page with no unseen id, or the client's page cap
     */
    public AutoPager<Order> list(OrderListParams params) {
        return calls.keysetPager("goaffpro orders", params.limit(), Order::id,
                (after, limit) -> page(params, after).items());
    }

    /** @return a walk over every order */
    public AutoPager<Order> list() {
        return list(OrderListParams.all());
    }

    /**
     * Fetches one page.
     *
     * @param params the filters, page size and extra fields
     * @param sinceId the last id of the previous page, or null for the params' own start
     * @return the page; its next cursor is its last id, null after a short page
     */
    public Page<Order> page(OrderListParams params, String sinceId) {
        return calls.keysetPage(params.writeTo(Requests.get("orders.list", PATH), Order.DEFAULT_FIELDS),
                sinceId != null ? sinceId : params.sinceId(), params.limit(), "orders", Order::from, Order::id);
    }

    /**
     * Finds the order recorded under a store order number: the check to make before re-sending a
     * {@link #create(OrderCreateParams)} whose answer was lost.
     *
     * @param number the store's order number
     * @return the order, or empty when GoAffPro has none with that number
     */
    public Optional<Order> findByNumber(String number) {
        OrderListParams p = OrderListParams.builder().numbers(List.of(Requests.id("number", number))).limit(1)
                .build();
        return page(p, null).items().stream().findFirst();
    }

    /**
     * Records a referred order and its commission. Sent once: never re-sent after it may have reached GoAffPro
     * (no idempotency key); on a timeout, ask {@link #findByNumber(String)} before trying again.
     *
     * @param params the order, basic or extended, and whom to credit
     * @return GoAffPro's answer, with the order's id when it sends one
     */
    public WriteResult create(OrderCreateParams params) {
        SdkRequest r = Requests.post("orders.create", PATH).jsonBody(params.body()).build();
        return calls.call(r, root -> WriteResult.from(root, "order_id"));
    }

    /**
     * Changes an order's commission or status ({@code PATCH}, retried like a read).
     *
     * @param id GoAffPro's order id
     * @param params the new commission and/or status
     * @return GoAffPro's answer ({@code {id, commission}})
     */
    public WriteResult update(String id, OrderUpdateParams params) {
        SdkRequest r = Requests.patch("orders.update", PATH).pathSegment(Requests.id("id", id))
                .jsonBody(params.body()).build();
        return calls.call(r, root -> WriteResult.from(root, "order_id"));
    }

    /**
     * Deletes an order and its commission.
     *
     * @param id GoAffPro's order id
     * @return GoAffPro's answer ({@code {success, deleted}})
     */
    public WriteResult delete(String id) {
        SdkRequest r = Requests.delete("orders.delete", PATH).pathSegment(Requests.id("id", id)).build();
        return calls.call(r, root -> WriteResult.from(root, null));
    }

    /**
     * Recomputes an order's commission ({@code POST /admin/orders/recalculate/{id}}). Recomputing is idempotent,
     * so unlike other POSTs this one is retried like a read.
     *
     * @param id GoAffPro's order id
     * @return the new commission, and GoAffPro's remark when it could not compute one
     */
    public OrderRecalculation recalculate(String id) {
        SdkRequest r = SdkRequest.builder("POST", PATH + "/recalculate").pathSegment(Requests.id("id", id))
                .operation("orders.recalculate").repeatable(true).build();
        return calls.call(r, OrderRecalculation::from);
    }
}
