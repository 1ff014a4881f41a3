package com.rabaislocal.sdk.make.hooks;

import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.util.Optional;

/**
 * A webhook (or mailhook) of the team. Its address is a {@link HookUrl}, masked when printed; the hook's
 * {@code udid} (the address's last part) is kept only inside it.
 *
 * @param id the hook id
 * @param name its name
 * @param teamId its team
 * @param type {@code web}, {@code web-shared} or {@code mail}
 * @param typeName e.g. {@code gateway-webhook}
 * @param enabled whether it accepts requests
 * @param gone whether Make retired it (it answers 410)
 * @param queueCount requests waiting in its queue
 * @param queueLimit the queue's size
 * @param scenarioId the scenario it triggers, if attached
 * @param url its address, when Make sent one
 */
public record Hook(long id, String name, long teamId, String type, String typeName, boolean enabled, boolean gone,
                   long queueCount, long queueLimit, Optional<Long> scenarioId, Optional<HookUrl> url) {

    /**
     * Reads a hook object.
     *
     * @param item the object
     * @return the hook
     */
    public static Hook from(MakeHttp.Item item) {
        Optional<HookUrl> url;
        try {
            url = item.optText("url").map(HookUrl::of);
        } catch (com.rabaislocal.sdk.core.error.ValidationException e) {
            throw item.unexpected("a hook's 'url' is not an https URL");
        }
        return new Hook(item.requiredLong("id"), item.optText("name").orElse(""), item.optLong("teamId").orElse(0L),
                item.optText("type").orElse(""), item.optText("typeName").orElse(""), item.flag("enabled"),
                item.flag("gone"), item.optLong("queueCount").orElse(0L), item.optLong("queueLimit").orElse(0L),
                item.optLong("scenarioId"), url);
    }
}
