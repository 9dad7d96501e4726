package io.seamline.cli;

import io.seamline.casefile.Evidence;
import io.seamline.casefile.UtcTimes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The documented JSON form of an evidence item (README, "JSON output"). */
final class EvidenceJson {
    private EvidenceJson() {
    }

    static Map<String, Object> of(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.kind().cliName());
        m.put("format", e.format().label());
        m.put("originalName", e.originalName());
        m.put("originalPath", e.originalPath());
        m.put("sizeBytes", e.sizeBytes());
        m.put("sha256", e.sha256());
        m.put("importedAtUtc", UtcTimes.format(e.importedAtUtc()));
        m.put("importedBy", e.importedBy());
        m.put("note", e.note());
        return m;
    }
}
