package io.seamline.timeline;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.EventRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link TimelineModel} of a case from its stored analysis: lanes placed where alignment
 * put them (or where their metadata says, when alignment could not), events as markers, gaps as
 * shaded spans.
 */
public final class TimelineBuilder {
    private TimelineBuilder() {
    }

    /** The model of everything analysed in the case. */
    public static TimelineModel build(String title, ZoneId zone, AnalysisStore store) throws SQLException {
        Map<Long, AlignmentRecord> alignment = new HashMap<>();
        for (AlignmentRecord a : store.alignments()) {
            alignment.put(a.laneId(), a);
        }
        List<GapRecord> storedGaps = store.gaps();
        List<TimelineLane> lanes = new ArrayList<>();
        for (LaneRecord l : store.lanes()) {
            AlignmentRecord a = alignment.get(l.id());
            Instant start = a != null && a.alignedStartUtc() != null ? a.alignedStartUtc() : l.metadataStartUtc();
            if (start == null) {
                continue;
            }
            lanes.add(new TimelineLane(l.id(), l.evidenceId(), l.name(), LaneKind.of(l.kind()), start,
                    l.sampleRateHz(), l.sampleCount(), l.note(), l.holes(), pieces(l, start, storedGaps)));
        }
        lanes.sort(Comparator.comparing((TimelineLane l) -> l.kind().ordinal()).thenComparing(TimelineLane::label));
        List<TimelineMarker> markers = new ArrayList<>();
        for (EventRecord e : store.events()) {
            markers.add(new TimelineMarker(e.getTimeUtc(), markerKind(e.getKind()), label(e), e.getSummary(),
                    e.getCallId()));
        }
        List<TimelineGap> gaps = new ArrayList<>();
        for (GapRecord g : storedGaps) {
            gaps.add(new TimelineGap(g.laneId(), g.startUtc(), g.endUtc(), g.kind(), g.cause(), g.confidence(),
                    g.causeDetail()));
        }
        Instant start = null;
        Instant end = null;
        for (TimelineLane l : lanes) {
            start = min(start, l.alignedStartUtc());
            end = max(end, l.endUtc());
        }
        for (TimelineMarker m : markers) {
            start = min(start, m.timeUtc());
            end = max(end, m.timeUtc());
        }
        if (start == null) {
            start = Instant.EPOCH;
            end = Instant.EPOCH.plusSeconds(60);
        }
        return new TimelineModel(title, zone, start, end, lanes, markers, gaps);
    }

    /** After each missing span (audio cut out and joined) the lane resumes where the span ends. */
    static List<TimelineLane.Piece> pieces(LaneRecord lane, Instant start, List<GapRecord> gaps) {
        List<GapRecord> cuts = gaps.stream()
                .filter(g -> g.laneId() == lane.id() && g.kind().equals("missing-span"))
                .sorted(Comparator.comparingDouble(GapRecord::startSec)).toList();
        List<TimelineLane.Piece> pieces = new ArrayList<>();
        long from = 0;
        Instant at = start;
        for (GapRecord cut : cuts) {
            long splice = Math.max(from, Math.min(lane.sampleCount(), Math.round(cut.startSec() * lane.sampleRateHz())));
            pieces.add(new TimelineLane.Piece(from, splice, at));
            from = splice;
            at = cut.endUtc();
        }
        pieces.add(new TimelineLane.Piece(from, lane.sampleCount(), at));
        return pieces;
    }

    static MarkerKind markerKind(String eventKind) {
        return switch (eventKind) {
            case "sip-request" -> MarkerKind.SIP_REQUEST;
            case "sip-response" -> MarkerKind.SIP_RESPONSE;
            case "answered" -> MarkerKind.ANSWERED;
            case "hold" -> MarkerKind.HOLD;
            case "resume" -> MarkerKind.RESUME;
            case "media-address-change", "codec-change" -> MarkerKind.MEDIA_CHANGE;
            case "media-handoff" -> MarkerKind.STREAM_CHANGE;
            case "rejected", "no-final-response", "options-unanswered" -> MarkerKind.REJECTED;
            case "hangup", "cancelled" -> MarkerKind.HANGUP;
            case "note" -> MarkerKind.ANNOTATION;
            default -> MarkerKind.OTHER;
        };
    }

    /** A short label: the method, the status code, or the kind in words. */
    static String label(EventRecord e) {
        Object method = e.fields().get("method");
        Object status = e.fields().get("statusCode");
        return switch (e.getKind()) {
            case "sip-request" -> method == null ? "request" : method.toString();
            case "sip-response" -> status == null ? "response" : status.toString();
            case "media-handoff" -> "SSRC " + e.fields().get("fromSsrc") + " \u2192 " + e.fields().get("toSsrc");
            case "media-address-change" -> "media moved";
            case "rejected" -> status == null ? "rejected" : status.toString();
            default -> e.getKind().replace('-', ' ');
        };
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
