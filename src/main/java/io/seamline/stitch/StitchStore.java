package io.seamline.stitch;

import io.seamline.analysis.AnalysisJson;
import io.seamline.casefile.UtcTimes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the stitches recorded in a case's {@code stitch} table (schema 3) with their manifests, so the
 * window can draw the stitched result as a lane with its seams and the report can print the manifest.
 */
public final class StitchStore {
    private final Connection connection;

    /** Reads through the case file's connection ({@code caseService.caseFile().connection()}). */
    public StitchStore(Connection connection) {
        this.connection = connection;
    }

    /** One stored stitch: the row and its parsed manifest. */
    public record StoredStitch(long id, Instant createdUtc, Path outputPath, String outputSha256, String manifestJson,
            StitchManifest manifest, long custodySeq) {

        /** Output sample positions (at the manifest's rate) where one segment ends and the next begins, per channel 0. */
        public List<Long> seamsSamples() {
            List<Long> out = new ArrayList<>();
            List<StitchManifest.Segment> ch0 = manifest.segments().stream().filter(s -> s.channel() == 0).toList();
            for (int i = 0; i + 1 < ch0.size(); i++) {
                if (ch0.get(i).evidenceId() != ch0.get(i + 1).evidenceId()
                        || ch0.get(i).outputEndSample() != ch0.get(i + 1).outputStartSample()) {
                    out.add(ch0.get(i).outputEndSample());
                }
            }
            for (StitchManifest.Unfilled u : manifest.unfilled()) {
                if (u.channel() == 0) {
                    out.add(u.outputStartSample());
                    out.add(u.outputEndSample());
                }
            }
            return out.stream().distinct().sorted().toList();
        }
    }

    /** Every stitch, oldest first. */
    public List<StoredStitch> all() throws SQLException {
        List<StoredStitch> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, created_utc, output_path, output_sha256, manifest, custody_seq"
                     + " FROM stitch ORDER BY id")) {
            while (rs.next()) {
                String json = rs.getString(5);
                out.add(new StoredStitch(rs.getLong(1), UtcTimes.parse(rs.getString(2)), Path.of(rs.getString(3)),
                        rs.getString(4), json, AnalysisJson.read(json, StitchManifest.class), rs.getLong(6)));
            }
        }
        return out;
    }

    /** The most recent stitch, if any. */
    public Optional<StoredStitch> latest() throws SQLException {
        List<StoredStitch> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
