package com.rabaislocal.sdk.spring.goaffpro;

import com.rabaislocal.sdk.core.config.SdkConfig;
import com.rabaislocal.sdk.core.config.Service;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.spring.ConditionalOnRabaisService;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** GoAffPro from the configuration: one {@link GoAffProClient} with every {@link RequestListener} bean. */
@AutoConfiguration(after = RabaisSdkAutoConfiguration.class)
@ConditionalOnClass(GoAffProClient.class)
@ConditionalOnRabaisService(Service.GOAFFPRO)
public class RabaisGoAffProAutoConfiguration {

    /**
     * The client.
     *
     * @param config the SDK configuration (GOAFFPRO_API_KEY required)
     * @param listeners the listener beans
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public GoAffProClient goAffProClient(SdkConfig config, ObjectProvider<RequestListener> listeners) {
        return GoAffProClient.fromSettings(config.goAffPro())
                .withOptions(b -> listeners.orderedStream().forEach(b::listener));
    }
}
