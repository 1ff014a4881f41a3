package com.rabaislocal.sdk.mailersend.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.config.Secret;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.json.SdkJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Receives MailerSend's webhook deliveries: checks the signature ({@link MailerSendSignature}), parses the event
 * leniently into its typed class, and drops repeats by {@code data.id} through the caller's
 * {@link EventDeduplicator}. Immutable and thread-safe.
 *
 * <pre>{@code
 * MailerSendWebhooks hooks = MailerSendWebhooks.of(signingSecret);
 * Optional<MailerSendEvent> e = hooks.receive(rawBody, request::headerValues, dedup);  // 401 on exception
 * e.ifPresent(queue::add);                                                              // answer 200 either way
 * }</pre>
 */
public final class MailerSendWebhooks {

    private final List<Secret> secrets;

    private MailerSendWebhooks(List<Secret> secrets) {
        this.secrets = secrets;
    }

    /**
     * A receiver for one webhook's signing secret, and older secrets still accepted during a rotation.
     *
     * @param signingSecret the secret {@code webhooks().create(...)} returned
     * @param previous secrets still accepted
     * @return the receiver
     */
    public static MailerSendWebhooks of(Secret signingSecret, Secret... previous) {
        List<Secret> all = new ArrayList<>();
        all.add(Objects.requireNonNull(signingSecret, "signingSecret"));
        for (Secret s : previous) {
            all.add(Objects.requireNonNull(s, "previous secret"));
        }
        return new MailerSendWebhooks(List.copyOf(all));
    }

    /** @return the secrets accepted, current first */
    public List<Secret> secrets() {
        return secrets;
    }

    /**
     * Checks a delivery's signature.
     *
     * @param rawBody the body exactly as received
     * @param headerValues every value of a header by name (any case)
     * @return the outcome
     */
    public MailerSendSignature.Check check(byte[] rawBody, Function<String, List<String>> headerValues) {
        return MailerSendSignature.check(secrets, rawBody, headerValues);
    }

    /**
     * Checks the signature and parses the event.
     *
     * @param rawBody the body exactly as received
     * @param headerValues every value of a header by name (any case)
     * @return the event
     * @throws WebhookVerificationException when the signature is missing, malformed or wrong
     * @throws ValidationException when the body is not a JSON object
     */
    public MailerSendEvent verify(byte[] rawBody, Function<String, List<String>> headerValues) {
        MailerSendSignature.Check c = check(rawBody, headerValues);
        if (c != MailerSendSignature.Check.VALID) {
            throw new WebhookVerificationException(c);
        }
        return parse(rawBody);
    }

    /**
     * Checks, parses and deduplicates a delivery. The test ping is never deduplicated (it has no id).
     *
     * @param rawBody the body exactly as received
     * @param headerValues every value of a header by name (any case)
     * @param deduplicator the caller's store of handled ids
     * @return the event, or empty for a repeat (answer it 200 all the same)
     * @throws WebhookVerificationException when the signature is missing, malformed or wrong
     */
    public Optional<MailerSendEvent> receive(byte[] rawBody, Function<String, List<String>> headerValues,
                                             EventDeduplicator deduplicator) {
        MailerSendEvent e = verify(rawBody, headerValues);
        Optional<String> id = e.id();
        if (id.isPresent() && !deduplicator.firstSeen(id.get())) {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /**
     * Parses an event without checking it (the signature was checked elsewhere, e.g. by sdk-webhooks' receiver).
     *
     * @param rawBody the body
     * @return the typed event; unknown types and a missing {@code data} are fine
     * @throws ValidationException when the body is not a JSON object
     */
    public static MailerSendEvent parse(byte[] rawBody) {
        JsonNode root;
        try {
            root = rawBody == null || rawBody.length == 0 ? null : SdkJson.mapper().readTree(rawBody);
        } catch (IOException e) {
            throw new ValidationException("webhook body", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("webhook body", "must be a JSON object");
        }
        JsonNode t = root.get("type");
        String type = t == null || !t.isTextual() || t.asText().isBlank() ? "unknown" : t.asText();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals(MailerSendEvent.WEBHOOK_TEST)) {
            return new TestEvent(type, root);
        }
        if (lower.startsWith("activity.")) {
            return new ActivityEvent(type, root);
        }
        if (lower.equals(MailerSendEvent.BULK_EMAIL_COMPLETED)) {
            return new BulkEmailCompletedEvent(type, root);
        }
        if (lower.startsWith("recipient.")) {
            return new RecipientEvent(type, root);
        }
        return new MailerSendEvent(type, root);
    }

    @Override
    public String toString() {
        return "MailerSendWebhooks[" + secrets.size() + " secret(s)]";
    }
}
