package com.rabaislocal.sdk.goaffpro.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabaislocal.sdk.goaffpro.internal.GoAffProHttp;
import com.rabaislocal.sdk.goaffpro.json.Lenient;
import com.rabaislocal.sdk.goaffpro.json.RawModel;
import java.util.List;
import java.util.Optional;

/** An affiliate group, with its own commissions and settings ({@code GET /admin/groups}). */
public final class Group extends RawModel {

    /** The fields asked for by default: the documented set. */
    public static final List<String> DEFAULT_FIELDS = List.of("id", "name", "commissions", "config");

    private final String id;
    private final String name;

    private Group(JsonNode raw) {
        super(raw);
        this.id = GoAffProHttp.requireId(raw, "id");
        this.name = Lenient.text(raw, "name");
    }

    /**
     * Reads a group object.
     *
     * @param node the object
     * @return the group
     */
    public static Group from(JsonNode node) {
        return new Group(node);
    }

    /** @return the id, never null */
    public String id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the group's commissions, raw (undocumented shape) */
    public Optional<JsonNode> commissions() {
        return field("commissions");
    }

    /** @return the group's settings, raw (undocumented shape) */
    public Optional<JsonNode> config() {
        return field("config");
    }

    @Override
    public String toString() {
        return "Group{id=" + id + ", name=" + name + '}';
    }
}
