package com.rabaislocal.sdk.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's JSON configuration: unknown fields are tolerated (services add fields without notice), {@code java.time}
 * values are ISO-8601 strings, {@code Optional} is understood, and Java records bind through their canonical
 * constructors.
 */
public final class SdkJson {

    private static final ObjectMapper MAPPER = newMapper();

    private SdkJson() {
    }

    /**
     * Returns the shared, fully configured mapper. It is thread-safe; do not reconfigure it, derive with
     * {@link ObjectMapper#copy()} instead.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Creates a fresh mapper with the SDK's configuration, for callers that need to customise one.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }
}
