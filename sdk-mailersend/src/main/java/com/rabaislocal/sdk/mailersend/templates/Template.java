package com.rabaislocal.sdk.mailersend.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A MailerSend template.
 *
 * @param id the template id, used as {@code template_id}
 * @param name its name
 * @param type {@code html}, {@code drag_drop}, {@code rich_text} (an open value)
 * @param imagePath the preview image URL, if any
 * @param createdAt when it was made
 * @param raw the whole object, for the fields this record does not model (category, domain, stats)
 */
public record Template(String id, String name, String type, Optional<String> imagePath, Optional<Instant> createdAt,
                       JsonNode raw) {
}
