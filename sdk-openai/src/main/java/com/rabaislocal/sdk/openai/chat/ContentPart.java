package com.rabaislocal.sdk.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One part of a message's content: text or an image by URL (an {@code https} address or a {@code data:} URL).
 *
 * @param type {@code text} or {@code image_url}
 * @param text the text of a text part, else null
 * @param imageUrl the image of an image part, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentPart(@JsonProperty("type") String type, @JsonProperty("text") String text,
                          @JsonProperty("image_url") ImageUrl imageUrl) {

    /**
     * A text part.
     *
     * @param text the text
     * @return the part
     */
    public static ContentPart text(String text) {
        return new ContentPart("text", text, null);
    }

    /**
     * An image part with the default detail.
     *
     * @param url {@code https://...} or {@code data:image/png;base64,...}
     * @return the part
     */
    public static ContentPart imageUrl(String url) {
        return new ContentPart("image_url", null, new ImageUrl(url, null));
    }

    /**
     * An image part.
     *
     * @param url {@code https://...} or {@code data:image/png;base64,...}
     * @param detail {@code low}, {@code high} or {@code auto}
     * @return the part
     */
    public static ContentPart imageUrl(String url, String detail) {
        return new ContentPart("image_url", null, new ImageUrl(url, detail));
    }

    /**
     * The image of an image part.
     *
     * @param url the address
     * @param detail {@code low}, {@code high}, {@code auto}, or null for the default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageUrl(@JsonProperty("url") String url, @JsonProperty("detail") String detail) {
    }
}
