package io.seamline.analysis;

import io.seamline.casefile.UtcTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds media handoffs: within one call direction, the media stopped on one stream and resumed on
 * another (new SSRC, port or address). tshark shows these as two clean streams; here each is an
 * event with the silence between them, split as the failover model in the field documents describes
 * ("media lost = failure detection time + time to re-establish"): the time until signalling reacted
 * (the SIP message that moved the media) and the time from then until media resumed.
 */
final class MediaHandoffAnalyzer {
    /** How far before the last packet of the old stream a SIP cause may lie and still explain the move. */
    static final Duration CAUSE_LEAD = Duration.ofSeconds(2);

    /** A SIP event that may explain a handoff. */
    record Signal(Instant timeUtc, String callId, String kind, String summary) {
    }

    private MediaHandoffAnalyzer() {
    }

    /** Returns one event per change in each call direction's chain of streams, oldest first. */
    static List<EventRecord> detect(long evidenceId, List<StreamRecord> streams, List<Signal> signals) {
        Map<String, List<StreamRecord>> chains = streams.stream()
                .filter(s -> !s.callId().isEmpty() && s.direction() != null)
                .collect(Collectors.groupingBy(s -> s.callId() + "\u0000" + s.direction(), LinkedHashMap::new,
                        Collectors.toList()));
        List<EventRecord> events = new ArrayList<>();
        for (List<StreamRecord> chain : chains.values()) {
            chain.sort(Comparator.comparing(StreamRecord::startUtc));
            for (int i = 1; i < chain.size(); i++) {
                StreamRecord from = chain.get(i - 1);
                StreamRecord to = chain.get(i);
                if (from.ssrc().equals(to.ssrc()) && from.srcPort() == to.srcPort() && from.dstPort() == to.dstPort()
                        && from.srcIp().equals(to.srcIp()) && from.dstIp().equals(to.dstIp())) {
                    continue;
                }
                events.add(handoff(evidenceId, from, to, signals));
            }
        }
        return events;
    }

    private static EventRecord handoff(long evidenceId, StreamRecord from, StreamRecord to, List<Signal> signals) {
        double gapMs = millis(from.endUtc(), to.startUtc());
        Signal cause = null;
        for (Signal s : signals) {
            if (!s.callId().equals(from.callId())) {
                continue;
            }
            boolean inWindow = !s.timeUtc().isBefore(from.endUtc().minus(CAUSE_LEAD))
                    && !s.timeUtc().isAfter(to.startUtc());
            if (inWindow && (cause == null || rank(s.kind()) > rank(cause.kind()))) {
                cause = s;
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("direction", from.direction());
        fields.put("fromSsrc", from.ssrc());
        fields.put("toSsrc", to.ssrc());
        fields.put("fromEndpoint", from.srcIp() + ":" + from.srcPort() + " -> " + from.dstIp() + ":" + from.dstPort());
        fields.put("toEndpoint", to.srcIp() + ":" + to.srcPort() + " -> " + to.dstIp() + ":" + to.dstPort());
        fields.put("lastPacketUtc", UtcTimes.format(from.endUtc()));
        fields.put("firstPacketUtc", UtcTimes.format(to.startUtc()));
        fields.put("gapMs", round3(gapMs));
        String because;
        if (cause != null) {
            double reaction = Math.max(0, millis(from.endUtc(), cause.timeUtc()));
            fields.put("cause", cause.kind());
            fields.put("causeUtc", UtcTimes.format(cause.timeUtc()));
            fields.put("signallingReactionMs", round3(reaction));
            fields.put("mediaResumeMs", round3(millis(cause.timeUtc(), to.startUtc())));
            because = "; " + cause.summary() + " at " + UtcTimes.format(cause.timeUtc()) + " ("
                    + seconds(reaction) + " after the media stopped)";
        } else {
            fields.put("cause", "no signalling");
            because = "; no SIP message in the capture explains the move";
        }
        String summary = "Media " + from.direction() + " moved after " + seconds(gapMs) + " of nothing: SSRC "
                + from.ssrc() + " on port " + from.srcPort() + "->" + from.dstPort() + " stopped, SSRC " + to.ssrc()
                + " on port " + to.srcPort() + "->" + to.dstPort() + " resumed" + because;
        return new EventRecord(evidenceId, from.endUtc(), "media-handoff", from.callId(), summary, fields);
    }

    /** Prefer the signal that names the move: a media change over hold over a failure response. */
    private static int rank(String kind) {
        return switch (kind) {
            case "media-address-change" -> 4;
            case "hold", "resume" -> 3;
            case "rejected", "hangup", "no-final-response" -> 2;
            default -> 1;
        };
    }

    private static double millis(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e6;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
}
