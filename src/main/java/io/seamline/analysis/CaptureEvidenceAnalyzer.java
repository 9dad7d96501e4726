package io.seamline.analysis;

import io.seamline.capture.CaptureAnalyzer;
import io.seamline.capture.CaptureFormatException;
import io.seamline.capture.CaptureSummary;
import io.seamline.capture.CaptureTap;
import io.seamline.capture.SipPayload;
import io.seamline.casefile.Evidence;
import io.seamline.rtp.RtpStream;
import io.seamline.rtp.RtpStreamTap;
import io.seamline.rtp.SdpConversationTap;
import io.seamline.sip.CallSide;
import io.seamline.sip.DialogTracker;
import io.seamline.sip.SdpExchange;
import io.seamline.sip.SipAnalysis;
import io.seamline.sip.SipCall;
import io.seamline.sip.SipEvent;
import io.seamline.sip.SipEventKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Analyses one vaulted capture in a single pass: SIP dialogs, RTP streams with tshark's statistics,
 * decoded audio lanes, and the media handoffs between streams, all written to the case's derived
 * tables.
 */
final class CaptureEvidenceAnalyzer {
    private final AnalysisStore store;

    CaptureEvidenceAnalyzer(AnalysisStore store) {
        this.store = store;
    }

    /** Counts of what one capture yielded, for the custody entry and the command's summary. */
    record Outcome(long frames, int calls, int messages, int streams, int handoffs, List<String> warnings) {
    }

    Outcome analyze(Evidence evidence, InputStream in, LongConsumer bytesRead)
            throws IOException, SQLException, CaptureFormatException {
        DialogTracker tracker = new DialogTracker();
        RtpStreamTap rtp = new RtpStreamTap(true);
        SipCaptureTap sipTap = new SipCaptureTap(tracker);
        CaptureDecoder decoder = new CaptureDecoder(evidence.id(), store);
        rtp.addListener(decoder);
        List<CaptureTap> taps = List.of(sipTap, new SdpConversationTap(rtp), rtp);
        CaptureSummary summary;
        try {
            summary = CaptureAnalyzer.run(in, evidence.originalName(), taps, bytesRead);
            decoder.drain();
        } catch (CaptureDecoder.UncheckedSqlException e) {
            throw e.getCause();
        } finally {
            decoder.abandon();
        }
        SipAnalysis sip = tracker.finish();

        Map<String, Object> summaryDetails = new LinkedHashMap<>();
        summaryDetails.put("format", summary.format());
        summaryDetails.put("linkTypes", summary.linkTypes());
        summaryDetails.put("notAnalysed", summary.notAnalysed());
        summaryDetails.put("warnings", summary.warnings());
        summaryDetails.put("sipParseFailures", sip.parseFailures().size());
        store.putCaptureSummary(evidence.id(), summary.frameCount(), summary.firstUtc(), summary.lastUtc(),
                summaryDetails);

        for (SipCall call : sip.calls()) {
            store.putCall(callRecord(evidence.id(), call));
        }
        for (SipPayload p : sipTap.messages()) {
            String raw = new String(p.message(), StandardCharsets.UTF_8);
            store.putSipMessage(new SipMessageRecord(evidence.id(), p.frameNumber(), p.timeUtc(), callIdOf(raw),
                    p.srcIp() + ":" + p.srcPort(), p.dstIp() + ":" + p.dstPort(), p.transport().name(),
                    firstLine(raw), raw));
        }
        List<StreamRecord> streams = new ArrayList<>();
        for (RtpStream s : rtp.streams()) {
            streams.add(streamRecord(evidence.id(), s, sip, sipTap.announcements(), decoder.decoding(s.key())));
        }
        List<MediaHandoffAnalyzer.Signal> signals = new ArrayList<>();
        List<EventRecord> events = new ArrayList<>();
        for (SipEvent e : sip.events()) {
            EventRecord record = eventRecord(evidence.id(), e);
            events.add(record);
            if (e.kind() != SipEventKind.REQUEST && e.kind() != SipEventKind.RESPONSE) {
                signals.add(new MediaHandoffAnalyzer.Signal(e.timeUtc(), e.callId(), record.getKind(), e.summary()));
            } else if ("INVITE".equals(e.method()) || "UPDATE".equals(e.method()) || "BYE".equals(e.method())) {
                signals.add(new MediaHandoffAnalyzer.Signal(e.timeUtc(), e.callId(), "sip-" + e.method().toLowerCase(
                        Locale.ROOT), e.summary()));
            }
        }
        List<EventRecord> handoffs = MediaHandoffAnalyzer.detect(evidence.id(), streams, signals);
        events.addAll(handoffs);
        for (StreamRecord s : streams) {
            store.putStream(withHandoffNote(s, handoffs));
        }
        for (EventRecord e : events) {
            store.putEvent(e);
        }
        decoder.finish(streams);
        List<String> warnings = new ArrayList<>(summary.warnings());
        summary.notAnalysed().forEach((protocol, packets) -> warnings.add("not analysed: " + packets + " " + protocol
                + " packet(s)"));
        return new Outcome(summary.frameCount(), sip.calls().size(), sipTap.messages().size(), streams.size(),
                handoffs.size(), warnings);
    }

