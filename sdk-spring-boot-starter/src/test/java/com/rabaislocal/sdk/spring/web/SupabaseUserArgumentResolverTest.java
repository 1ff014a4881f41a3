package com.rabaislocal.sdk.spring.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.rabaislocal.sdk.core.audit.Slf4jAuditSink;
import com.rabaislocal.sdk.core.config.CredentialProvider;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.supabase.SupabaseClient;
import com.rabaislocal.sdk.supabase.auth.JwtClaims;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import com.rabaislocal.sdk.supabase.auth.VerifiedUser;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class SupabaseUserArgumentResolverTest {

    private static final String SECRET = "a-test-only-hs256-secret-of-at-least-32-bytes";
    private static final String URL = "https://abcdefghijklmnop.supabase.co";
    private static final UUID USER = UUID.fromString("7d0c5c1e-3b2a-4f6e-9a51-2f0c8e4b6a10");

    @RestController
    static class Probe {
        @GetMapping("/claims")
        Map<String, String> claims(@SupabaseUser JwtClaims user) {
            return Map.of("user", user.userId().map(UUID::toString).orElse(""));
        }

        @GetMapping("/optional")
        Map<String, String> optional(@SupabaseUser(required = false) JwtClaims user) {
            return Map.of("user", user == null ? "anonymous" : user.userId().map(UUID::toString).orElse(""));
        }

        @GetMapping("/user")
        Map<String, String> user(@SupabaseUser VerifiedUser user, @SupabaseUser JwtClaims claims) {
            return Map.of("id", user.id().toString(), "role", user.appRole().map(r -> r.value()).orElse("none"),
                    "same_claims", String.valueOf(user.claims() == claims),
                    "token_hidden", String.valueOf(!user.toString().contains(user.accessToken().reveal())));
        }

        @GetMapping("/crud")
        Map<String, String> crud(@SupabaseUser SupabaseCrud crud) {
            return Map.of("actor", crud.actor().userId().map(UUID::toString).orElse(""),
                    "ip", String.valueOf(crud.requestContext().sourceIp()),
                    "request_id", String.valueOf(crud.requestContext().requestId()));
        }
    }

    private final MockMvc mvc;

    SupabaseUserArgumentResolverTest() {
        JwtVerifier verifier = JwtVerifier.builder().hs256Secret(Secret.of(SECRET)).expectedIssuer(URL + "/auth/v1")
                .build();
        SupabaseCrud crud = SupabaseCrud.builder().client(SupabaseClient.create(URL,
                CredentialProvider.fixed(Secret.of("sb_publishable_ZaqV0Ae7Vm5Fm2yqnJbSzQ_JIt7dpFZ"))))
                .auditSink(new Slf4jAuditSink()).build();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("crud", crud);
        beans.registerSingleton("ip", ClientIpResolver.trustingProxies(List.of("127.0.0.1")));
        mvc = MockMvcBuilders.standaloneSetup(new Probe())
                .setCustomArgumentResolvers(new SupabaseUserArgumentResolver(verifier,
                        beans.getBeanProvider(SupabaseCrud.class), beans.getBeanProvider(ClientIpResolver.class)))
                .setControllerAdvice(new SdkExceptionHandler()).build();
    }

    private static String token(String issuer, Instant expires) throws Exception {
        return token(USER.toString(), issuer, expires);
    }

    private static String token(String subject, String issuer, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .audience("authenticated").claim("role", "authenticated")
                .claim("app_metadata", Map.of("role", "merchant")).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void aVerifiedTokenGivesTheClaims() throws Exception {
        mvc.perform(get("/claims").header("Authorization", "Bearer " + token(URL + "/auth/v1",
                        Instant.now().plusSeconds(600))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user").value(USER.toString()));
    }

    @Test
    void noExpiredOrForeignTokensAre401ProblemDetails() throws Exception {
        mvc.perform(get("/claims")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        mvc.perform(get("/claims").header("Authorization", "Bearer " + token(URL + "/auth/v1",
                        Instant.now().minusSeconds(600))))
                .andExpect(status().isUnauthorized());
        // Signed with the right secret but issued by another project's Auth.
        mvc.perform(get("/claims").header("Authorization", "Bearer " + token("https://other.supabase.co/auth/v1",
                        Instant.now().plusSeconds(600))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anOptionalUserIsNullWithoutHeaderButAForgedTokenIsStillRefused() throws Exception {
        mvc.perform(get("/optional")).andExpect(status().isOk()).andExpect(jsonPath("$.user").value("anonymous"));
        mvc.perform(get("/optional").header("Authorization", "Bearer not.a.jwt"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theCrudActsAsTheUserWithTheRequestsIpAndId() throws Exception {
        mvc.perform(get("/crud").header("Authorization", "Bearer " + token(URL + "/auth/v1",
                        Instant.now().plusSeconds(600)))
                        .header("X-Forwarded-For", "203.0.113.9").header("X-Request-Id", "req-42")
                        .with(r -> {
                            r.setRemoteAddr("127.0.0.1");
                            return r;
                        }))
                .andExpect(status().isOk()).andExpect(jsonPath("$.actor").value(USER.toString()))
                .andExpect(jsonPath("$.ip").value("203.0.113.9")).andExpect(jsonPath("$.request_id").value("req-42"));
    }

    @Test
    void aVerifiedUserGivesTheIdAndAppRoleVerifiedOncePerRequest() throws Exception {
        mvc.perform(get("/user").header("Authorization", "Bearer " + token(URL + "/auth/v1",
                        Instant.now().plusSeconds(600))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(USER.toString()))
                .andExpect(jsonPath("$.role").value("merchant")).andExpect(jsonPath("$.same_claims").value("true"))
                .andExpect(jsonPath("$.token_hidden").value("true"));
    }

    @Test
    void aValidTokenThatNamesNoUserGivesClaimsButNoVerifiedUser() throws Exception {
        String service = token("service-account", URL + "/auth/v1", Instant.now().plusSeconds(600));
        mvc.perform(get("/claims").header("Authorization", "Bearer " + service)).andExpect(status().isOk());
        mvc.perform(get("/user").header("Authorization", "Bearer " + service))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthenticated"));
        mvc.perform(get("/crud").header("Authorization", "Bearer " + service))
                .andExpect(status().isUnauthorized());
    }
}
