package io.seamline.report;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.EventRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformPyramidReader;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.timeline.TimelineBuilder;
import io.seamline.timeline.TimelineModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report shows, read from one case at one moment: case details, evidence, the custody log
 * so far, the stored analysis, the timeline model the window also draws, waveform pyramids per lane and
 * the latest stitch.
 */
public record ReportContent(CaseInfo info, List<Evidence> evidence, List<CustodyEntry> custody, List<CallRecord> calls,
        List<SipMessageRecord> sipMessages, List<StreamRecord> streams, List<EventRecord> events, List<LaneRecord> lanes,
        List<GapRecord> gaps, List<AlignmentRecord> alignments, TimelineModel timeline,
        Map<Long, WaveformPyramid> pyramids, Optional<StitchRecord> stitch) {

    /** Reads the content of a case. */
    public static ReportContent read(CaseService cases) throws CaseFileException {
        CaseInfo info = cases.info();
        List<Evidence> evidence = cases.evidence();
        List<CustodyEntry> custody = cases.custody();
        AnalysisStore store = new AnalysisStore(cases.caseFile().connection());
        try {
            List<LaneRecord> lanes = store.lanes();
            Map<Long, WaveformPyramid> pyramids = new HashMap<>();
            for (LaneRecord lane : lanes) {
                Optional<byte[]> bytes = store.pyramid(lane.id());
                if (bytes.isPresent()) {
                    try {
                        pyramids.put(lane.id(), new WaveformPyramidReader().read(new ByteArrayInputStream(bytes.get())));
                    } catch (IOException | RuntimeException e) {
                        // A lane whose stored summary is unreadable is drawn without a waveform; verify reports the damage.
                        continue;
                    }
                }
            }
            List<SipMessageRecord> sip = store.sipMessages().stream()
                    .sorted(Comparator.comparing(SipMessageRecord::timeUtc).thenComparing(SipMessageRecord::frame))
                    .toList();
            List<GapRecord> gaps = store.gaps().stream()
                    .sorted(Comparator.comparing(GapRecord::startUtc).thenComparing(GapRecord::lane)).toList();
            TimelineModel timeline = TimelineBuilder.build(info.title(), info.timeZone(), store);
            return new ReportContent(info, evidence, custody, store.calls(), sip, store.streams(), store.events(),
                    lanes, gaps, store.alignments(), timeline, pyramids, StitchRecord.latest(cases));
        } catch (SQLException e) {
            throw new CaseFileException(cases.caseFile().path(), "the analysis results cannot be read: " + e.getMessage(), e);
        }
    }

    /** The lane with an id, if stored. */
    public Optional<LaneRecord> lane(long laneId) {
        return lanes.stream().filter(l -> l.id() == laneId).findFirst();
    }

    /** The alignment of a lane, if stored. */
    public Optional<AlignmentRecord> alignment(long laneId) {
        return alignments.stream().filter(a -> a.laneId() == laneId).findFirst();
    }
}
