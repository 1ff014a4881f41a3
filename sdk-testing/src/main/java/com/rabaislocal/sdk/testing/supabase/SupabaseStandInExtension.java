package com.rabaislocal.sdk.testing.supabase;

import com.rabaislocal.sdk.core.config.Secret;
import java.time.Clock;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link SupabaseStandIn} and passes it to any test, {@code @BeforeEach} or
 * {@code @BeforeAll} method (or constructor) that declares a {@code SupabaseStandIn} parameter.
 *
 * <p>A stand-in asked for by a test method (or its {@code @BeforeEach}/{@code @AfterEach} methods) is the test's
 * own: new data, stopped after the test. One asked for by a {@code @BeforeAll} method is shared by the class's tests
 * and stopped after them.
 *
 * <pre>{@code
 * @ExtendWith(SupabaseStandInExtension.class)
 * class OfferServiceTest {
 *     @Test
 *     void listsLiveOffers(SupabaseStandIn supabase) { ... supabase.url() ... }
 * }
 *
 * // or, to choose the signing secret or the clock:
 * @RegisterExtension
 * static SupabaseStandInExtension supabase = new SupabaseStandInExtension().withJwtSecret(SECRET);
 * }</pre>
 */
public final class SupabaseStandInExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SupabaseStandInExtension.class);
    private static final String KEY = "stand-in";

    private final Secret jwtSecret;
    private final Clock clock;

    /** An extension starting stand-ins on the system clock, each with a random JWT secret. */
    public SupabaseStandInExtension() {
        this(null, null);
    }

    private SupabaseStandInExtension(Secret jwtSecret, Clock clock) {
        this.jwtSecret = jwtSecret;
        this.clock = clock;
    }

    /**
     * Returns an extension whose stand-ins sign tokens with a given HS256 secret, the one the code under test
     * verifies tokens with.
     *
     * @param secret at least 32 bytes of UTF-8; not null
     * @return a new extension
     */
    public SupabaseStandInExtension withJwtSecret(Secret secret) {
        return new SupabaseStandInExtension(Objects.requireNonNull(secret, "secret"), clock);
    }

    /**
     * Returns an extension whose stand-ins read their time (token expiry, {@code now()}, seeded dates) from a clock.
     *
     * @param clock for example a {@link com.rabaislocal.sdk.core.testing.FakeClock}; not null
     * @return a new extension
     */
    public SupabaseStandInExtension withClock(Clock clock) {
        return new SupabaseStandInExtension(jwtSecret, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SupabaseStandIn.class;
    }

    @Override
    public SupabaseStandIn resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // A class-level stand-in (from @BeforeAll) is found through the parent store and shared.
        SupabaseStandIn shared = extensionContext.getStore(NAMESPACE).get(KEY, SupabaseStandIn.class);
        if (shared != null) {
            return shared;
        }
        SupabaseStandIn started = start();
        extensionContext.getStore(NAMESPACE).put(KEY, started);
        return started;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(context);
    }

    /** Stops the stand-in this very context started; a parent's is left to the parent. */
    private static void stop(ExtensionContext context) {
        SupabaseStandIn own = context.getStore(NAMESPACE).remove(KEY, SupabaseStandIn.class);
        if (own != null) {
            own.close();
        }
    }

    private SupabaseStandIn start() {
        SupabaseStandIn.Builder b = SupabaseStandIn.builder();
        if (jwtSecret != null) {
            b.jwtSecret(jwtSecret);
        }
        if (clock != null) {
            b.clock(clock);
        }
        return b.start();
    }
}
