package com.rabaislocal.sdk.spring.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/** Registers {@link RabaisStandIns}'s customizer on the test classes that carry the annotation. */
public final class RabaisStandInsContextCustomizerFactory implements ContextCustomizerFactory {

    private static final boolean SDK_TESTING = ClassUtils.isPresent(
            "com.rabaislocal.sdk.testing.make.MakeStandIn", RabaisStandInsContextCustomizerFactory.class.getClassLoader());

    /** Creates the factory (Spring's test framework does, from {@code META-INF/spring.factories}). */
    public RabaisStandInsContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        RabaisStandIns a = TestContextAnnotationUtils.findMergedAnnotation(testClass, RabaisStandIns.class);
        return a == null ? null : new Customizer(a.supabase(), a.goaffpro(), a.make());
    }

    /** Starts the stand-ins into one context; equal for equal settings, so the context cache is shared. */
    private record Customizer(Class<? extends RabaisStandIn> supabase, boolean goaffpro, boolean make)
            implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            Map<String, Object> properties = new LinkedHashMap<>();
            if (supabase != RabaisStandIn.None.class) {
                RabaisStandIn s = BeanUtils.instantiateClass(supabase);
                register(beans, "supabaseStandIn", s, s, properties);
            }
            if ((goaffpro || make) && !SDK_TESTING) {
                throw new IllegalStateException("@RabaisStandIns needs sdk-testing on the test class path for the"
                        + " GoAffPro and Make stand-ins (or goaffpro = false, make = false)");
            }
            if (goaffpro) {
                SdkTestingStandIns.Started s = SdkTestingStandIns.goAffPro();
                register(beans, "goAffProStandIn", s.bean(), s.standIn(), properties);
            }
            if (make) {
                SdkTestingStandIns.Started s = SdkTestingStandIns.make();
                register(beans, "makeStandIn", s.bean(), s.standIn(), properties);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("rabaisStandIns",
                    properties));
        }

        private static void register(ConfigurableListableBeanFactory beans, String name, Object bean,
                                     RabaisStandIn standIn, Map<String, Object> properties) {
            beans.registerSingleton(name, bean);
            // Closed with the context, after the clients that use it (they are destroyed first: registered later).
            ((DefaultSingletonBeanRegistry) beans).registerDisposableBean(name + ".closer", standIn::close);
            properties.putAll(Objects.requireNonNull(standIn.properties(), "properties"));
        }
    }
}
