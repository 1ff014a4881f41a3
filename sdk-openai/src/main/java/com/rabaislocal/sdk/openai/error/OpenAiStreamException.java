package com.rabaislocal.sdk.openai.error;

import com.rabaislocal.sdk.core.error.ApiError;
import com.rabaislocal.sdk.core.error.ServerException;

/**
 * A stream that had started (HTTP 200) reported an error instead of going on: a {@code data: {"error": ...}} line
 * in a Chat Completions stream, or an {@code error} / {@code response.failed} event in a Responses stream. The
 * stream is closed. Nothing is retried: deltas may already have been handed out. {@link #httpStatus()} is the
 * stream's 200; {@link #code()} and {@link OpenAiError#of} tell what OpenAI said.
 */
public class OpenAiStreamException extends ServerException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error read from the event
     */
    public OpenAiStreamException(ApiError error) {
        super(error);
    }
}
