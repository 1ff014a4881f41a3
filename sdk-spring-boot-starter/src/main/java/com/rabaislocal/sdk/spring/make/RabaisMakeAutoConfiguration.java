package com.rabaislocal.sdk.spring.make;

import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.spring.ConditionalOnRabaisService;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Make.com from the configuration: one {@link MakeClient} with every {@link RequestListener} bean. */
@AutoConfiguration(after = RabaisSdkAutoConfiguration.class)
@ConditionalOnClass(MakeClient.class)
@ConditionalOnRabaisService(Service.MAKE)
public class RabaisMakeAutoConfiguration {

    /**
     * The client.
     *
     * @param config the SDK configuration (MAKE_TEAM_ID, MAKE_API_TOKEN, and MAKE_ZONE or MAKE_BASE_URL required)
     * @param listeners the listener beans
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public MakeClient makeClient(SdkConfig config, ObjectProvider<RequestListener> listeners) {
        return MakeClient.fromSettings(config.make())
                .withOptions(b -> listeners.orderedStream().forEach(b::listener));
    }
}
