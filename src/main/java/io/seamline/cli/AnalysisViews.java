package io.seamline.cli;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.EventRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.casefile.UtcTimes;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Tables and JSON for the analysis views of {@code show}: calls, sip, streams, events, lanes, gaps, alignment. */
final class AnalysisViews {
    private final AnalysisStore store;
    private final PrintWriter out;
    private final boolean json;

    AnalysisViews(AnalysisStore store, PrintWriter out, boolean json) {
        this.store = store;
        this.out = out;
        this.json = json;
    }

    void show(String view) {
        try {
            switch (view) {
                case "calls" -> calls(store.calls());
                case "sip" -> sip(store.sipMessages());
                case "streams" -> streams(store.streams());
                case "events" -> events(store.events());
                case "lanes" -> lanes(store.lanes());
                case "gaps" -> gaps(store.gaps());
                case "alignment" -> alignment(store.alignments());
                default -> throw new IllegalArgumentException(view);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the case's analysis results cannot be read: " + e.getMessage(), e);
        }
    }

    private boolean printedJson(List<?> rows) {
        if (json) {
            out.println(io.seamline.analysis.AnalysisJson.write(rows));
        }
        return json;
    }

    private void calls(List<CallRecord> calls) {
        if (printedJson(calls)) {
            return;
        }
        TextTable t = new TextTable("CALL-ID", "FROM", "TO", "STATE", "START (UTC)", "SETUP MS", "HUNG UP BY", "MSGS",
                "SIPREC");
        for (CallRecord c : calls) {
            t.row(c.callId(), c.from(), c.to(), c.state(), time(c.startUtc()),
                    c.setupMs() == null ? "" : String.format(Locale.ROOT, "%.0f", c.setupMs()), c.hungUpBy(),
                    c.messages(), c.recordingSession() ? "yes" + (c.conversationId() == null ? ""
                            : " (conversationId " + c.conversationId() + ")") : "");
        }
        t.print(out, "no SIP calls: run 'seamline analyze CASE' on a case with a capture");
    }

    private void sip(List<SipMessageRecord> messages) {
        if (printedJson(messages)) {
            return;
        }
        TextTable t = new TextTable("TIME (UTC)", "SRC", "DST", "TRANSPORT", "MESSAGE", "CALL-ID");
        for (SipMessageRecord m : messages) {
            t.row(time(m.timeUtc()), m.src(), m.dst(), m.transport(), m.label(), m.callId());
        }
        t.print(out, "no SIP messages");
    }

    private void streams(List<StreamRecord> streams) {
        if (printedJson(streams)) {
            return;
        }
        TextTable t = new TextTable("SRC", "DST", "SSRC", "PAYLOAD", "PKTS", "LOST", "MIN/MEAN/MAX DELTA MS",
                "MIN/MEAN/MAX JITTER MS", "PROBLEM", "CALL-ID", "NOTE");
        for (StreamRecord s : streams) {
            t.row(s.srcIp() + ":" + s.srcPort(), s.dstIp() + ":" + s.dstPort(), s.ssrc(), s.payload(), s.packets(),
                    s.lost(), String.format(Locale.ROOT, "%.3f/%.3f/%.3f", s.minDeltaMs(), s.meanDeltaMs(),
                            s.maxDeltaMs()),
                    String.format(Locale.ROOT, "%.3f/%.3f/%.3f", s.minJitterMs(), s.meanJitterMs(), s.maxJitterMs()),
                    s.problems() ? "X" : "", s.callId(), s.problemReason() == null ? "" : s.problemReason());
        }
        t.print(out, "no RTP streams");
    }

    private void events(List<EventRecord> events) {
        if (printedJson(events)) {
            return;
        }
        TextTable t = new TextTable("TIME (UTC)", "KIND", "SUMMARY");
        for (EventRecord e : events) {
            t.row(time(e.getTimeUtc()), e.getKind(), e.getSummary());
        }
        t.print(out, "no events");
    }

    private void lanes(List<LaneRecord> lanes) {
        if (printedJson(lanes)) {
            return;
        }
        TextTable t = new TextTable("ID", "EVIDENCE", "NAME", "KIND", "RATE HZ", "SECONDS", "START (UTC)", "NOTE");
        for (LaneRecord l : lanes) {
            t.row(l.id(), l.evidenceId(), l.name(), l.kind(), l.sampleRateHz(),
                    String.format(Locale.ROOT, "%.3f", l.durationSec()), time(l.metadataStartUtc()), l.note());
        }
        t.print(out, "no audio lanes");
    }

    private void gaps(List<GapRecord> gaps) {
        if (printedJson(gaps)) {
            return;
        }
        TextTable t = new TextTable("LANE", "START (UTC)", "END (UTC)", "SECONDS", "KIND", "CAUSE", "CONFIDENCE");
        for (GapRecord g : gaps) {
            t.row(g.lane(), time(g.startUtc()), time(g.endUtc()), String.format(Locale.ROOT, "%.3f", g.durationSec()),
                    g.kind(), g.cause(), String.format(Locale.ROOT, "%.2f", g.confidence()));
        }
        t.print(out, "no gaps found");
    }

    private void alignment(List<AlignmentRecord> rows) {
        if (printedJson(rows)) {
            return;
        }
        TextTable t = new TextTable("LANE", "EVIDENCE", "ALIGNED START (UTC)", "OFFSET MS", "OFFSET SAMPLES",
                "DRIFT PPM", "CONFIDENCE", "METHOD");
        for (AlignmentRecord a : rows) {
            t.row(a.lane(), a.evidenceId(), time(a.alignedStartUtc()), String.format(Locale.ROOT, "%.3f", a.offsetMs()),
                    a.offsetSamples(), String.format(Locale.ROOT, "%.1f", a.driftPpm()),
                    String.format(Locale.ROOT, "%.2f", a.confidence()), a.method() + (a.flagged() ? " (FLAGGED)" : ""));
        }
        t.print(out, "no alignment results");
    }

    private static String time(Instant t) {
        return t == null ? "" : UtcTimes.format(t);
    }
}
