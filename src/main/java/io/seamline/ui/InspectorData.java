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
            return new InspectorData(TimelineBuilder.build(info.title(), info.timeZone(), store), store.calls(),
                    store.sipMessages(), store.streams(), store.gaps(), store.alignments(), lanes, pyramids,
                    service.annotations());
        } catch (SQLException | IOException e) {
            throw new CaseFileException(service.caseFile().path(), "analysis results cannot be read: "
                    + e.getMessage(), e);
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
