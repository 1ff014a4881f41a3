package com.rabaislocal.sdk.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class ({@code @SpringBootTest}, {@code @WebMvcTest}, ...): every auto-configured client talks
 * to a local stand-in instead of its service. Before the context starts, the stand-ins are started on loopback
 * ports and the SDK's configuration is pointed at them (over {@code application.yml} and the environment); each is
 * a bean of the context and is closed with it.
 * <ul>
 *   <li>GoAffPro: sdk-testing's {@code GoAffProStandIn} (bean {@code goAffProStandIn});</li>
 *   <li>Make.com: sdk-testing's {@code MakeStandIn} with its sample workflows (bean {@code makeStandIn});</li>
 *   <li>Supabase: the {@link #supabase()} class (bean {@code supabaseStandIn}).</li>
 * </ul>
 * sdk-testing must be on the test class path for the first two.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RabaisStandIns {

    /** @return the Supabase stand-in to start; {@link RabaisStandIn.None} for none */
    Class<? extends RabaisStandIn> supabase() default RabaisStandIn.None.class;

    /** @return false to leave GoAffPro as configured */
    boolean goaffpro() default true;

    /** @return false to leave Make as configured */
    boolean make() default true;
}
