package io.seamline.report;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.EventRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.UtcTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes each gap as one paragraph in plain words, for the reader who will not study the tables: what
 * was lost, when (UTC), why (the media handoff, hold or loss the analysis tied it to, with its SSRCs,
 * endpoints and SIP message), and whether a stitched recording fills it and from which source.
 */
final class FindingsWriter {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private FindingsWriter() {
    }

    /** "08:42:31.204 UTC". */
    static String clock(Instant t) {
        return CLOCK.format(t) + " UTC";
    }

    static String seconds(double sec) {
        return String.format(Locale.ROOT, sec >= 10 ? "%.1f s" : "%.2f s", sec);
    }

    /** The plain-words paragraph of one gap. */
    static String sentence(GapRecord gap, ReportContent content) {
        Optional<LaneRecord> lane = content.lane(gap.laneId());
        String who = "The " + kindWords(lane.map(LaneRecord::kind).orElse("recording")) + " " + gap.lane();
        String what = switch (gap.kind()) {
            case "dropout" -> who + " lost " + seconds(gap.durationSec()) + " from " + clock(gap.startUtc());
            case "missing-span" -> who + " is missing " + seconds(gap.durationSec()) + " at " + clock(gap.startUtc())
                    + " (audio was cut out and the file joined at " + seconds(gap.startSec()) + " into it)";
            case "silence" -> who + " is silent for " + seconds(gap.durationSec()) + " from " + clock(gap.startUtc());
            case "late-start" -> who + " started " + seconds(gap.durationSec()) + " late, at " + clock(gap.endUtc());
            case "early-end" -> who + " ended " + seconds(gap.durationSec()) + " early, at " + clock(gap.startUtc());
            case "corrupt" -> who + " holds " + seconds(gap.durationSec()) + " of corrupt audio from "
                    + clock(gap.startUtc());
            default -> who + " has a " + gap.kind() + " gap of " + seconds(gap.durationSec()) + " from "
                    + clock(gap.startUtc());
        };
        StringBuilder out = new StringBuilder(what);
        out.append(cause(gap, content)).append('.');
        out.append(' ').append(fill(gap, content));
        out.append(String.format(Locale.ROOT, " Detection confidence %.2f.", gap.confidence()));
        return out.toString();
    }

    private static String kindWords(String laneKind) {
        return switch (laneKind) {
            case "edge-buffer" -> "edge buffer";
            case "capture" -> "audio decoded from the capture,";
            default -> "recording";
        };
    }

    private static String cause(GapRecord gap, ReportContent content) {
        switch (gap.cause()) {
            case "media handoff" -> {
                Optional<EventRecord> handoff = handoffFor(gap, content);
                if (handoff.isEmpty()) {
                    return " during a media-server handoff (" + gap.causeDetail() + ")";
                }
                EventRecord h = handoff.get();
                StringBuilder s = new StringBuilder(" during a media-server handoff: SSRC ");
                s.append(h.fields().get("fromSsrc")).append(" (").append(h.fields().get("fromEndpoint"))
                        .append(") stopped at ").append(clock(h.getTimeUtc()));
                Optional<EventRecord> signal = signalFor(h, content);
                if (signal.isPresent()) {
                    EventRecord e = signal.get();
                    Object method = e.fields().get("method");
                    String message = method == null ? "a SIP message" : "INVITE".equals(method) ? "a re-INVITE"
                            : "a SIP " + method;
                    if (e.fields().containsKey("newMedia")) {
                        s.append(", ").append(message).append(" at ").append(clock(e.getTimeUtc()))
                                .append(" moved the media from ").append(e.fields().get("oldMedia")).append(" to ")
                                .append(e.fields().get("newMedia"));
                    } else {
                        s.append(", ").append(e.getSummary()).append(" at ").append(clock(e.getTimeUtc()));
                    }
                } else {
                    s.append(", no SIP message in the capture explains the move");
                }
                s.append(", and SSRC ").append(h.fields().get("toSsrc")).append(" (").append(h.fields().get("toEndpoint"))
                        .append(") resumed");
                Object firstPacket = h.fields().get("firstPacketUtc");
                if (firstPacket != null) {
                    s.append(" at ").append(clock(UtcTimes.parse(firstPacket.toString())));
                }
                return s.toString();
            }
            case "hold" -> {
                return " while the call was on hold (" + gap.causeDetail() + ")";
            }
            case "recorder late start" -> {
                return ": " + gap.causeDetail();
            }
            case "RTP loss" -> {
                return " because RTP packets were lost: " + gap.causeDetail();
            }
            default -> {
                return "; no event in the case explains it";
            }
        }
    }

    /** The media-handoff event whose silent stretch overlaps the gap. */
    static Optional<EventRecord> handoffFor(GapRecord gap, ReportContent content) {
        for (EventRecord e : content.events()) {
            if (!e.getKind().equals("media-handoff")) {
                continue;
            }
            Object last = e.fields().get("lastPacketUtc");
            Object first = e.fields().get("firstPacketUtc");
            if (last == null || first == null) {
                continue;
            }
            Instant stopped = UtcTimes.parse(last.toString());
            Instant resumed = UtcTimes.parse(first.toString());
            Instant end = gap.endUtc().equals(gap.startUtc()) ? gap.endUtc().plusMillis(1) : gap.endUtc();
            if (stopped.isBefore(end) && resumed.isAfter(gap.startUtc())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The SIP event the handoff detector named as its cause (same kind, same instant). */
    private static Optional<EventRecord> signalFor(EventRecord handoff, ReportContent content) {
        Object kind = handoff.fields().get("cause");
        Object at = handoff.fields().get("causeUtc");
        if (kind == null || at == null) {
            return Optional.empty();
        }
        Instant t = UtcTimes.parse(at.toString());
        return content.events().stream()
                .filter(e -> e.getKind().equals(kind.toString()) && e.getTimeUtc().equals(t)).findFirst();
    }

    private static String fill(GapRecord gap, ReportContent content) {
        if (content.stitch().isEmpty()) {
            return "Not filled: no stitched recording was made in this case.";
        }
        Optional<StitchRecord.Segment> segment = content.stitch().get().filling(gap.startUtc(), gap.endUtc(), gap.lane());
        if (segment.isEmpty()) {
            return "Not filled: the latest stitched recording takes no audio from another source here.";
        }
        StitchRecord.Segment s = segment.get();
        Double confidence = s.confidence();
        if (confidence == null) {
            confidence = content.alignments().stream().filter(a -> a.lane().equals(s.source()))
                    .map(AlignmentRecord::confidence).findFirst().orElse(null);
        }
        double coveredSec = Duration.between(s.startUtc(), s.endUtc()).toNanos() / 1e9;
        return "Filled from " + s.source() + " (" + seconds(coveredSec) + " from " + clock(s.startUtc()) + ")"
                + (confidence == null ? "." : String.format(Locale.ROOT, ", alignment confidence %.2f.", confidence));
    }
}
