package com.rabaislocal.sdk.mailersend.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.mailersend.ListParams;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;

/**
 * Templates: {@code GET /templates} and {@code GET /templates/{id}}. A cheap view; thread-safe.
 */
public final class TemplateService {

    private final MailerSendHttp http;

    /**
     * @param http the module's calls
     */
    public TemplateService(MailerSendHttp http) {
        this.http = http;
    }

    /**
     * Every template, lazily.
     *
     * @param params the domain filter and page size
     * @return the pager
     */
    public AutoPager<Template> list(ListParams params) {
        return http.pager("templates.list", () -> request(params), params.limit(), TemplateService::read,
                Template::id);
    }

    /**
     * One page of templates.
     *
     * @param params the domain filter and page size
     * @param page the page number, from 1
     * @return the page; its cursor the next page number
     */
    public Page<Template> page(ListParams params, int page) {
        return http.page(() -> request(params), page, params.limit(), TemplateService::read);
    }

    /**
     * One template.
     *
     * @param templateId the id
     * @return the template
     * @throws com.rabaislocal.sdk.core.error.NotFoundException when there is none
     */
    public Template get(String templateId) {
        if (templateId == null || templateId.isBlank()) {
            throw new ValidationException("templateId", "is required");
        }
        MailerSendHttp.Answer a = http.data(SdkRequest.builder("GET", "/templates").pathSegment(templateId)
                .operation("templates.get").build());
        return read(a.data(), a);
    }

    private static SdkRequest.Builder request(ListParams params) {
        return params.apply(SdkRequest.builder("GET", "/templates").operation("templates.list"));
    }

    static Template read(JsonNode n, MailerSendHttp.Answer a) {
        return new Template(a.required(n, "id"), Json.text(n, "name"), Json.text(n, "type"),
                Json.optText(n, "image_path"), Json.instant(n, "created_at"), n);
    }
}
