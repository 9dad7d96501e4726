package io.seamline.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accumulates the messages of one Call-ID for {@link DialogTracker}; emits events as they become known. */
final class CallAccumulator {

    private final String callId;
    private String fromUri = "";
    private String toUri = "";
    private String callerTag;
    private final Set<String> calleeTags = new LinkedHashSet<>();
    private SipEndpoint caller;
    private SipEndpoint callee;
    private Instant firstUtc;
    private Instant lastUtc;
    private final List<CapturedSipMessage> messages = new ArrayList<>();
    private final Map<String, Tx> transactions = new LinkedHashMap<>();
    private final List<SdpExchange> sdps = new ArrayList<>();
    private final Map<String, SessionDescription> lastSdpByPath = new HashMap<>();
    private final Map<String, SipEndpoint> lastEndpointByStream = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean recording;
    private boolean recordingEventSent;
    private RecordingMetadata metadata;
    private CapturedSipMessage firstCancel;
    private CallSide cancelSide = CallSide.UNKNOWN;
    private CapturedSipMessage firstBye;
    private CallSide byeSide = CallSide.UNKNOWN;
    private boolean answeredEventSent;

    CallAccumulator(String callId) {
        this.callId = callId;
    }

    void accept(CapturedSipMessage c, List<SipEvent> events) {
        SipMessage m = c.message();
        messages.add(c);
        if (firstUtc == null) {
            firstUtc = c.timeUtc();
            callerTag = m.fromTag();
            fromUri = m.from().map(NameAddress::uri).orElse("");
            toUri = m.to().map(NameAddress::uri).orElse("");
            caller = m.isRequest() ? c.source() : c.destination();
            callee = m.isRequest() ? c.destination() : c.source();
        }
        lastUtc = c.timeUtc();
        for (String w : m.warnings()) {
            addWarning("frame " + c.frameNumber() + ": " + w);
        }
        CallSide side = sideOf(m);
        if (side == CallSide.CALLEE) {
            String tag = m.isRequest() ? m.fromTag() : m.toTag();
            if (!tag.isEmpty()) {
                calleeTags.add(tag);
            }
        }
        if (m.isRequest()) {
            onRequest(c, side, events);
        } else {
            onResponse(c, side, events);
        }
    }

    /**
     * Requests: the caller's From tag, a known callee tag, or (out of dialog, no To tag) the caller again,
     * since only the originator sends out-of-dialog requests on a Call-ID. Responses: the other side of
     * their transaction.
     */
    private CallSide sideOf(SipMessage m) {
        String from = m.fromTag();
        if (m.isRequest()) {
            if (from.equals(callerTag)) {
                return CallSide.CALLER;
            }
            if (!from.isEmpty() && calleeTags.contains(from)) {
                return CallSide.CALLEE;
            }
            if (m.toTag().isEmpty()) {
                return CallSide.CALLER;
            }
            return m.toTag().equals(callerTag) ? CallSide.CALLEE : CallSide.UNKNOWN;
        }
        Tx tx = transactions.get(txKey(from, m.cseqNumber(), m.cseqMethod().toUpperCase(Locale.ROOT)));
        if (tx != null && tx.side != CallSide.UNKNOWN) {
            return tx.side == CallSide.CALLER ? CallSide.CALLEE : CallSide.CALLER;
        }
        if (from.isEmpty() || callerTag == null) {
            return CallSide.UNKNOWN;
        }
        return from.equals(callerTag) ? CallSide.CALLEE : CallSide.CALLER;
    }

