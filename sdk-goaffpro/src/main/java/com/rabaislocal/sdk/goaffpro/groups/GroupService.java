package com.rabaislocal.sdk.goaffpro.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabaislocal.sdk.core.json.SdkJson;
import com.rabaislocal.sdk.goaffpro.ListParams;
import com.rabaislocal.sdk.goaffpro.WriteResult;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.internal.Requests;
import java.util.List;
import java.util.function.Function;

/**
 * The affiliate groups ({@code /admin/groups}). GoAffPro has answered HTTP 504 with an HTML page here: that is a
 * {@link com.rabaislocal.sdk.core.error.ServerException} keeping the page's title, retried like any read.
 */
public final class GroupService {

    private static final String PATH = "/admin/groups";

    private final GoAffProHttp calls;

    /**
     * Creates the view.
     *
     * @param calls the client's call layer
     */
    public GroupService(GoAffProHttp calls) {
        this.calls = calls;
    }

    /**
     * Lists the groups.
     *
     * @param extraFields field names beyond {@link Group#DEFAULT_FIELDS}
     * @return the groups
     */
    public List<Group> list(String... extraFields) {
        return calls.list(Requests.get("groups.list", PATH)
                .query("fields", ListParams.fields(Group.DEFAULT_FIELDS, List.of(extraFields))).build(),
                "groups", Group::from);
    }

    /**
     * Creates a group.
     *
     * @param name the group's name
     * @param settings other fields (commissions, config), raw, or null
     * @return GoAffPro's answer
     */
    public WriteResult create(String name, ObjectNode settings) {
        ObjectNode body = settings == null ? SdkJson.mapper().createObjectNode() : settings.deepCopy();
        body.put("name", Requests.id("name", name));
        return calls.call(Requests.post("groups.create", PATH).jsonBody(body).build(),
                root -> WriteResult.from(root, "group_id"));
    }

    /**
     * Replaces a group's fields ({@code PUT}).
     *
     * @param id the group id
     * @param fields the group's fields, raw
     * @return GoAffPro's answer
     */
    public WriteResult update(String id, ObjectNode fields) {
        return calls.call(Requests.put("groups.update", PATH).pathSegment(Requests.id("id", id))
                .jsonBody(fields.deepCopy()).build(), root -> WriteResult.from(root, "group_id"));
    }

    /**
     * Deletes a group.
     *
     * @param id the group id
     * @return GoAffPro's answer
     */
    public WriteResult delete(String id) {
        return calls.call(Requests.delete("groups.delete", PATH).pathSegment(Requests.id("id", id)).build(),
                root -> WriteResult.from(root, null));
    }

    /**
     * Lists a group's members.
     *
     * @param id the group id
     * @return the members, raw (undocumented shape)
     */
    public List<JsonNode> members(String id) {
        return calls.list(Requests.get("groups.members", PATH).pathSegment(Requests.id("id", id))
                .pathSegment("members").build(), "members", Function.identity());
    }
}
