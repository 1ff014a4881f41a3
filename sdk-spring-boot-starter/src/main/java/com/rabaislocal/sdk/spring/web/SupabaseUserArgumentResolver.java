package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.supabase.auth.JwtClaims;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import com.rabaislocal.sdk.supabase.crud.RequestContext;
import com.rabaislocal.sdk.supabase.crud.SupabaseCrud;
import com.rabaislocal.sdk.webhooks.ClientIpResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link SupabaseUser} parameters; the token is verified once per request. */
final class SupabaseUserArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String CLAIMS = SupabaseUserArgumentResolver.class.getName() + ".claims";
    /** A request id worth recording: a plain token, as the webhook receiver accepts. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JwtVerifier verifier;
    private final ObjectProvider<SupabaseCrud> crud;
    private final ObjectProvider<ClientIpResolver> ipResolver;

    SupabaseUserArgumentResolver(JwtVerifier verifier, ObjectProvider<SupabaseCrud> crud,
                                 ObjectProvider<ClientIpResolver> ipResolver) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.crud = crud;
        this.ipResolver = ipResolver;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(SupabaseUser.class)
                && (type == JwtClaims.class || type == SupabaseCrud.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                  WebDataBinderFactory binders) {
        HttpServletRequest request = Objects.requireNonNull(web.getNativeRequest(HttpServletRequest.class));
        String header = request.getHeader("Authorization");
        SupabaseUser annotation = Objects.requireNonNull(parameter.getParameterAnnotation(SupabaseUser.class));
        if ((header == null || header.isBlank()) && !annotation.required()) {
            return null;
        }
        JwtClaims claims = (JwtClaims) request.getAttribute(CLAIMS);
        if (claims == null) {
            claims = verifier.verifyAuthorizationHeader(header);
            request.setAttribute(CLAIMS, claims);
        }
        if (parameter.getParameterType() == JwtClaims.class) {
            return claims;
        }
        SupabaseCrud template = crud.getIfAvailable();
        if (template == null) {
            throw new IllegalStateException("@SupabaseUser SupabaseCrud needs the SupabaseCrud bean");
        }
        // The header was verified above: what follows "Bearer " is the token.
        String token = header.strip().substring(7).strip();
        return template.withAccessToken(token).withRequestContext(context(request));
    }

    private RequestContext context(HttpServletRequest request) {
        ClientIpResolver resolver = ipResolver.getIfAvailable(ClientIpResolver::direct);
        String ip = resolver.resolve(request.getRemoteAddr(), name -> Collections.list(request.getHeaders(name)));
        String id = request.getHeader("X-Request-Id");
        return RequestContext.of(ip, id != null && REQUEST_ID.matcher(id).matches() ? id : null);
    }
}
