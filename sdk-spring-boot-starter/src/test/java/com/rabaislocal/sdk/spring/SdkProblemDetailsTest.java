package com.rabaislocal.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ApiException;
import com.rabaislocal.sdk.core.error.ConfigException;
import com.rabaislocal.sdk.core.error.RabaisSdkException;
import com.rabaislocal.sdk.core.error.RequestTimeoutException;
import com.rabaislocal.sdk.core.error.TransportException;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.spring.web.SdkProblemDetails;
import com.rabaislocal.sdk.supabase.auth.InvalidTokenException;
import com.rabaislocal.sdk.supabase.crud.CrudPermissionException;
import com.rabaislocal.sdk.supabase.crud.RowConflictException;
import com.rabaislocal.sdk.supabase.crud.RowNotFoundException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class SdkProblemDetailsTest {

    private static final String INTERNAL = "relation \"offers\" at 10.0.0.7 key sb_secret_N7UND0Ug";

    private static ApiException api(int status) {
        return ApiException.of(ApiError.builder().service("supabase").httpStatus(status).method("POST")
                .path("/rest/v1/offers").code("XX000").message(INTERNAL).build());
    }

    private static void assertProblem(RabaisSdkException e, int status, String code) {
        ProblemDetail p = SdkProblemDetails.of(e);
        assertThat(p.getStatus()).as(e.getClass().getSimpleName()).isEqualTo(status);
        assertThat(p.getProperties()).containsEntry("code", code);
        assertThat(p.getType().toString()).isEqualTo("urn:rabaislocal:problem:" + code);
        assertThat(p.getTitle()).isNotBlank();
        // Nothing of the exception's own text reaches the caller.
        assertThat(String.valueOf(p.getDetail()) + p.getProperties()).doesNotContain("10.0.0.7")
                .doesNotContain("sb_secret").doesNotContain(e.getMessage());
    }

    @Test
    void eachFamilyHasItsStatusAndNoInternalMessage() {
        assertProblem(api(400), 422, "request_refused");
        assertProblem(api(401), 401, "unauthenticated");
        assertProblem(api(403), 403, "forbidden");
        assertProblem(api(404), 404, "not_found");
        assertProblem(api(409), 409, "conflict");
        assertProblem(api(429), 429, "rate_limited");
        assertProblem(api(500), 502, "upstream_failed");
        assertProblem(api(418), 502, "upstream_failed");
        assertProblem(new RequestTimeoutException("supabase", INTERNAL, null), 504, "upstream_timeout");
        assertProblem(new TransportException("supabase", INTERNAL, null), 503, "upstream_unavailable");
        assertProblem(new ConfigException(INTERNAL), 500, "internal_error");
        assertProblem(new RabaisSdkException(INTERNAL), 500, "internal_error");
    }

    @Test
    void supabaseExceptionsFollowTheirFamilies() {
        assertProblem(new RowNotFoundException("update", "offers", "42"), 404, "not_found");
        assertProblem(new RowConflictException("offers", "42", List.of("title")), 409, "conflict");
        assertProblem(new CrudPermissionException("purge", "needs the service role"), 403, "forbidden");
        assertProblem(new InvalidTokenException(InvalidTokenException.Reason.EXPIRED, "expired at 12:00"), 401,
                "unauthenticated");
    }

    @Test
    void aValidationErrorListsTheCallersFields() {
        ValidationException e = new ValidationException("offer", Map.of("title", List.of("must not be blank"),
                "discount_percent", List.of("must be between 1 and 100, was 150")));
        ProblemDetail p = SdkProblemDetails.of(e);
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getProperties()).containsEntry("code", "validation_failed");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> errors = (Map<String, List<String>>) p.getProperties().get("errors");
        assertThat(errors).containsOnlyKeys("discount_percent", "title");
        assertThat(errors.get("title")).containsExactly("must not be blank");
    }
}
