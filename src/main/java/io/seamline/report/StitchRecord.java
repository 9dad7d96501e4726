package io.seamline.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.casefile.CanonicalJson;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.UtcTimes;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the case's {@code stitch} table (schema 3): a stitched recording written outside the case,
 * the SHA-256 it had when written, its manifest JSON, and the custody entry that recorded it.
 */
public record StitchRecord(long id, Instant createdUtc, String outputPath, String outputSha256, String manifestJson,
        long custodySeq) {

    /** One stretch of the stitched output taken from one source, as read from the manifest. */
    public record Segment(String source, Instant startUtc, Instant endUtc, Double confidence) {
    }

    /** The most recent stitch of the case, if any. */
    public static Optional<StitchRecord> latest(CaseService cases) throws CaseFileException {
        try (Statement st = cases.caseFile().connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, created_utc, output_path, output_sha256, manifest, custody_seq"
                     + " FROM stitch ORDER BY id DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StitchRecord(rs.getLong(1), UtcTimes.parse(rs.getString(2)), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getLong(6)));
        } catch (SQLException e) {
            throw new CaseFileException(cases.caseFile().path(), "the stitch table cannot be read: " + e.getMessage(), e);
        }
    }

    /** The output file as a path. */
    public Path outputFile() {
        return Path.of(outputPath);
    }

    /**
     * The manifest's segments: every JSON object in it that names a source (a {@code source},
     * {@code sourceLane}, {@code lane}, {@code originalName} or {@code file} field) and a UTC span (fields
     * whose names start with {@code start} and {@code end} and end in {@code Utc}). Unreadable manifests
     * give no segments.
     */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        JsonNode root;
        try {
            root = CanonicalJson.read(manifestJson);
        } catch (RuntimeException e) {
            return out;
        }
        collect(root, out, 0);
        return out;
    }

    /** The first segment from a source other than {@code lane} that overlaps {@code [startUtc, endUtc]}. */
    public Optional<Segment> filling(Instant startUtc, Instant endUtc, String lane) {
        for (Segment s : segments()) {
            boolean overlaps = s.startUtc().isBefore(endUtc.equals(startUtc) ? endUtc.plusNanos(1) : endUtc)
                    && s.endUtc().isAfter(startUtc);
            if (overlaps && !s.source().equals(lane)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static void collect(JsonNode node, List<Segment> out, int depth) {
        if (node == null || depth > 16 || out.size() > 10_000) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, out, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String source = text(node, "source", "sourceLane", "lane", "originalName", "file");
        Instant start = null;
        Instant end = null;
        Double confidence = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (field.getValue().isTextual() && name.endsWith("utc")) {
                Instant t = parse(field.getValue().asText());
                if (name.startsWith("start") || name.startsWith("from") || name.startsWith("output")) {
                    start = start == null ? t : start;
                } else if (name.startsWith("end") || name.startsWith("to")) {
                    end = end == null ? t : end;
                }
            }
            if (field.getValue().isNumber() && name.contains("confidence")) {
                confidence = field.getValue().asDouble();
            }
            if (field.getValue().isContainerNode()) {
                collect(field.getValue(), out, depth + 1);
            }
        }
        if (source != null && start != null && end != null) {
            out.add(new Segment(source, start, end, confidence));
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static Instant parse(String text) {
        try {
            return UtcTimes.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
