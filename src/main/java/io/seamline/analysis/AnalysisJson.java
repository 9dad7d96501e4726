package io.seamline.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.seamline.casefile.UtcTimes;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON form of analysis records, stored in the case's derived tables and printed by
 * {@code show --json}: camelCase fields, instants as ISO-8601 UTC with microseconds, nulls omitted.
 */
public final class AnalysisJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("utc-instants")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                                throws IOException {
                            gen.writeString(UtcTimes.format(value));
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return UtcTimes.parse(p.getValueAsString());
                        }
                    }))
            .build();

    private AnalysisJson() {
    }

    /** The configured mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes a record as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write analysis record: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a record back. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored analysis record is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
