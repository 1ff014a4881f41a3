package com.rabaislocal.sdk.spring.web;

import com.rabaislocal.sdk.supabase.auth.JwtClaims;
import com.rabaislocal.sdk.supabase.auth.JwtVerifier;
import com.rabaislocal.sdk.supabase.auth.VerifiedUser;
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
    private static final String USER = SupabaseUserArgumentResolver.class.getName() + ".user";
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
                && (type == JwtClaims.class || type == VerifiedUser.class || type == SupabaseCrud.class);
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
        if (parameter.getParameterType() == JwtClaims.class) {
            return claims(request, header);
        }
        VerifiedUser user = (VerifiedUser) request.getAttribute(USER);
        if (user == null) {
            // A user, not just valid claims: the token's sub must be a user id.
            user = verifier.verifyUserFromHeader(header);
            request.setAttribute(USER, user);
        }
        if (parameter.getParameterType() == VerifiedUser.class) {
            return user;
        }
        SupabaseCrud template = crud.getIfAvailable();
        if (template == null) {
            throw new IllegalStateException("@SupabaseUser SupabaseCrud needs the SupabaseCrud bean");
        }
        return template.as(user).withRequestContext(context(request));
    }

    /** The claims of the request's token, verified once per request whichever parameter asked first. */
    private JwtClaims claims(HttpServletRequest request, String header) {
        if (request.getAttribute(USER) instanceof VerifiedUser user) {
            return user.claims();
        }
        JwtClaims claims = (JwtClaims) request.getAttribute(CLAIMS);
        if (claims == null) {
            claims = verifier.verifyAuthorizationHeader(header);
            request.setAttribute(CLAIMS, claims);
        }
        return claims;
    }

    private RequestContext context(HttpServletRequest request) {
        ClientIpResolver resolver = ipResolver.getIfAvailable(ClientIpResolver::direct);
        String ip = resolver.resolve(request.getRemoteAddr(), name -> Collections.list(request.getHeaders(name)));
        String id = request.getHeader("X-Request-Id");
        return RequestContext.of(ip, id != null && REQUEST_ID.matcher(id).matches() ? id : null);
    }
}
