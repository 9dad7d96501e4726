package io.seamline.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON text hashed by the custody log: object keys sorted in Java {@code String} order (UTF-16 code units), no
 * insignificant whitespace, strings escaped as Jackson writes them (UTF-8, {@code \\uXXXX} only for
 * control characters). Re-serialising a parsed canonical text yields the same bytes.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {
    }

    /** Writes a value (maps, lists, records, scalars) as canonical JSON. */
    public static String write(Object value) {
        try {
            JsonNode tree = MAPPER.valueToTree(value);
            return MAPPER.writeValueAsString(sorted(tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write custody details as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text into a tree. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The shared mapper, configured for canonical output. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            var out = MAPPER.createObjectNode();
            var names = new java.util.TreeSet<String>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            var out = MAPPER.createArrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }
}
