package com.rabaislocal.sdk.mailersend.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.mailersend.ListParams;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages: {@code GET /messages} and {@code GET /messages/{id}}. A cheap view; thread-safe.
 */
public final class MessageService {

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public MessageService(MailerSendHttp http) {
        this.http = http;
    }

    /**
     * Every message, newest first, lazily.
     *
     * @param params the page size (the domain filter is ignored by this endpoint)
     * @return the pager
     */
    public AutoPager<Message> list(ListParams params) {
        return http.pager("messages.list", MessageService::request, params.limit(), MessageService::read,
                Message::id);
    }

    /**
     * One page of messages.
     *
     * @param params the page size
     * @param page the page number, from 1
     * @return the page
     */
    public Page<Message> page(ListParams params, int page) {
        return http.page(MessageService::request, page, params.limit(), MessageService::read);
    }

    /**
     * One message.
     *
     * @param messageId the {@code X-Message-Id} of a send
     * @return the message with its emails
     */
    public Message get(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new ValidationException("messageId", "is required");
        }
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("GET", "/messages").pathSegment(messageId)
                .operation("messages.get").build());
        return read(a.data(), a);
    }

    private static SdkRequest.Builder request() {
        return SdkRequest.builder("GET", "/messages").operation("messages.list");
    }

    static Message read(JsonNode n, MailerSendHttp.Answer a) {
        List<String> emails = new ArrayList<>();
        n.path("emails").forEach(e -> {
            String id = Json.text(e, "id");
            if (id != null) {
                emails.add(id);
            }
        });
        return new Message(a.required(n, "id"), emails, Json.instant(n, "created_at"), Json.instant(n, "updated_at"),
                n);
    }
}
