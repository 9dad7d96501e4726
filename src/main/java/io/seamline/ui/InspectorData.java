package io.seamline.ui;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformPyramidReader;
import io.seamline.casefile.Annotation;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.timeline.TimelineBuilder;
import io.seamline.timeline.TimelineModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the inspector shows of one case's stored analysis, read once on the worker thread: the
 * timeline model, the tables' rows, each lane's decoded waveform pyramid with its overview
 * ({@link LaneSummary}) and the examiner's notes.
 * The window draws from these summaries only; audio is read for playback alone.
 */
public record InspectorData(TimelineModel timeline, List<CallRecord> calls, List<SipMessageRecord> messages,
        List<StreamRecord> streams, List<GapRecord> gaps, List<AlignmentRecord> alignments, List<LaneRecord> lanes,
        Map<Long, LaneSummary> pyramids, List<Annotation> annotations) {

    /** Nothing analysed. */
    public static final InspectorData EMPTY = new InspectorData(new TimelineModel("", ZoneOffset.UTC, Instant.EPOCH,
            Instant.EPOCH.plusSeconds(60), List.of(), List.of(), List.of()), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), Map.of(), List.of());

    public InspectorData {
        calls = List.copyOf(calls);
        messages = List.copyOf(messages);
        streams = List.copyOf(streams);
        gaps = List.copyOf(gaps);
        alignments = List.copyOf(alignments);
        lanes = List.copyOf(lanes);
        pyramids = Map.copyOf(pyramids);
        annotations = List.copyOf(annotations);
    }

    /** Reads the stored analysis of an open case; a case never analysed gives empty lists. */
    public static InspectorData read(CaseService service) throws CaseFileException {
        AnalysisStore store = new AnalysisStore(service.caseFile().connection());
        var info = service.info();
        try {
            List<LaneRecord> lanes = store.lanes();
            Map<Long, LaneSummary> pyramids = new HashMap<>();
            for (LaneRecord lane : lanes) {
                Optional<byte[]> bytes = store.pyramid(lane.id());
                if (bytes.isPresent()) {
                    WaveformPyramid pyramid = new WaveformPyramidReader().read(new ByteArrayInputStream(bytes.get()));
                    pyramids.put(lane.id(), LaneSummary.of(pyramid));
                }
            }
            io.seamline.timeline.TimelineModel timeline = withStitch(TimelineBuilder.build(info.title(), info.timeZone(),
                    store), service, pyramids);
            return new InspectorData(timeline, store.calls(),
                    store.sipMessages(), store.streams(), store.gaps(), store.alignments(), lanes, pyramids,
                    service.annotations());
        } catch (SQLException | IOException e) {
            throw new CaseFileException(service.caseFile().path(), "analysis results cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Adds the latest stitched recording as its own lane, with its seams as markers, when its file is
     * still there and unchanged (its SHA-256 is the one the stitch recorded). The lane has a negative
     * id: it is no analysis lane, and its waveform comes from the stitched file itself.
     */
    static io.seamline.timeline.TimelineModel withStitch(io.seamline.timeline.TimelineModel model, CaseService service,
            Map<Long, LaneSummary> pyramids) throws SQLException {
        var latest = new io.seamline.stitch.StitchStore(service.caseFile().connection()).latest();
        if (latest.isEmpty() || !java.nio.file.Files.isRegularFile(latest.get().outputPath())) {
            return model;
        }
        var stitch = latest.get();
        var manifest = stitch.manifest();
        try (var reader = io.seamline.audio.WavReader.open(stitch.outputPath())) {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = java.nio.file.Files.newInputStream(stitch.outputPath())) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                }
            }
            if (!java.util.HexFormat.of().formatHex(sha.digest()).equals(stitch.outputSha256())) {
                return model;
            }
            var builder = new io.seamline.audio.WaveformPyramidBuilder(reader.info().sampleRateHz(), 1);
            reader.streamTo((lanes, frames) -> builder.accept(new float[][] {lanes[0]}, frames));
            long laneId = -stitch.id();
            pyramids.put(laneId, LaneSummary.of(builder.build()));
            var lanes = new java.util.ArrayList<>(model.lanes());
            lanes.add(new io.seamline.timeline.TimelineLane(laneId, 0, "stitched " + stitch.outputPath().getFileName(),
                    io.seamline.timeline.LaneKind.STITCHED, manifest.outputStartUtc(), manifest.sampleRateHz(),
                    manifest.sampleCount(), "stitched result, " + stitch.seamsSamples().size() + " seam(s)", List.of()));
            var markers = new java.util.ArrayList<>(model.markers());
            for (long seam : stitch.seamsSamples()) {
                markers.add(new io.seamline.timeline.TimelineMarker(manifest.outputStartUtc().plusNanos(
                        Math.round(seam * 1e9 / manifest.sampleRateHz())), io.seamline.timeline.MarkerKind.OTHER,
                        "seam", "stitched recording: a seam between two sources (see the manifest)", ""));
            }
            markers.sort(java.util.Comparator.comparing(io.seamline.timeline.TimelineMarker::timeUtc));
            return new io.seamline.timeline.TimelineModel(model.title(), model.caseZone(), model.startUtc(),
                    model.endUtc(), lanes, markers, model.gaps());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return model;
        }
    }

    /** The lane record with an id, if analysed. */
    public Optional<LaneRecord> lane(long laneId) {
        return lanes.stream().filter(l -> l.id() == laneId).findFirst();
    }

    /** The alignment of a lane, if one was computed. */
    public Optional<AlignmentRecord> alignment(long laneId) {
        return alignments.stream().filter(a -> a.laneId() == laneId).findFirst();
    }
}
