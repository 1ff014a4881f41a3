package com.rabaislocal.sdk.openai.chat;

import com.rabaislocal.sdk.core.error.RabaisSdkException;

/**
 * The model refused to answer a structured request ({@code message.refusal} set): there is nothing to bind. The
 * refusal text is available from {@link #refusal()}; the message only says that the model refused.
 */
public class ModelRefusalException extends RabaisSdkException {

    private static final long serialVersionUID = 1L;

    private final transient String refusal;

    /**
     * Creates the exception.
     *
     * @param schema the schema's name
     * @param refusal the model's refusal
     */
    public ModelRefusalException(String schema, String refusal) {
        super("openai: the model refused to answer with " + schema + " (" + refusal.length() + " chars of refusal)");
        this.refusal = refusal;
    }

    /** @return the model's refusal text */
    public String refusal() {
        return refusal;
    }
}
