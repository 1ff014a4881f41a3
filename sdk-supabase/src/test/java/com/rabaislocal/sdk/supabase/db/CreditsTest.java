package com.rabaislocal.sdk.supabase.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** purchase_credits, spend_credits, adjust_credits and credit_balance: atomicity, overdraw, idempotency, access. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditsTest {

    private static final String PURCHASE = "select * from purchase_credits(?, ?, ?)";
    private static final String SPEND = "select * from spend_credits(?, ?, ?)";
    private static final String SPEND_FOR = "select * from spend_credits(?, ?, ?, ?)";
    private static final String ADJUST = "select * from adjust_credits(?, ?, ?, ?)";

    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension();

    private Api api;
    private UUID admin;
    private UUID pack100;
    private UUID pack25;

    @BeforeAll
    void setUp() throws SQLException {
        api = DB.api();
        admin = People.signUp(api, "admin@example.test", "admin");
        pack100 = (UUID) api.owner().value("insert into credits_packages (name, credits, price_cents)"
                + " values ('Cent', 100, 1500) returning id");
        pack25 = (UUID) api.owner().value("insert into credits_packages (name, credits, price_cents)"
                + " values ('Quart', 25, 500) returning id");
    }

    private UUID newConsumer() throws SQLException {
        return People.signUp(api, UUID.randomUUID() + "@example.test", "consumer");
    }

    private int balance(UUID user) throws SQLException {
        return (Integer) api.user(user).value("select credit_balance()");
    }

    private long ledgerRows(UUID user) throws SQLException {
        return (Long) api.owner().value("select count(*) from credits_transactions where user_id = ?", user);
    }

    @Test
    void thePaymentBackendCreditsAPackageAndTheUserSeesTheirBalance() throws SQLException {
        UUID user = newConsumer();
        Map<String, Object> row = api.serviceRole().rows(PURCHASE, user, pack100, "pay-" + UUID.randomUUID()).get(0);

        assertEquals(user, row.get("user_id"));
        assertEquals(pack100, row.get("package_id"));
        assertEquals("purchase", row.get("kind"));
        assertEquals(100, row.get("delta"));
        assertEquals(100, row.get("balance_after"));
        assertEquals("purchase: Cent", row.get("reason"));
        assertEquals(100, balance(user));
        assertEquals(100, api.serviceRole().value("select credit_balance(?)", user));
    }

    @Test
    void aRepeatedPurchaseKeyReturnsTheFirstRowAndCreditsOnce() throws SQLException {
        UUID user = newConsumer();
        String key = "pay-" + UUID.randomUUID();
        Map<String, Object> first = api.serviceRole().rows(PURCHASE, user, pack25, key).get(0);
        Map<String, Object> again = api.serviceRole().rows(PURCHASE, user, pack25, key).get(0);

        assertEquals(first, again);
        assertEquals(25, balance(user));
        assertEquals(1, ledgerRows(user));

        // The replay still answers after the package is withdrawn from sale.
        UUID retired = (UUID) api.owner().value("insert into credits_packages (name, credits, price_cents)"
                + " values ('Retired', 7, 100) returning id");
        String retiredKey = "pay-" + UUID.randomUUID();
        Map<String, Object> bought = api.serviceRole().rows(PURCHASE, user, retired, retiredKey).get(0);
        api.owner().update("update credits_packages set active = false where id = ?", retired);
        assertEquals(bought, api.serviceRole().rows(PURCHASE, user, retired, retiredKey).get(0));
        assertEquals(32, balance(user));
    }

    @Test
    void anIdempotencyKeyCannotBeReusedForAnotherRequestOrAnotherUser() throws SQLException {
        UUID user = newConsumer();
        UUID other = newConsumer();
        String key = "pay-" + UUID.randomUUID();
        api.serviceRole().rows(PURCHASE, user, pack100, key);

        SQLException otherPackage = api.serviceRole().failure(PURCHASE, user, pack25, key);
        assertEquals("RLC02", otherPackage.getSQLState());
        SQLException otherUser = api.serviceRole().failure(PURCHASE, other, pack100, key);
        assertEquals("RLC02", otherUser.getSQLState());
        assertTrue(otherUser.getMessage().contains("idempotency key already used"), otherUser.getMessage());
        SQLException asSpend = api.user(user).failure(SPEND, 1, "ai", key);
        assertEquals("RLC02", asSpend.getSQLState());

        String spendKey = "spend-" + UUID.randomUUID();
        api.user(user).rows(SPEND, 3, "ai", spendKey);
        assertEquals("RLC02", api.user(user).failure(SPEND, 4, "ai", spendKey).getSQLState());
        assertEquals("RLC02", api.user(user).failure(SPEND, 3, "export", spendKey).getSQLState());
        assertEquals(97, balance(user));
        assertEquals(0, balance(other));
    }

    @Test
    void aSpendReplayReturnsTheFirstResultAndChangesNothing() throws SQLException {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack25, "pay-" + UUID.randomUUID());
        String key = "spend-" + UUID.randomUUID();

        Map<String, Object> first = api.user(user).rows(SPEND, 10, "ai", key).get(0);
        api.user(user).rows(SPEND, 5, "ai", "spend-" + UUID.randomUUID());
        Map<String, Object> replay = api.user(user).rows(SPEND, 10, "ai", key).get(0);

        assertEquals(first, replay);
        assertEquals(-10, first.get("delta"));
        assertEquals(15, first.get("balance_after"));
        assertEquals(10, balance(user));
        assertEquals(3, ledgerRows(user));
    }

    @Test
    void spendingMoreThanTheBalanceIsRefusedAndChangesNothing() throws SQLException {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack25, "pay-" + UUID.randomUUID());

        SQLException e = api.user(user).failure(SPEND, 26, "ai", "spend-" + UUID.randomUUID());
        assertEquals("RLC01", e.getSQLState());
        assertTrue(e.getMessage().contains("insufficient credits"), e.getMessage());
        assertTrue(e.getMessage().contains("balance 25, requested 26"), e.getMessage());
        assertEquals(25, balance(user));
        assertEquals(1, ledgerRows(user));

        api.user(user).rows(SPEND, 25, "ai", "spend-" + UUID.randomUUID());
        assertEquals(0, balance(user));
        assertEquals("RLC01", api.user(user).failure(SPEND, 1, "ai", "spend-" + UUID.randomUUID()).getSQLState());
    }

    @Test
    void manyConcurrentSpendsNeverOverdrawAndTheLedgerAddsUp() throws Exception {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack100, "pay-" + UUID.randomUUID());
        int threads = 8;
        int spendsPerThread = 20;
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                try (Connection own = DB.database().connect()) {
                    Api.Caller me = new Api(own).user(user);
                    start.await();
                    for (int i = 0; i < spendsPerThread; i++) {
                        try {
                            me.rows(SPEND, 1, "ai", "c-" + thread + "-" + i);
                            succeeded.incrementAndGet();
                        } catch (SQLException e) {
                            assertEquals("RLC01", e.getSQLState(), e.getMessage());
                            refused.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "spending threads did not finish");
        for (Future<?> f : futures) {
            f.get();
        }

        assertEquals(100, succeeded.get());
        assertEquals(threads * spendsPerThread - 100, refused.get());
        assertEquals(0, balance(user));
        Map<String, Object> ledger = api.owner().rows("select sum(delta) as total, min(balance_after) as lowest,"
                + " count(*) as n from credits_transactions where user_id = ?", user).get(0);
        assertEquals(0L, ((Number) ledger.get("total")).longValue());
        assertEquals(0, ledger.get("lowest"));
        assertEquals(101L, ledger.get("n"));
        // Replayed in order, each row's balance_after is the previous one plus its delta.
        assertEquals(0L, api.owner().value("select count(*) from (select balance_after, delta,"
                + " lag(balance_after, 1, 0) over (order by id) as before from credits_transactions"
                + " where user_id = ?) t where balance_after <> before + delta", user));
    }

    @Test
    void underRepeatableReadAConcurrentMovementFailsInsteadOfUsingAStaleBalance() throws Exception {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack25, "pay-" + UUID.randomUUID());
        try (Connection other = DB.database().connect()) {
            other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            SQLException e = new Api(other).user(user).request(c -> {
                try (PreparedStatement st = c.prepareStatement("select credit_balance()")) {
                    st.execute(); // the snapshot: 25 credits
                }
                api.user(user).rows(SPEND, 20, "ai", "s-" + UUID.randomUUID());
                try (PreparedStatement st = c.prepareStatement("select * from spend_credits(20, 'ai', ?)")) {
                    st.setString(1, "s-" + UUID.randomUUID());
                    st.execute();
                    return null;
                } catch (SQLException failure) {
                    return failure;
                }
            });
            assertEquals("40001", e.getSQLState(), e.getMessage());
        }
        assertEquals(5, balance(user));
    }

    @Test
    void concurrentCallsWithOneKeySpendOnce() throws Exception {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack100, "pay-" + UUID.randomUUID());
        String key = "spend-" + UUID.randomUUID();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Object>> ids = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ids.add(pool.submit(() -> {
                try (Connection own = DB.database().connect()) {
                    start.await();
                    return new Api(own).user(user).rows(SPEND, 30, "ai", key).get(0).get("id");
                }
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        Object firstId = ids.get(0).get();
        for (Future<Object> id : ids) {
            assertEquals(firstId, id.get());
        }
        assertEquals(70, balance(user));
        assertEquals(2, ledgerRows(user));
    }

    @Test
    void usersCannotPurchaseForThemselvesNorTouchSomeoneElsesCredits() throws SQLException {
        UUID user = newConsumer();
        UUID other = newConsumer();
        api.serviceRole().rows(PURCHASE, other, pack25, "pay-" + UUID.randomUUID());

        SQLException purchase = api.user(user).failure(PURCHASE, user, pack100, "pay-" + UUID.randomUUID());
        assertEquals("42501", purchase.getSQLState());
        assertTrue(purchase.getMessage().contains("permission denied for function purchase_credits"),
                purchase.getMessage());

        SQLException spendOther = api.user(user).failure(SPEND_FOR, 1, "ai", "spend-" + UUID.randomUUID(), other);
        assertEquals("42501", spendOther.getSQLState());
        assertEquals("42501", api.user(user).failure("select credit_balance(?)", other).getSQLState());
        assertEquals(25, api.serviceRole().value("select credit_balance(?)", other));
        assertEquals(0, balance(user));
    }

    @Test
    void anonymousCallersCannotUseAnyCreditFunction() {
        UUID someone = UUID.randomUUID();
        for (String sql : List.of("select spend_credits(1, 'x', 'k', '" + someone + "')",
                "select credit_balance('" + someone + "')",
                "select purchase_credits('" + someone + "', '" + pack25 + "', 'k')",
                "select adjust_credits('" + someone + "', 5, 'x', 'k')",
                "select credits_post('" + someone + "', 'spend', -1, null, 'x', 'k')")) {
            SQLException e = api.anon().failure(sql);
            assertEquals("42501", e.getSQLState(), sql);
            assertTrue(e.getMessage().contains("permission denied for function"), e.getMessage());
        }
    }

    @Test
    void theInternalPostingFunctionIsNotCallableThroughTheApi() throws SQLException {
        UUID user = newConsumer();
        String sql = "select credits_post(?, 'adjustment', 1000, null, 'free', 'k-" + UUID.randomUUID() + "')";
        assertEquals("42501", api.user(user).failure(sql, user).getSQLState());
        assertEquals("42501", api.serviceRole().failure(sql, user).getSQLState());
        assertEquals("42501", api.serviceRole().failure("select credits_target_user(?)", user).getSQLState());
        assertEquals(0, balance(user));
    }

    @Test
    void theServiceRoleSpendsForAUserAndMustNameThem() throws SQLException {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack25, "pay-" + UUID.randomUUID());

        Map<String, Object> row = api.serviceRole().rows(SPEND_FOR, 5, "ai: summary", "s-" + UUID.randomUUID(), user)
                .get(0);
        assertEquals(user, row.get("user_id"));
        assertEquals(20, row.get("balance_after"));
        SQLException unnamed = api.serviceRole().failure(SPEND, 5, "ai", "s-" + UUID.randomUUID());
        assertEquals("22023", unnamed.getSQLState());
        assertTrue(unnamed.getMessage().contains("p_user_id is required"), unnamed.getMessage());
    }

    @Test
    void adminsAndTheServiceRoleAdjustBalancesOthersCannot() throws SQLException {
        UUID user = newConsumer();
        Map<String, Object> goodwill = api.user(admin).rows(ADJUST, user, 15, "goodwill", "adj-" + UUID.randomUUID())
                .get(0);
        assertEquals("adjustment", goodwill.get("kind"));
        assertEquals(15, goodwill.get("balance_after"));
        api.serviceRole().rows(ADJUST, user, -5, "correction", "adj-" + UUID.randomUUID());
        assertEquals(10, balance(user));

        assertEquals("RLC01", api.user(admin).failure(ADJUST, user, -11, "correction", "adj-" + UUID.randomUUID())
                .getSQLState());
        SQLException self = api.user(user).failure(ADJUST, user, 1000, "free", "adj-" + UUID.randomUUID());
        assertEquals("42501", self.getSQLState());
        assertTrue(self.getMessage().contains("only an admin can adjust credits"), self.getMessage());
        assertEquals(10, balance(user));
    }

    @Test
    void unavailablePackagesAndBadArgumentsAreRefusedWithAClearCode() throws SQLException {
        UUID user = newConsumer();
        UUID inactive = (UUID) api.owner().value("insert into credits_packages (name, credits, price_cents, active)"
                + " values ('Hidden', 5, 100, false) returning id");
        SQLException unavailable = api.serviceRole().failure(PURCHASE, user, inactive, "pay-" + UUID.randomUUID());
        assertEquals("RLC03", unavailable.getSQLState());
        assertTrue(unavailable.getMessage().contains("is not available"), unavailable.getMessage());
        assertEquals("RLC03", api.serviceRole().failure(PURCHASE, user, UUID.randomUUID(), "pay-" + UUID.randomUUID())
                .getSQLState());

        assertEquals("22023", api.user(user).failure(SPEND, 0, "ai", "s-" + UUID.randomUUID()).getSQLState());
        assertEquals("22023", api.user(user).failure(SPEND, -5, "ai", "s-" + UUID.randomUUID()).getSQLState());
        assertEquals("22023", api.user(user).failure(SPEND, 1, " ", "s-" + UUID.randomUUID()).getSQLState());
        SQLException blankKey = api.user(user).failure(SPEND, 1, "ai", " ");
        assertEquals("22023", blankKey.getSQLState());
        assertTrue(blankKey.getMessage().contains("p_idempotency_key"), blankKey.getMessage());
        assertEquals("22023", api.user(user).failure(SPEND, 1, "ai", "k".repeat(256)).getSQLState());
        assertEquals(0, ledgerRows(user));
    }

    @Test
    void theLedgerIsPermanentEvenForTheDatabaseOwner() throws SQLException {
        UUID user = newConsumer();
        api.serviceRole().rows(PURCHASE, user, pack25, "pay-" + UUID.randomUUID());

        for (String sql : List.of("update credits_transactions set delta = 1000 where user_id = ?",
                "delete from credits_transactions where user_id = ?", "delete from credit_balances where user_id = ?")) {
            SQLException e = api.owner().failure(sql, user);
            assertEquals("42501", e.getSQLState(), sql);
            assertTrue(e.getMessage().contains("rows are permanent"), e.getMessage());
        }
        assertEquals("42501", api.owner().failure("truncate credits_transactions").getSQLState());
        assertEquals(25, balance(user));
    }
}
