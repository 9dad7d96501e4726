package io.seamline.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds calls, transactions, SDP offer/answer history, SIPREC sessions, timeline events and
 * {@code sip,stat}-style counts from SIP messages handed to it in capture order.
 *
 * <p>Accumulate-only, like a Wireshark tap ({@code doc/README.tapping}): call {@link #accept} once per
 * captured SIP message, then {@link #finish()} once. A message that cannot be parsed is recorded as a
 * {@link SipParseFailure} and never stops the analysis.
 */
public final class DialogTracker {

    /** RFC 3261 §17.1.1.2 Timer B / §17.1.2.2 Timer F: 64 * T1 (T1 = 500 ms). */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(32);

    private final Map<String, CallAccumulator> calls = new LinkedHashMap<>();
    private final List<SipEvent> events = new ArrayList<>();
    private final List<SipParseFailure> failures = new ArrayList<>();
    private final Map<String, ResendState> lastOnPath = new HashMap<>();
    private final Map<String, Integer> requestsByMethod = new TreeMap<>();
    private final Map<Integer, Integer> responsesByCode = new TreeMap<>();
    private int messages;
    private int resent;
    private int keepAlives;
    private Instant lastUtc;
    private boolean finished;

    /**
     * Accepts one captured SIP message.
     *
     * @param rawMessage the message bytes (one datagram payload or one framed stream message)
     * @param timeUtc capture time, UTC
     * @param srcIp sender IP literal
     * @param srcPort sender port
     * @param dstIp receiver IP literal
     * @param dstPort receiver port
     * @param transport {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}, {@code WSS}...
     * @param frameNumber capture frame number of the message (of its last segment when reassembled)
     * @throws IllegalStateException when called after {@link #finish()}
     */
    public void accept(byte[] rawMessage, Instant timeUtc, String srcIp, int srcPort, String dstIp, int dstPort,
            String transport, long frameNumber) {
        if (finished) {
            throw new IllegalStateException("DialogTracker.accept called after finish()");
        }
        if (lastUtc == null || timeUtc.isAfter(lastUtc)) {
            lastUtc = timeUtc;
        }
        SipEndpoint src = new SipEndpoint(srcIp, srcPort);
        SipEndpoint dst = new SipEndpoint(dstIp, dstPort);
        SipMessage msg;
        try {
            msg = SipParser.parse(rawMessage);
        } catch (SipParseException e) {
            if (isKeepAlive(rawMessage)) {
                keepAlives++;
                return;
            }
            failures.add(new SipParseFailure(frameNumber, timeUtc, src, dst, e.getMessage()));
            events.add(new SipEvent(timeUtc, SipEventKind.PARSE_ERROR, "", "unparseable SIP from " + src + ": "
                    + e.getMessage(), frameNumber, CallSide.UNKNOWN, src, dst, "", 0, null, null, List.of(), false));
            return;
        }
        messages++;
        if (msg.isRequest()) {
            requestsByMethod.merge(msg.method(), 1, Integer::sum);
        } else {
            responsesByCode.merge(msg.statusCode(), 1, Integer::sum);
        }
        boolean isResend = resend(msg, src, dst);
        if (isResend) {
            resent++;
        }
        CapturedSipMessage captured = new CapturedSipMessage(frameNumber, timeUtc, src, dst, transport, msg, isResend);
        calls.computeIfAbsent(msg.callId(), CallAccumulator::new).accept(captured, events);
    }

    /**
     * Ends the analysis: decides call outcomes and reports transactions that never got a final response.
     *
     * @return calls in order of first appearance, events in time order, counts and parse failures
     */
    public SipAnalysis finish() {
        finished = true;
        List<SipCall> out = new ArrayList<>();
        for (CallAccumulator c : calls.values()) {
            out.add(c.finish(lastUtc, events));
        }
        List<SipEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SipEvent::timeUtc));
        SipStatistics stats = new SipStatistics(messages, resent, requestsByMethod, responsesByCode, failures.size(),
                keepAlives);
        return new SipAnalysis(out, sorted, stats, failures);
    }

    /**
     * Wireshark's resend rule ({@code sip_is_packet_resend} in packet-sip.c): compared with the previous
     * message of the same Call-ID on the same source and destination address and port, a request other
     * than ACK or CANCEL with the same CSeq number and method, or a final response with the same CSeq and status
     * code, is a resend. Repeated provisional responses, ACKs and CANCELs are not.
     */
    private boolean resend(SipMessage m, SipEndpoint src, SipEndpoint dst) {
        String key = m.callId() + "\u0000" + src + "\u0000" + dst;
        ResendState now = new ResendState(m.isRequest(), m.cseqNumber(), m.cseqMethod(), m.statusCode());
        ResendState prev = lastOnPath.put(key, now);
        if (prev == null || prev.request() != now.request() || prev.cseq() != now.cseq()
                || !prev.method().equals(now.method())) {
            return false;
        }
        if (now.request()) {
            return !now.method().equalsIgnoreCase("ACK") && !now.method().equalsIgnoreCase("CANCEL");
        }
        return now.statusCode() >= 200 && prev.statusCode() == now.statusCode();
    }

    private static boolean isKeepAlive(byte[] raw) {
        for (byte b : raw) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private record ResendState(boolean request, long cseq, String method, int statusCode) {
    }
}
