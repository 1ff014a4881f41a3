package com.rabaislocal.sdk.mailersend.emails;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.UnexpectedResponseException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.http.SdkResponse;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.mailersend.RateLimitInfo;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends single emails ({@code POST /v1/email}). A cheap view over the client; thread-safe.
 */
public final class EmailService {

    private static final Logger LOG = LoggerFactory.getLogger("com.rabaislocal.sdk.mailersend");

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public EmailService(MailerSendHttp http) {
        this.http = http;
    }

    /**
     * Sends an email, retried only where it cannot be sent twice ({@link SendRetry#SAFE_ONLY}).
     *
     * @param params the email, already checked by its builder
     * @return the message id, warnings and rate-limit values
     * @throws com.rabaislocal.sdk.mailersend.error.MailerSendValidationException when MailerSend refuses it (422)
     * @throws com.rabaislocal.sdk.mailersend.error.MailerSendRateLimitException when still rate limited after the
     *     retries (429)
     * @throws com.rabaislocal.sdk.core.error.RequestTimeoutException when no answer came in time: the email may
     *     or may not have been sent
     */
    public EmailSendResult send(EmailSendParams params) {
        return send(params, SendRetry.SAFE_ONLY);
    }

    /**
     * Sends an email under the given retry rule.
     *
     * @param params the email
     * @param retry {@link SendRetry#ALSO_UNCERTAIN} to accept a possible duplicate in exchange for more retries
     * @return the message id, warnings and rate-limit values
     */
    public EmailSendResult send(EmailSendParams params, SendRetry retry) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(retry, "retry");
        SdkRequest request = SdkRequest.builder("POST", "/email").operation("emails.send").jsonBody(params.body())
                .repeatable(retry == SendRetry.ALSO_UNCERTAIN).build();
        SdkResponse r = http.send(request);
        EmailSendResult result = readResult(request, r);
        if (result.status() == EmailSendResult.Status.ALL_SUPPRESSED) {
            LOG.warn("mailersend sent nothing: all {} recipient(s) suppressed", result.suppressedRecipients().size());
        }
        return result;
    }

    /**
     * Reads a send's answer: the {@code X-Message-Id} header and the optional warnings body.
     *
     * @param request the request sent
     * @param r the 2xx answer
     * @return the result
     * @throws UnexpectedResponseException when the body is not the warnings shape, or a message id is missing
     *     although something was sent
     */
    static EmailSendResult readResult(SdkRequest request, SdkResponse r) {
        List<SendWarning> warnings = new ArrayList<>();
        if (!r.isEmpty() && !r.bodyString().isBlank()) {
            JsonNode root;
            try {
                root = SdkJson.mapper().readTree(r.body());
            } catch (IOException e) {
                throw new UnexpectedResponseException(MailerSendHttp.SERVICE, request.describe(), r.status(),
                        r.requestId().orElse(null), "the body is not JSON", r.bodyString(), e);
            }
            if (!root.isObject()) {
                throw new UnexpectedResponseException(MailerSendHttp.SERVICE, request.describe(), r.status(),
                        r.requestId().orElse(null), "expected a JSON object", r.bodyString(), null);
            }
            warnings.addAll(warnings(root.path("warnings")));
        }
        EmailSendResult.Status status = EmailSendResult.Status.ACCEPTED;
        for (SendWarning w : warnings) {
            if (SendWarning.ALL_SUPPRESSED.equals(w.type())) {
                status = EmailSendResult.Status.ALL_SUPPRESSED;
            } else if (SendWarning.SOME_SUPPRESSED.equals(w.type()) && status == EmailSendResult.Status.ACCEPTED) {
                status = EmailSendResult.Status.PARTLY_SUPPRESSED;
            }
        }
        Optional<String> messageId = r.header("X-Message-Id").filter(s -> !s.isBlank());
        if (messageId.isEmpty() && status != EmailSendResult.Status.ALL_SUPPRESSED) {
            throw new UnexpectedResponseException(MailerSendHttp.SERVICE, request.describe(), r.status(),
                    r.requestId().orElse(null), "the X-Message-Id header is missing (the email may have been "
                    + "accepted: do not re-send it blindly)", r.bodyString(), null);
        }
        RateLimitInfo rateLimit = MailerSendHttp.rateLimitOf(r);
        return new EmailSendResult(status, messageId, warnings, rateLimit);
    }

    /**
     * Reads a {@code warnings} array.
     *
     * @param node the array, possibly missing
     * @return the warnings
     */
    public static List<SendWarning> warnings(JsonNode node) {
        List<SendWarning> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode w : node) {
                out.add(new SendWarning(Json.text(w, "type"), Json.text(w, "warning"),
                        suppressed(w.path("recipients"))));
            }
        }
        return out;
    }

    /**
     * Reads an array of suppressed recipients ({@code {email, name, reasons[]}}).
     *
     * @param node the array, possibly missing or null
     * @return the recipients
     */
    public static List<SuppressedRecipient> suppressed(JsonNode node) {
        List<SuppressedRecipient> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode r : node) {
                if (r.isTextual()) {
                    out.add(new SuppressedRecipient(r.asText(), null, List.of()));
                } else {
                    out.add(new SuppressedRecipient(Json.text(r, "email"), Json.text(r, "name"),
                            Json.texts(r, "reasons")));
                }
            }
        }
        return out;
    }
}
