package com.rabaislocal.sdk.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabaislocal.sdk.goaffpro.GoAffProClient;
import com.rabaislocal.sdk.make.MakeClient;
import com.rabaislocal.sdk.spring.RabaisSdkAutoConfiguration;
import com.rabaislocal.sdk.spring.goaffpro.RabaisGoAffProAutoConfiguration;
import com.rabaislocal.sdk.spring.make.RabaisMakeAutoConfiguration;
import com.rabaislocal.sdk.testing.goaffpro.GoAffProStandIn;
import com.rabaislocal.sdk.testing.make.MakeStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(RabaisStandInsTest.App.class)
@RabaisStandIns(make = false)
// The stand-in wins over whatever the application or the environment says.
@TestPropertySource(properties = {"GOAFFPRO_API_KEY=a-real-looking-token",
        "rabaislocal.goaffpro.base-url=https://api.goaffpro.com/v1"})
class RabaisStandInsTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({RabaisSdkAutoConfiguration.class, RabaisGoAffProAutoConfiguration.class,
            RabaisMakeAutoConfiguration.class})
    static class App {
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    GoAffProStandIn goaffpro;

    @Autowired
    GoAffProClient client;

    @Test
    void theGoAffProClientTalksToTheStandInAndMakeIsLeftAlone() {
        goaffpro.addAffiliate("ami@example.com", "Ami");
        int before = goaffpro.requestCount();
        assertThat(client.affiliates().list().stream().map(a -> a.email())).containsExactly("ami@example.com");
        assertThat(goaffpro.requestCount()).isGreaterThan(before);
        assertThat(context.getBeanNamesForType(MakeStandIn.class)).isEmpty();
        assertThat(context.getBeanNamesForType(MakeClient.class)).isEmpty();
    }
}
