package io.seamline.ui;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.casefile.Annotation;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.UtcTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The details pane's text for whatever is selected: a SIP message's raw text, a stream's statistics,
 * a gap with its cause and detail, evidence with its SHA-256, a lane with its alignment, a note.
 *
 * @param title one line naming the selection
 * @param body  the details, one fact per line
 */
public record SelectionDetails(String title, String body) {
    /** Shown when nothing is selected. */
    public static final SelectionDetails NONE = new SelectionDetails("Nothing selected",
            "Select a gap, a SIP message, a stream, a lane or evidence to see its details here.");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS xxx");

    /** Details of one selected item, with local times in {@code zone}. */
    public static SelectionDetails of(Object item, ZoneId zone, InspectorData data) {
        if (item instanceof SipMessageRecord m) {
            return new SelectionDetails("SIP " + m.label(), String.join("\n",
                    "Time      " + times(m.timeUtc(), zone).replace("\n  ", "\n"),
                    "From      " + m.src(),
                    "To        " + m.dst(),
                    "Transport " + m.transport() + ", frame " + m.frame() + " of evidence " + m.evidenceId(),
                    "Call-ID   " + m.callId(), "", m.raw() == null ? "" : m.raw().stripTrailing()));
        }
        if (item instanceof GapRecord g) {
            return new SelectionDetails("Gap: " + g.kind() + " on " + g.lane(), String.join("\n",
                    "Kind        " + g.kind(),
                    "Cause       " + g.cause(),
                    "Confidence  " + percent(g.confidence()),
                    "Start       " + times(g.startUtc(), zone),
                    "End         " + times(g.endUtc(), zone),
                    "Duration    " + String.format(Locale.ROOT, "%.3f s", g.durationSec()),
                    "In file     " + String.format(Locale.ROOT, "%.3f s to %.3f s of evidence %d", g.startSec(),
                            g.endSec(), g.evidenceId()),
                    "", "Why", wrap(g.causeDetail()), "", "Thresholds  " + g.thresholds()));
        }
        if (item instanceof StreamRecord s) {
            return new SelectionDetails("RTP stream " + s.ssrc(), String.join("\n",
                    "SSRC        " + s.ssrc() + "   " + s.payload(),
                    "From        " + s.srcIp() + ":" + s.srcPort(),
                    "To          " + s.dstIp() + ":" + s.dstPort(),
                    "Call-ID     " + s.callId() + "   " + s.direction(),
                    "Start       " + times(s.startUtc(), zone),
                    "End         " + times(s.endUtc(), zone),
                    String.format(Locale.ROOT, "Packets     %d of %d expected, %d lost, %d sequence errors",
                            s.packets(), s.expected(), s.lost(), s.sequenceErrors()),
                    String.format(Locale.ROOT, "Delta ms    min %.3f  mean %.3f  max %.3f", s.minDeltaMs(),
                            s.meanDeltaMs(), s.maxDeltaMs()),
                    String.format(Locale.ROOT, "Jitter ms   min %.3f  mean %.3f  max %.3f", s.minJitterMs(),
                            s.meanJitterMs(), s.maxJitterMs()),
                    "Problems    " + (s.problems() ? s.problemReason() : "none"),
                    "Decoding    " + s.decoding()));
        }
        if (item instanceof Evidence e) {
            return new SelectionDetails("Evidence " + e.id() + ": " + e.originalName(), String.join("\n",
                    "Kind        " + e.kind().cliName(),
                    "Format      " + e.format().label(),
                    "Size        " + e.sizeBytes() + " bytes",
                    "SHA-256     " + e.sha256(),
                    "Imported    " + times(e.importedAtUtc(), zone),
                    "Imported by " + e.importedBy(),
                    "Original    " + e.originalPath(),
                    "Custody     entry " + e.custodySeq(),
                    e.note() == null || e.note().isEmpty() ? "" : "Note        " + e.note()));
        }
        if (item instanceof LaneRecord l) {
            AlignmentRecord a = data.alignment(l.id()).orElse(null);
            return new SelectionDetails("Lane " + l.name(), String.join("\n",
                    "Kind        " + l.kind() + "   channel " + l.channel() + " of evidence " + l.evidenceId(),
                    "Rate        " + l.sampleRateHz() + " Hz, " + l.sampleCount() + " samples ("
                            + String.format(Locale.ROOT, "%.3f s)", l.durationSec()),
                    "Metadata    " + times(l.metadataStartUtc(), zone) + " (" + l.startSource() + ")",
                    a == null ? "Alignment   none" : "Aligned     " + times(a.alignedStartUtc(), zone),
                    a == null ? "" : String.format(Locale.ROOT, "Offset      %+.3f ms (%d samples), drift %.1f ppm,"
                            + " confidence %s, %s%s", a.offsetMs(), a.offsetSamples(), a.driftPpm(),
                            percent(a.confidence()), a.method(), a.flagged() ? ", FLAGGED" : ""),
                    l.note() == null ? "" : wrap(l.note())));
        }
        if (item instanceof CallRecord c) {
            return new SelectionDetails("Call " + c.callId(), String.join("\n",
                    "From        " + c.from(),
                    "To          " + c.to(),
                    "State       " + c.state() + (c.hungUpBy() == null ? "" : ", hung up by " + c.hungUpBy()),
                    "Start       " + times(c.startUtc(), zone),
                    "Answered    " + times(c.answeredUtc(), zone),
                    "End         " + times(c.endUtc(), zone),
                    "Messages    " + c.messages(),
                    c.recordingSession() ? "SIPREC      session " + c.conversationId() + " " + c.participants() : ""));
        }
        if (item instanceof Annotation a) {
            return new SelectionDetails("Examiner's note " + a.id(), String.join("\n",
                    "From        " + times(a.startUtc(), zone),
                    "To          " + times(a.endUtc(), zone),
                    "Lane        " + (a.laneId() == null ? "all" : a.laneId()),
                    "Custody     entry " + a.custodySeq(), "", wrap(a.text())));
        }
        return NONE;
    }

    /** An instant in UTC and in the case's zone, on one line. */
    static String times(Instant t, ZoneId zone) {
        if (t == null) {
            return "-";
        }
        return UtcTimes.format(t) + "\n            local " + ZonedDateTime.ofInstant(t, zone).format(LOCAL);
    }

    static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f %%", confidence * 100);
    }

    private static String wrap(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : List.of(text.split(" "))) {
            if (col > 0 && col + word.length() > 48) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }
}