    private static StreamRecord withHandoffNote(StreamRecord s, List<EventRecord> handoffs) {
        for (EventRecord h : handoffs) {
            if (h.getCallId().equals(s.callId()) && s.ssrc().equals(h.fields().get("fromSsrc"))
                    && s.direction().equals(h.fields().get("direction"))) {
                String note = "media moved to SSRC " + h.fields().get("toSsrc") + " after "
                        + String.format(Locale.ROOT, "%.1f s", h.number("gapMs") / 1000) + " of nothing";
                return new StreamRecord(s.evidenceId(), s.callId(), s.direction(), s.ssrc(), s.srcIp(), s.srcPort(),
                        s.dstIp(), s.dstPort(), s.payload(), s.packets(), s.expected(), s.lost(), s.sequenceErrors(),
                        s.minDeltaMs(), s.meanDeltaMs(), s.maxDeltaMs(), s.minJitterMs(), s.meanJitterMs(),
                        s.maxJitterMs(), s.problems(), note, s.startUtc(), s.endUtc(), s.decoding());
            }
        }
        return s;
    }

    static StreamRecord streamRecord(long evidenceId, RtpStream s, SipAnalysis sip,
            List<SipCaptureTap.Announcement> announcements, String decoding) {
        SipCaptureTap.Announcement match = null;
        for (SipCaptureTap.Announcement a : announcements) {
            if (a.ip().equals(s.key().dstIp()) && a.port() == s.key().dstPort()
                    && (match == null || a.frame() <= s.firstFrame())) {
                match = a;
            }
        }
        String callId = match == null ? "" : match.callId();
        String direction = match == null ? null : direction(sip, match);
        return new StreamRecord(evidenceId, callId, direction, String.format(Locale.ROOT, "0x%08X", s.key().ssrc()),
                s.key().srcIp(), s.key().srcPort(), s.key().dstIp(), s.key().dstPort(), s.payloadNames(), s.packets(),
                s.expected(), s.lost(), s.sequenceErrors(), s.minDeltaMs(), s.meanDeltaMs(), s.maxDeltaMs(),
                s.minJitterMs(), s.meanJitterMs(), s.maxJitterMs(), s.problem(), null, s.startUtc(), s.endUtc(),
                decoding);
    }

    /** Media sent to the endpoint one side announced carries the other side's voice. */
    private static String direction(SipAnalysis sip, SipCaptureTap.Announcement a) {
        for (SipCall call : sip.calls()) {
            if (!call.callId().equals(a.callId())) {
                continue;
            }
            for (SdpExchange x : call.sdpExchanges()) {
                if (x.frameNumber() == a.frame()) {
                    return x.side() == CallSide.CALLEE ? "caller-to-callee" : "callee-to-caller";
                }
            }
        }
        return "unknown";
    }

    private static CallRecord callRecord(long evidenceId, SipCall c) {
        String conversationId = null;
        List<String> participants = List.of();
        if (c.recordingMetadata() != null) {
            conversationId = c.recordingMetadata().extension("conversationId").orElse(null);
            participants = c.recordingMetadata().participants().stream()
                    .map(p -> p.name() == null || p.name().isEmpty() ? p.aor() : p.name() + " <" + p.aor() + ">")
                    .toList();
        }
        Double setupMs = c.answeredUtc() != null ? Double.valueOf(c.answerSetupMs()) : null;
        String hungUpBy = c.hangupBy() == null ? null : c.hangupBy().name().toLowerCase(Locale.ROOT);
        return new CallRecord(evidenceId, c.callId(), c.fromUri(), c.toUri(),
                c.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + (c.finalStatusCode() >= 300 ? " " + c.finalStatusCode() : ""),
                c.inviteUtc() != null ? c.inviteUtc() : c.firstMessageUtc(), c.answeredUtc(), c.endUtc(), setupMs,
                hungUpBy, c.messageCount(), c.recording(), conversationId, participants);
    }

    private static EventRecord eventRecord(long evidenceId, SipEvent e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("frame", e.frameNumber());
        if (e.method() != null) {
            fields.put("method", e.method());
        }
        if (e.statusCode() > 0) {
            fields.put("statusCode", e.statusCode());
        }
        if (e.side() != null) {
            fields.put("side", e.side().name().toLowerCase(Locale.ROOT));
        }
        if (e.source() != null) {
            fields.put("src", e.source().toString());
        }
        if (e.destination() != null) {
            fields.put("dst", e.destination().toString());
        }
        if (e.oldMedia() != null) {
            fields.put("oldMedia", e.oldMedia().toString());
        }
        if (e.newMedia() != null) {
            fields.put("newMedia", e.newMedia().toString());
        }
        if (e.codecs() != null && !e.codecs().isEmpty()) {
            fields.put("codecs", e.codecs());
        }
        if (e.resent()) {
            fields.put("resent", true);
        }
        String kind = switch (e.kind()) {
            case REQUEST -> "sip-request";
            case RESPONSE -> "sip-response";
            default -> e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
        return new EventRecord(evidenceId, e.timeUtc(), kind, e.callId(), e.summary(), fields);
    }

    private static String firstLine(String raw) {
        int end = raw.indexOf('\n');
        return (end < 0 ? raw : raw.substring(0, end)).strip();
    }

    /** The Call-ID header (or its compact form {@code i}, RFC 3261 §20.8) of a raw message. */
    static String callIdOf(String raw) {
        for (String line : raw.split("\r?\n", 64)) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).strip();
                if (name.equalsIgnoreCase("Call-ID") || name.equals("i")) {
                    return line.substring(colon + 1).strip();
                }
            }
        }
        return "";
    }
}
