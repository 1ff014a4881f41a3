package com.rabaislocal.sdk.mailersend.suppressions;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.http.SdkRequest;
import com.rabaislocal.sdk.core.page.AutoPager;
import com.rabaislocal.sdk.core.page.Page;
import com.rabaislocal.sdk.mailersend.ListParams;
import com.rabaislocal.sdk.mailersend.emails.Addresses;
import com.rabaislocal.sdk.mailersend.internal.Json;
import com.rabaislocal.sdk.mailersend.internal.MailerSendHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One suppression list: list, add, delete ({@code /suppressions/<kind>}). A cheap view; thread-safe.
 */
public final class SuppressionList {

    private final MailerSendHttp http;
    private final SuppressionKind kind;

    SuppressionList(MailerSendHttp http, SuppressionKind kind) {
        this.http = http;
        this.kind = kind;
    }

    /** @return which list this is */
    public SuppressionKind kind() {
        return kind;
    }

    /**
     * Every entry, lazily.
     *
     * @param params the domain filter and page size
     * @return the pager
     */
    public AutoPager<Suppression> list(ListParams params) {
        return http.pager("suppressions." + kind.path() + ".list", () -> request(params), params.limit(),
                this::read, Suppression::id);
    }

    /**
     * One page of entries.
     *
     * @param params the domain filter and page size
     * @param page the page number, from 1
     * @return the page
     */
    public Page<Suppression> page(ListParams params, int page) {
        return http.page(() -> request(params), page, params.limit(), this::read);
    }

    /**
     * Adds addresses (and, on the blocklist, patterns such as {@code *@example.com}).
     *
     * @param domainId the domain the entries apply to
     * @param recipients addresses to add
     * @param patterns blocklist patterns; must be empty for other lists
     * @return the entries created
     * @throws ValidationException when nothing is given, an address is invalid, patterns are given outside the
     *     blocklist, or this is the on-hold list (MailerSend adds to it itself)
     */
    public List<Suppression> add(String domainId, List<String> recipients, List<String> patterns) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (kind == SuppressionKind.ON_HOLD) {
            errors.put("kind", List.of("MailerSend puts recipients on hold itself; the on-hold list has no add"));
        }
        if (domainId == null || domainId.isBlank()) {
            errors.put("domain_id", List.of("is required"));
        }
        List<String> rs = recipients == null ? List.of() : recipients;
        List<String> ps = patterns == null ? List.of() : patterns;
        if (rs.isEmpty() && ps.isEmpty()) {
            errors.put("recipients", List.of("needs at least one address" + (kind == SuppressionKind.BLOCKLIST
                    ? " or pattern" : "")));
        }
        for (int i = 0; i < rs.size(); i++) {
            String p = Addresses.problem(rs.get(i));
            if (p != null) {
                errors.put("recipients." + i, List.of(p));
            }
        }
        if (!ps.isEmpty() && kind != SuppressionKind.BLOCKLIST) {
            errors.put("patterns", List.of("only the blocklist takes patterns"));
        }
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i) == null || ps.get(i).isBlank()) {
                errors.put("patterns." + i, List.of("must not be blank"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("suppression " + kind.path(), errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain_id", domainId);
        if (!rs.isEmpty()) {
            body.put("recipients", rs);
        }
        if (!ps.isEmpty()) {
            body.put("patterns", ps);
        }
        // Adding the same address twice leaves one entry: safe to repeat.
        MailerSendHttp.Answer a = http.json(SdkRequest.builder("POST", "/suppressions").pathSegment(kind.path())
                .operation("suppressions." + kind.path() + ".add").jsonBody(body).repeatable(true).build());
        JsonNode data = a.data();
        if (!data.isArray()) {
            throw a.unexpected("expected an array under \"data\"");
        }
        List<Suppression> out = new ArrayList<>();
        data.forEach(n -> out.add(read(n, a)));
        return out;
    }

    /**
     * Adds addresses.
     *
     * @param domainId the domain
     * @param recipients the addresses
     * @return the entries created
     */
    public List<Suppression> add(String domainId, List<String> recipients) {
        return add(domainId, recipients, List.of());
    }

    /**
     * Deletes entries by id.
     *
     * @param domainId the domain, or null
     * @param ids the entries' ids, at least one
     */
    public void delete(String domainId, List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.stream().anyMatch(i -> i == null || i.isBlank())) {
            throw new ValidationException("ids", "needs at least one id, none blank");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (domainId != null) {
            body.put("domain_id", domainId);
        }
        body.put("ids", ids);
        deleteWith(body);
    }

    /**
     * Deletes every entry of the list (of one domain when given).
     *
     * @param domainId the domain, or null for every domain
     */
    public void deleteAll(String domainId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (domainId != null) {
            body.put("domain_id", domainId);
        }
        body.put("all", true);
        deleteWith(body);
    }

    private void deleteWith(Map<String, Object> body) {
        http.send(SdkRequest.builder("DELETE", "/suppressions").pathSegment(kind.path())
                .operation("suppressions." + kind.path() + ".delete").jsonBody(body).build());
    }

    private SdkRequest.Builder request(ListParams params) {
        return params.apply(SdkRequest.builder("GET", "/suppressions").pathSegment(kind.path())
                .operation("suppressions." + kind.path() + ".list"));
    }

    private Suppression read(JsonNode n, MailerSendHttp.Answer a) {
        JsonNode recipient = n.path("recipient");
        String email = Json.text(recipient, "email");
        String pattern = Json.text(n, "pattern");
        if (email == null && kind == SuppressionKind.BLOCKLIST && "exact".equals(Json.text(n, "type"))) {
            email = pattern;
        }
        if (email == null) {
            email = Json.text(n, "email");
        }
        String reason = Json.text(n, "reason");
        if (reason == null) {
            reason = Json.text(n, "reasons");
        }
        return new Suppression(a.required(n, "id"), kind, java.util.Optional.ofNullable(email),
                java.util.Optional.ofNullable(pattern), java.util.Optional.ofNullable(reason),
                Json.instant(n, "created_at"), n);
    }
}