    private void onRequest(CapturedSipMessage c, CallSide side, List<SipEvent> events) {
        SipMessage m = c.message();
        String method = m.method().toUpperCase(Locale.ROOT);
        String key = txKey(m.fromTag(), m.cseqNumber(), method);
        Tx tx = transactions.get(key);
        boolean firstCopy = tx == null;
        if (tx == null) {
            tx = new Tx(method, m.cseqNumber(), side);
            tx.initialInvite = method.equals("INVITE") && m.toTag().isEmpty();
            transactions.put(key, tx);
        }
        if (tx.request == null) {
            tx.request = c;
        }
        tx.copies++;
        events.add(event(c, SipEventKind.REQUEST, side, m.method() + " " + m.requestUri() + " from " + who(side, c.source())
                + " to " + c.destination() + (c.resent() ? " (resent)" : ""), 0));
        if (m.isRecordingSession()) {
            recording = true;
            m.part(ContentType.RS_METADATA).ifPresent(p -> parseMetadata(c, p));
            if (!recordingEventSent && method.equals("INVITE")) {
                recordingEventSent = true;
                events.add(event(c, SipEventKind.RECORDING_SESSION, side, recordingSummary(), 0));
            }
        }
        if (!firstCopy) {
            return;
        }
        if (method.equals("CANCEL") && firstCancel == null) {
            firstCancel = c;
            cancelSide = side;
            events.add(event(c, SipEventKind.CANCELLED, side, "call cancelled by " + who(side, c.source()), 0));
        }
        if (method.equals("BYE") && firstBye == null) {
            firstBye = c;
            byeSide = side;
            events.add(event(c, SipEventKind.HANGUP, side, "hung up by " + who(side, c.source()) + " (BYE)", 0));
        }
        Optional<String> sdpText = m.sdpText();
        if (sdpText.isPresent()) {
            tx.requestHadSdp = true;
            boolean offer = method.equals("INVITE") || method.equals("UPDATE");
            if (offer || method.equals("ACK") || method.equals("PRACK")) {
                SessionDescription sdp = onSdp(c, side, offer, method, sdpText.get(), events);
                if (sdp != null && offer) {
                    List<String> offered = new ArrayList<>();
                    for (MediaDescription md : sdp.media()) {
                        codecs(md).stream().filter(x -> !offered.contains(x)).forEach(offered::add);
                    }
                    tx.offeredCodecs = offered;
                }
            }
        }
    }

    private void onResponse(CapturedSipMessage c, CallSide side, List<SipEvent> events) {
        SipMessage m = c.message();
        String method = m.cseqMethod().toUpperCase(Locale.ROOT);
        // The response carries the requester's From tag, so the key matches the request's.
        String key = txKey(m.fromTag(), m.cseqNumber(), method);
        Tx tx = transactions.computeIfAbsent(key, k -> new Tx(method, m.cseqNumber(),
                side == CallSide.CALLER ? CallSide.CALLEE : side == CallSide.CALLEE ? CallSide.CALLER : CallSide.UNKNOWN));
        tx.responses.add(c);
        int code = m.statusCode();
        events.add(event(c, SipEventKind.RESPONSE, side, code + " " + m.reasonPhrase() + " to " + method + " from "
                + who(side, c.source()) + (c.resent() ? " (resent)" : ""), code));
        boolean firstFinal = code >= 200 && tx.finalCode == 0;
        if (firstFinal) {
            tx.finalCode = code;
            tx.finalUtc = c.timeUtc();
        }
        if (method.equals("INVITE") && tx.initialInvite && code >= 180 && code < 190 && tx.firstProvisional == null) {
            tx.firstProvisional = c.timeUtc();
        }
        if (method.equals("INVITE") && tx.initialInvite && code >= 200 && code < 300 && tx.answered == null) {
            tx.answered = c.timeUtc();
            if (!answeredEventSent) {
                answeredEventSent = true;
                String after = tx.request == null ? "" : " after " + Duration.between(tx.request.timeUtc(), c.timeUtc()).toMillis() + " ms";
                events.add(event(c, SipEventKind.ANSWERED, side, "call answered by " + who(side, c.source()) + after, code));
            }
        }
        if (firstFinal && code >= 300 && code != 401 && code != 407 && !(code == 487 && firstCancel != null)) {
            String offered = tx.offeredCodecs.isEmpty() ? "" : " (offered " + String.join(", ", tx.offeredCodecs) + ")";
            events.add(new SipEvent(c.timeUtc(), SipEventKind.REJECTED, callId, method + " rejected with " + code + " "
                    + m.reasonPhrase() + " by " + who(side, c.source()) + offered, c.frameNumber(), side, c.source(),
                    c.destination(), method, code, null, null, tx.offeredCodecs, false));
        }
        Optional<String> sdpText = m.sdpText();
        if (sdpText.isPresent() && code < 300 && (method.equals("INVITE") || method.equals("UPDATE")
                || method.equals("PRACK"))) {
            // RFC 3264 §4 / RFC 3261 §13.2.1: SDP in a response answers the request's offer, or is the offer
            // when the INVITE carried none.
            boolean offer = method.equals("INVITE") && !tx.requestHadSdp;
            onSdp(c, side, offer, method, sdpText.get(), events);
        }
    }

