package com.rabaislocal.sdk.spring.openai;

import com.rabaislocal.sdk.core.audit.AuditSink;
import com.rabaislocal.sdk.core.audit.Slf4jAuditSink;
import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.openai.OpenAiClient;
import com.rabaislocal.sdk.openai.agents.AgentRunner;
import com.rabaislocal.sdk.openai.agents.AgentStore;
import com.rabaislocal.sdk.openai.agents.AgentTool;
import com.rabaislocal.sdk.openai.agents.PriceTable;
import com.rabaislocal.sdk.openai.agents.SupabaseAgentStore;
import com.rabaislocal.sdk.spring.ConditionalOnRabaisService;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import com.rabaislocal.sdk.spring.supabase.RabaisSupabaseAutoConfiguration;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAI from the configuration: one {@link OpenAiClient} with every {@link RequestListener} bean and the
 * {@link AgentRunner} of the platform's AI agents. The runner reads its agents from the application's
 * {@link AgentStore} bean, else from {@code ai_agents} through the Supabase CRUD template ({@link SupabaseAgentStore})
 * when Supabase is configured; without either there is no runner. It runs every {@link AgentTool} bean, prices
 * runs with the {@link PriceTable} bean (none: no cost), and audits every run through the {@link AuditSink} bean
 * (none: the log).
 */
@AutoConfiguration(after = {RabaisSdkAutoConfiguration.class, RabaisSupabaseAutoConfiguration.class})
@ConditionalOnClass(OpenAiClient.class)
@ConditionalOnRabaisService(Service.OPENAI)
public class RabaisOpenAiAutoConfiguration {

    /**
     * The client.
     *
     * @param config the SDK configuration (OPENAI_API_KEY required)
     * @param listeners the listener beans
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public OpenAiClient openAiClient(SdkConfig config, ObjectProvider<RequestListener> listeners) {
        return OpenAiClient.fromSettings(config.openAi())
                .withOptions(b -> listeners.orderedStream().forEach(b::listener));
    }

    /** The agents of {@code ai_agents}, read with the CRUD template. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SupabaseCrud.class)
    @ConditionalOnBean(SupabaseCrud.class)
    static class SupabaseAgents {

        @Bean
        @ConditionalOnMissingBean(AgentStore.class)
        SupabaseAgentStore supabaseAgentStore(SupabaseCrud crud) {
            return SupabaseAgentStore.of(crud);
        }
    }

    /** The runner, when there is a store: the application's, or the one above. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(AStore.class)
    static class Runner {

        @Bean
        @ConditionalOnMissingBean
        AgentRunner agentRunner(OpenAiClient client, AgentStore store, ObjectProvider<AgentTool<?>> tools,
                                ObjectProvider<PriceTable> prices, ObjectProvider<AuditSink> audit) {
            AgentRunner.Builder b = AgentRunner.builder().client(client).store(store)
                    .prices(prices.getIfAvailable(() -> PriceTable.NONE))
                    .audit(audit.getIfAvailable(Slf4jAuditSink::new));
            tools.orderedStream().forEach(b::tool);
            return b.build();
        }
    }

    /**
     * An {@link AgentStore} bean or the CRUD template the Supabase store is made from (tested together because the
     * store of {@link SupabaseAgents} is registered after this condition is evaluated).
     */
    static final class AStore extends AnyNestedCondition {
        AStore() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(AgentStore.class)
        static final class ApplicationStore {
        }

        @ConditionalOnClass(SupabaseCrud.class)
        @ConditionalOnBean(SupabaseCrud.class)
        static final class CrudTemplate {
        }
    }
}
