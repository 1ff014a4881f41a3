package com.rabaislocal.sdk.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkHttpClient;
import com.rabaislocal.sdk.core.listener.RequestListener;
import com.rabaislocal.sdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options base every module's client builder extends. */
class ClientOptionsTest {

    /** A module's builder: shared setters return it, and it adds one field of its own. */
    static final class AcmeBuilder extends ClientOptions.Base<AcmeBuilder> {
        private String domain;

        AcmeBuilder() {
            super(RetryPolicy.builder().maxRetries(5).build());
            baseUrl("https://api.acme.test/v1");
            requireCredential();
        }

        AcmeBuilder domain(String domain) {
            this.domain = domain;
            return this;
        }

        ClientOptions build() {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            validate(errors);
            if (domain != null && domain.isBlank()) {
                errors.put("domain", List.of("must not be blank"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("acme client settings", errors);
            }
            return buildOptions();
        }
    }

    @Test
    void aModuleBuilderGetsTheSharedSettersAndItsDefaults() {
        RequestListener listener = new RequestListener() { };
        ClientOptions o = new AcmeBuilder().credential(CredentialProvider.of("sk-acme-0123456789"))
                .timeout(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(20)).defaultHeader("X-Team", "qc")
                .sensitiveHeader("X-Acme-Signature").listener(listener).domain("rabaislocal.com").build();

        assertEquals("https://api.acme.test/v1", o.baseUrl());
        assertEquals(5, o.retryPolicy().maxRetries(), "the module's own default policy");
        assertEquals(Duration.ofSeconds(5), o.timeout());
        assertEquals(Duration.ofSeconds(20), o.deadline());
        assertEquals(Map.of("X-Team", "qc"), o.defaultHeaders());
        assertTrue(o.sensitiveHeaders().contains("x-acme-signature"));
        assertEquals(List.of(listener), o.listeners());
        assertSame(SdkHttpClient.shared(), o.transport());
        assertFalse(o.toString().contains("sk-acme"), o.toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> new AcmeBuilder().baseUrl("ftp://x")
                .timeout(Duration.ofSeconds(-1)).deadline(Duration.ZERO).retryPolicy(null).domain(" ").build());
        String m = e.getMessage();
        for (String field : List.of("baseUrl", "credential", "retryPolicy", "timeout", "deadline", "domain")) {
            assertTrue(m.contains(field), field + " missing from: " + m);
        }
    }

    @Test
    void aBaseUrlWithUserInfoOrQueryIsRefusedWithoutEchoingIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> ClientOptions.builder()
                .baseUrl("https://user:hunter2@api.acme.test/v1").build());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        ValidationException q = assertThrows(ValidationException.class, () -> ClientOptions.builder()
                .baseUrl("https://api.acme.test/v1?key=sk-live-secret").build());
        assertFalse(q.getMessage().contains("sk-live-secret"), q.getMessage());
        assertThrows(ValidationException.class, () -> ClientOptions.builder().build());
    }

    @Test
    void toBuilderKeepsEverythingAndDerivesIndependently() {
        ClientOptions a = ClientOptions.builder().baseUrl("https://api.acme.test/v1/").timeout(Duration.ofSeconds(3))
                .defaultHeader("X-A", "1").build();
        assertEquals("https://api.acme.test/v1", a.baseUrl(), "a trailing slash is dropped");
        ClientOptions b = a.toBuilder().defaultHeader("X-B", "2").clearListeners().build();
        assertNotSame(a, b);
        assertEquals(Map.of("X-A", "1"), a.defaultHeaders());
        assertEquals(Map.of("X-A", "1", "X-B", "2"), b.defaultHeaders());
        assertEquals(Duration.ofSeconds(3), b.timeout());
        assertEquals(a.retryPolicy().deadline(), a.deadline(), "no deadline set: the policy's");
        ClientOptions c = new AcmeBuilder().options(b).credential(CredentialProvider.of("k")).build();
        assertEquals(b.baseUrl(), c.baseUrl());
    }
}