    /** Records an SDP body and reports hold/resume, codec and media address changes against the same path's previous SDP. */
    private SessionDescription onSdp(CapturedSipMessage c, CallSide side, boolean offer, String method, String text,
            List<SipEvent> events) {
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(text);
        } catch (SipParseException e) {
            addWarning("frame " + c.frameNumber() + ": " + e.getMessage());
            return null;
        }
        SipMessage m = c.message();
        sdps.add(new SdpExchange(c.timeUtc(), c.frameNumber(), side, c.source(), c.destination(), offer, method,
                m.cseqNumber(), m.statusCode(), sdp));
        // Keyed by side and sending address: each hop (proxy, media relay) rewrites SDP its own way, so a
        // change is only meaningful against the same hop's previous SDP.
        String path = side + "\u0000" + c.source();
        SessionDescription prev = lastSdpByPath.put(path, sdp);
        if (prev == null || c.resent()) {
            return sdp;
        }
        boolean wasHeld = held(prev);
        boolean isHeld = held(sdp);
        String by = " by " + who(side, c.source()) + " (" + method + (m.isRequest() ? "" : " " + m.statusCode()) + ")";
        if (!wasHeld && isHeld) {
            events.add(event(c, SipEventKind.HOLD, side, (recording ? "recording paused" : "media put on hold") + by
                    + ": " + directionText(sdp), 0));
        } else if (wasHeld && !isHeld) {
            events.add(event(c, SipEventKind.RESUME, side, (recording ? "recording resumed" : "media resumed") + by
                    + ": " + directionText(sdp), 0));
        }
        // A held stream (c=0.0.0.0, port 0) has no endpoint; a move is judged against the last real one.
        for (int i = 0; i < prev.media().size(); i++) {
            SipEndpoint ep = endpoint(prev.media().get(i));
            if (ep != null) {
                lastEndpointByStream.put(path + "\u0000" + i, ep);
            }
        }
        int n = Math.min(prev.media().size(), sdp.media().size());
        for (int i = 0; i < n; i++) {
            MediaDescription a = prev.media().get(i);
            MediaDescription b = sdp.media().get(i);
            String stream = b.mediaType() + (b.label() != null ? " label " + b.label() : " stream " + (i + 1));
            List<String> oldCodecs = codecs(a);
            List<String> newCodecs = codecs(b);
            if (!oldCodecs.equals(newCodecs) && b.port() != 0) {
                events.add(new SipEvent(c.timeUtc(), SipEventKind.CODEC_CHANGE, callId, stream + " codecs "
                        + String.join(",", oldCodecs) + " -> " + String.join(",", newCodecs) + by, c.frameNumber(), side,
                        c.source(), c.destination(), method, m.statusCode(), null, null, newCodecs, false));
            }
            SipEndpoint oldEp = lastEndpointByStream.get(path + "\u0000" + i);
            SipEndpoint newEp = endpoint(b);
            if (oldEp != null && newEp != null && !oldEp.equals(newEp)) {
                events.add(new SipEvent(c.timeUtc(), SipEventKind.MEDIA_ADDRESS_CHANGE, callId, stream
                        + " media of " + side.name().toLowerCase(Locale.ROOT) + " moved " + oldEp + " -> " + newEp + by,
                        c.frameNumber(), side, c.source(), c.destination(), method, m.statusCode(), oldEp, newEp,
                        newCodecs, false));
            }
        }
        return sdp;
    }

    /**
     * Whether every active stream is held. For a SIPREC session the client always sends sendonly, so
     * only inactive or 0.0.0.0 means a pause there (RFC 7866 §8.1.2).
     */
    private boolean held(SessionDescription sdp) {
        boolean any = false;
        for (MediaDescription md : sdp.media()) {
            if (md.port() == 0) {
                continue;
            }
            any = true;
            boolean h = recording
                    ? md.direction() == MediaDirection.INACTIVE || "0.0.0.0".equals(md.effectiveAddress())
                    : md.isHold();
            if (!h) {
                return false;
            }
        }
        return any;
    }

    private static String directionText(SessionDescription sdp) {
        List<String> parts = new ArrayList<>();
        for (MediaDescription md : sdp.media()) {
            parts.add(md.mediaType() + " " + md.direction().name().toLowerCase(Locale.ROOT)
                    + ("0.0.0.0".equals(md.effectiveAddress()) ? " c=0.0.0.0" : ""));
        }
        return String.join(", ", parts);
    }

    private static List<String> codecs(MediaDescription md) {
        return md.protocol().toUpperCase(Locale.ROOT).contains("RTP") ? md.codecNames() : md.formats();
    }

    /** A stream's receive address, or null when it has none or is disabled (port 0) or held at 0.0.0.0. */
    private static SipEndpoint endpoint(MediaDescription md) {
        if (md.port() == 0 || md.effectiveAddress() == null || "0.0.0.0".equals(md.effectiveAddress())) {
            return null;
        }
        return new SipEndpoint(md.effectiveAddress(), md.port());
    }

    private void parseMetadata(CapturedSipMessage c, MimePart part) {
        try {
            metadata = RecordingMetadataParser.parse(part.body());
        } catch (SipParseException e) {
            addWarning("frame " + c.frameNumber() + ": " + e.getMessage());
        }
    }

    private String recordingSummary() {
        if (metadata == null) {
            return "SIPREC recording session offered (no readable metadata)";
        }
        List<String> names = new ArrayList<>();
        for (RecordingMetadata.Participant p : metadata.participants()) {
            names.add(p.name().isEmpty() ? p.aor() : p.name() + " <" + p.aor() + ">");
        }
        return "SIPREC recording session offered: " + metadata.streams().size() + " streams, participants "
                + String.join(", ", names)
                + metadata.extension("conversationId").map(id -> ", conversationId " + id).orElse("");
    }

    private SipEvent event(CapturedSipMessage c, SipEventKind kind, CallSide side, String summary, int code) {
        SipMessage m = c.message();
        return new SipEvent(c.timeUtc(), kind, callId, summary, c.frameNumber(), side, c.source(), c.destination(),
                m.isRequest() ? m.method() : m.cseqMethod(), code, null, null, List.of(),
                (kind == SipEventKind.REQUEST || kind == SipEventKind.RESPONSE) && c.resent());
    }

    private static String who(CallSide side, SipEndpoint ep) {
        return (side == CallSide.UNKNOWN ? "" : side.name().toLowerCase(Locale.ROOT) + " ") + ep;
    }

    private static String txKey(String fromTag, long cseq, String method) {
        return fromTag + "\u0000" + cseq + "\u0000" + method;
    }

    private void addWarning(String w) {
        if (warnings.size() < 100) {
            warnings.add(w);
        }
    }

    SipCall finish(Instant captureEndUtc, List<SipEvent> events) {
        List<SipTransaction> txs = new ArrayList<>();
        Tx decisive = null;
        boolean anyInvite = false;
        for (Tx t : transactions.values()) {
            boolean inDialog = t.request != null && !t.request.message().toTag().isEmpty();
            txs.add(new SipTransaction(t.method, t.cseq, t.side, inDialog, t.request, t.copies, t.responses, t.finalCode, t.finalUtc));
            if (t.method.equals("INVITE")) {
                anyInvite = true;
                if (t.initialInvite && (decisive == null || decisive.answered == null)) {
                    decisive = t;
                }
            }
            if (t.request != null && t.finalCode == 0 && !t.method.equals("ACK")) {
                reportUnanswered(t, captureEndUtc, events);
            }
        }
        if (decisive == null && anyInvite) {
            for (Tx t : transactions.values()) {
                if (t.method.equals("INVITE")) {
                    decisive = t;
                }
            }
        }
        CallOutcome outcome;
        Instant inviteUtc = null;
        Instant provisional = null;
        Instant answered = null;
        Instant end = null;
        int finalCode = 0;
        CallSide hangup = CallSide.UNKNOWN;
        if (decisive == null) {
            outcome = CallOutcome.NOT_A_CALL;
        } else {
            inviteUtc = decisive.request != null ? decisive.request.timeUtc()
                    : decisive.responses.isEmpty() ? null : decisive.responses.get(0).timeUtc();
            provisional = decisive.firstProvisional;
            answered = decisive.answered;
            finalCode = decisive.finalCode;
            if (answered != null) {
                outcome = CallOutcome.ANSWERED;
                if (firstBye != null) {
                    end = firstBye.timeUtc();
                    hangup = byeSide;
                }
            } else if (firstCancel != null) {
                outcome = CallOutcome.CANCELLED;
                end = firstCancel.timeUtc();
                hangup = cancelSide;
            } else if (finalCode >= 300) {
                outcome = CallOutcome.REJECTED;
                end = decisive.finalUtc;
            } else {
                outcome = CallOutcome.TIMED_OUT;
            }
        }
        long ringMs = inviteUtc != null && provisional != null ? Duration.between(inviteUtc, provisional).toMillis() : -1;
        long answerMs = inviteUtc != null && answered != null ? Duration.between(inviteUtc, answered).toMillis() : -1;
        return new SipCall(callId, fromUri, toUri, callerTag == null ? "" : callerTag, new ArrayList<>(calleeTags), caller,
                callee, firstUtc, lastUtc, inviteUtc, provisional, answered, end, ringMs, answerMs, outcome, finalCode,
                hangup, txs, sdps, messages, recording, metadata, warnings);
    }

    private void reportUnanswered(Tx t, Instant captureEndUtc, List<SipEvent> events) {
        CapturedSipMessage r = t.request;
        Instant timeout = r.timeUtc().plus(DialogTracker.TRANSACTION_TIMEOUT);
        boolean timedOut = !captureEndUtc.isBefore(timeout);
        Instant at = timedOut ? timeout : captureEndUtc;
        SipEventKind kind = t.method.equals("OPTIONS") ? SipEventKind.OPTIONS_UNANSWERED : SipEventKind.NO_FINAL_RESPONSE;
        String copies = t.copies > 1 ? " (sent " + t.copies + " times)" : "";
        String summary = t.method + " " + t.cseq + " from " + who(t.side, r.source()) + " to " + r.destination()
                + copies + (timedOut ? " got no final response within 32 s (RFC 3261 Timer B/F)"
                        : " got no final response before the capture ended");
        events.add(new SipEvent(at, kind, callId, summary, r.frameNumber(), t.side, r.source(), r.destination(), t.method,
                0, null, null, List.of(), false));
    }

    /** Mutable transaction state while accumulating. */
    private static final class Tx {
        final String method;
        final long cseq;
        final CallSide side;
        CapturedSipMessage request;
        int copies;
        final List<CapturedSipMessage> responses = new ArrayList<>();
        int finalCode;
        Instant finalUtc;
        boolean initialInvite;
        boolean requestHadSdp;
        List<String> offeredCodecs = List.of();
        Instant firstProvisional;
        Instant answered;

        Tx(String method, long cseq, CallSide side) {
            this.method = method;
            this.cseq = cseq;
            this.side = side;
        }
    }
}
