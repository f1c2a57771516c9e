package org.rewriteradar.streams;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;

/** JSON serdes for the records that travel on topics and live in state stores. */
public final class JsonSerdes {

    /** The one mapper for topics and stores: ISO-8601 dates, unknown fields ignored. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private JsonSerdes() {}

    public static <T> ObjectMapperSerde<T> of(Class<T> type) {
        return new ObjectMapperSerde<>(type, MAPPER);
    }
}
