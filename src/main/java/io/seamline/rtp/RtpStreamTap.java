package io.seamline.rtp;

import io.seamline.capture.CaptureTap;
import io.seamline.capture.UdpDatagram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds RTP streams in the UDP datagrams of a capture and accumulates their statistics the way
 * {@code tshark -o rtp.heuristic_rtp:TRUE -q -z rtp,streams} does.
 *
 * <p>A datagram is RTP when it belongs to a conversation already known as RTP (announced with
 * {@link #expect} from SDP, or created by the heuristic), or, with the heuristic on, when it is a
 * version 2 packet sent to an even port whose PT is outside the RTCP range 72-76 (RFC 5761 §4) and whose
 * ports are not those of another well-known protocol. Streams are keyed by addresses, ports and SSRC.
 * RTCP reports and RFC 4733/RFC 3389 events are kept per stream.
 */
public final class RtpStreamTap implements CaptureTap {

    /** UDP ports tshark hands to another dissector before trying heuristics (DNS, DHCP, NTP, NetBIOS, SNMP, SIP, MGCP, MEGACO, STUN ...). */
    private static final Set<Integer> WELL_KNOWN_PORTS = Set.of(53, 67, 68, 69, 123, 137, 138, 161, 162, 500, 514,
            520, 1719, 1812, 1813, 1900, 2427, 2727, 2944, 2945, 3478, 4500, 5060, 5061, 5353, 5355);

    /** An address and port as SDP announces media on it (RFC 4566 c= and m= lines). */
    private record Endpoint(String ip, int port) {
        // Equality written out, as in RtpStreamKey: no method-handle linking for a per-packet key.
        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoint e && port == e.port && ip.equals(e.ip);
        }

        @Override
        public int hashCode() {
            return 31 * ip.hashCode() + port;
        }
    }

    private static final class Conversation {
        final boolean rtp;
        final Map<Integer, String> encodingNames;
        final Map<Integer, Integer> clockRates;

        /** Per payload type, whether its rtpmap names telephone-event (looked up once, not per packet). */
        final boolean[] telephoneEvent = new boolean[128];
        /** Per payload type, the clock rate tshark uses for it, worked out at its first packet. */
        private final int[] clockRateHz = new int[128];
        private final boolean[] clockRateKnown = new boolean[128];

        /** The clock rate of {@code pt} in this conversation: a dynamic type's rtpmap rate, else the static one. */
        int clockRateHz(int pt) {
            if (!clockRateKnown[pt]) {
                String encoding = encodingNames.get(pt);
                clockRateHz[pt] = pt >= 96 && clockRates.getOrDefault(pt, 0) != 0 && !telephoneEvent[pt]
                        ? clockRates.get(pt) : RtpPayloadTypes.clockRateHz(pt, encoding);
                clockRateKnown[pt] = true;
            }
            return clockRateHz[pt];
        }

        Conversation(boolean rtp, Map<Integer, String> encodingNames, Map<Integer, Integer> clockRates) {
            this.rtp = rtp;
            this.encodingNames = encodingNames;
            encodingNames.forEach((pt, name) -> {
                if (pt >= 0 && pt < 128) {
                    telephoneEvent[pt] = RtpPayloadTypes.isTelephoneEvent(name);
                }
            });
            this.clockRates = clockRates;
        }
    }

    /** One remembered look-up: the datagram's endpoints, their conversation and, per SSRC, the stream. */
    private static final class Recent {
        String srcIp;
        int srcPort;
        String dstIp;
        int dstPort;
        /** The frame the conversation was looked up at; later frames get the same answer until it is cleared. */
        long frame = Long.MAX_VALUE;
        Conversation conversation;
        long ssrc = -1;
        StreamState stream;

        boolean matches(UdpDatagram d) {
            return conversation != null && d.srcPort() == srcPort && d.dstPort() == dstPort
                    && d.frameNumber() >= frame && d.srcIp().equals(srcIp) && d.dstIp().equals(dstIp);
        }
    }

    private static final class StreamState {
        final RtpStreamKey key;
        final long firstFrame;
        final Instant startUtc;
        final double startRelativeSec;
        final RtpStreamAnalyzer analyzer = new RtpStreamAnalyzer();
        final TreeMap<Integer, String> payloadNames = new TreeMap<>();
        /** Payload types already in {@link #payloadNames}, one bit each. */
        final long[] namedTypes = new long[2];
        final List<RtpEvent> events = new ArrayList<>();
        Instant endUtc;
        double endRelativeSec;

        StreamState(RtpStreamKey key, long firstFrame, Instant startUtc, double startRelativeSec) {
            this.key = key;
            this.firstFrame = firstFrame;
            this.startUtc = startUtc;
            this.startRelativeSec = startRelativeSec;
        }
    }

    /** Streams kept at most; a hostile capture of random SSRCs must not exhaust memory. */
    public static final int MAX_STREAMS = 50_000;

    private final boolean heuristic;
    private final Map<Pair, Conversation> exact = new HashMap<>();
    private final Map<Endpoint, TreeMap<Long, Conversation>> announced = new HashMap<>();
    private final Map<RtpStreamKey, StreamState> streams = new LinkedHashMap<>();
    private final Map<Long, List<RtcpReport>> rtcpBySsrc = new HashMap<>();
    private final List<RtpPacketListener> listeners = new ArrayList<>();
    /**
     * The last conversations and streams looked up, one slot per direction of a call: nearly every datagram
     * repeats one of them, and a hit skips building three keys and three hash look-ups.
     */
    private final Recent[] recent = {new Recent(), new Recent()};
    private int recentNext;
    /** The highest frame any announcement starts at: a remembered conversation holds from there on. */
    private long lastAnnouncedFrame = Long.MIN_VALUE;
    private Instant origin;
    private long packetsOverStreamLimit;

    /** A tap with the heuristic on, as {@code -o rtp.heuristic_rtp:TRUE}. */
    public RtpStreamTap() {
        this(true);
    }

    /** @param heuristic whether to recognise RTP not announced by {@link #expect} */
    public RtpStreamTap(boolean heuristic) {
        this.heuristic = heuristic;
    }

    /** Registers a listener that receives every accepted RTP packet (e.g. to decode audio in the same pass). */
    public void addListener(RtpPacketListener listener) {
        listeners.add(listener);
    }

    /**
     * Announces RTP media at an address and port from frame {@code fromFrame} on, as an SDP offer/answer
     * does (RFC 4566 c= and m= lines). Datagrams from or to that endpoint are RTP regardless of the heuristic.
     *
     * @param ip        address as printed in {@link UdpDatagram} (dotted IPv4 or RFC 5952 IPv6)
     * @param port      the m= line's port
     * @param fromFrame frame number of the SDP that announced it
     * @param rtpmap    dynamic PT to rtpmap value, e.g. 101 -&gt; "telephone-event/8000"; may be empty
     */
    public void expect(String ip, int port, long fromFrame, Map<Integer, String> rtpmap) {
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, Integer> rates = new HashMap<>();
        rtpmap.forEach((pt, value) -> {
            String[] parts = value.trim().split("/");
            names.put(pt, parts[0]);
            if (parts.length > 1) {
                try {
                    rates.put(pt, Integer.parseInt(parts[1].trim()));
                } catch (NumberFormatException e) {
                    rates.put(pt, 0);
                }
            }
        });
        announced.computeIfAbsent(new Endpoint(ip, port), k -> new TreeMap<>())
                .put(fromFrame, new Conversation(true, names, rates));
        announcementsChanged(fromFrame);
    }

    /**
     * Announces non-RTP media (e.g. {@code m=image ... udptl t38}) at an address and port from frame
     * {@code fromFrame} on: its datagrams are no longer taken as RTP, as tshark hands them to T.38.
     */
    public void expectOther(String ip, int port, long fromFrame) {
        announced.computeIfAbsent(new Endpoint(ip, port), k -> new TreeMap<>())
                .put(fromFrame, new Conversation(false, Map.of(), Map.of()));
        announcementsChanged(fromFrame);
    }

    /** Forgets remembered look-ups: an announcement may change the conversation of any endpoint. */
    private void announcementsChanged(long fromFrame) {
        lastAnnouncedFrame = Math.max(lastAnnouncedFrame, fromFrame);
        for (Recent r : recent) {
            r.conversation = null;
            r.stream = null;
            r.ssrc = -1;
        }
    }

    @Override
    public void start(Instant firstFrameUtc) {
        origin = firstFrameUtc;
    }

    @Override
    public void udp(UdpDatagram d) {
        byte[] b = d.payload();
        Recent hit = recent[0].matches(d) ? recent[0] : recent[1].matches(d) ? recent[1] : null;
        Conversation conv = hit != null ? hit.conversation : find(d);
        if (hit == null && conv != null && d.frameNumber() >= lastAnnouncedFrame) {
            // Every announcement so far starts at or before this frame, so until the next one (which clears
            // this) find() gives this answer for these endpoints at any later frame.
            hit = recent[recentNext];
            recentNext ^= 1;
            hit.srcIp = d.srcIp();
            hit.srcPort = d.srcPort();
            hit.dstIp = d.dstIp();
            hit.dstPort = d.dstPort();
            hit.frame = d.frameNumber();
            hit.conversation = conv;
            hit.ssrc = -1;
            hit.stream = null;
        }
        if (conv == null) {
            if (RtcpParser.looksLikeRtcp(b, !rtcpAnnounced(d))) {
                keepRtcp(d);
                return;
            }
            if (!heuristic || !heuristicMatch(d)) {
                return;
            }
            conv = new Conversation(true, Map.of(), Map.of());
            if (exact.size() < 4 * MAX_STREAMS) {
                exact.put(pairKey(d), conv);
            }
        }
        if (!conv.rtp) {
            return;
        }
        RtpHeader h = RtpHeader.parse(b);
        if (h == null || (h.payloadType() >= 72 && h.payloadType() <= 76)) {
            // RTCP multiplexed on the RTP port (RFC 5761 §4).
            if (RtcpParser.looksLikeRtcp(b, false)) {
                keepRtcp(d);
            }
            return;
        }
        accept(d, conv, h, hit);
    }

    private void keepRtcp(UdpDatagram d) {
        for (RtcpParser.Entry e : RtcpParser.parse(d.payload(), d.frameNumber(), d.timeUtc())) {
            rtcpBySsrc.computeIfAbsent(e.aboutSsrc(), k -> new ArrayList<>()).add(e.report());
        }
    }

    /** True when SDP announced RTP on the port below either endpoint, which makes this its RTCP port (RFC 3550 §11). */
    private boolean rtcpAnnounced(UdpDatagram d) {
        Map.Entry<Long, Conversation> dst = announcedAt(new Endpoint(d.dstIp(), d.dstPort() - 1), d.frameNumber());
        Map.Entry<Long, Conversation> src = announcedAt(new Endpoint(d.srcIp(), d.srcPort() - 1), d.frameNumber());
        return dst != null && dst.getValue().rtp || src != null && src.getValue().rtp;
    }

    private static boolean heuristicMatch(UdpDatagram d) {
        byte[] b = d.payload();
        if (b.length < 12 || (b[0] & 0xC0) != 0x80) {
            return false;
        }
        int pt = b[1] & 0x7F;
        if (pt >= 72 && pt <= 76) {
            return false;
        }
        if (d.dstPort() % 2 != 0) {
            return false;
        }
        return !WELL_KNOWN_PORTS.contains(d.srcPort()) && !WELL_KNOWN_PORTS.contains(d.dstPort());
    }

    private Conversation find(UdpDatagram d) {
        Conversation c = exact.get(pairKey(d));
        if (c != null) {
            return c;
        }
        // tshark looks up media announced for the destination endpoint first, then for the source
        // (observed on heplify-FAX-Call-t38: after a MEGACO reply announcing RTP on one side and T.38 on
        // the other, each direction follows its destination's announcement).
        Map.Entry<Long, Conversation> dst = announcedAt(new Endpoint(d.dstIp(), d.dstPort()), d.frameNumber());
        if (dst != null) {
            return dst.getValue();
        }
        Map.Entry<Long, Conversation> src = announcedAt(new Endpoint(d.srcIp(), d.srcPort()), d.frameNumber());
        return src == null ? null : src.getValue();
    }

    private Map.Entry<Long, Conversation> announcedAt(Endpoint e, long frame) {
        TreeMap<Long, Conversation> byFrame = announced.get(e);
        return byFrame == null ? null : byFrame.floorEntry(frame);
    }

    /** Both endpoints of a datagram, in one order whichever way it went. */
    private static Pair pairKey(UdpDatagram d) {
        int order = d.srcIp().compareTo(d.dstIp());
        return order < 0 || order == 0 && d.srcPort() <= d.dstPort()
                ? new Pair(d.srcIp(), d.srcPort(), d.dstIp(), d.dstPort())
                : new Pair(d.dstIp(), d.dstPort(), d.srcIp(), d.srcPort());
    }

    /** An unordered pair of UDP endpoints, as {@link #pairKey} orders it. */
    private record Pair(String ipA, int portA, String ipB, int portB) {
        // Equality written out, as in RtpStreamKey: no method-handle linking for a per-packet key.
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && portA == p.portA && portB == p.portB && ipA.equals(p.ipA)
                    && ipB.equals(p.ipB);
        }

        @Override
        public int hashCode() {
            return ((31 * ipA.hashCode() + portA) * 31 + ipB.hashCode()) * 31 + portB;
        }
    }

    /** @param hit the remembered look-up for these endpoints, or null */
    private void accept(UdpDatagram d, Conversation conv, RtpHeader h, Recent hit) {
        double relativeMs = relativeMs(d.timeUtc());
        StreamState s = hit != null && hit.ssrc == h.ssrc() ? hit.stream : null;
        if (s == null) {
            RtpStreamKey key = new RtpStreamKey(d.srcIp(), d.srcPort(), d.dstIp(), d.dstPort(), h.ssrc());
            s = streams.get(key);
            if (s == null) {
                if (streams.size() >= MAX_STREAMS) {
                    packetsOverStreamLimit++;
                    return;
                }
                s = new StreamState(key, d.frameNumber(), d.timeUtc(), relativeMs / 1000.0);
                streams.put(key, s);
            }
            if (hit != null) {
                // A stream, once made, stays the one for its key: remembering it is always exact.
                hit.ssrc = h.ssrc();
                hit.stream = s;
            }
        }
        int pt = h.payloadType();
        s.analyzer.add(relativeMs, h.sequenceNumber(), h.timestamp(), pt, h.marker(), conv.clockRateHz(pt));
        if ((s.namedTypes[pt >> 6] & (1L << pt)) == 0) {
            String encoding = conv.encodingNames.get(pt);
            s.payloadNames.putIfAbsent(pt, pt >= 96 && encoding != null ? encoding : RtpPayloadTypes.shortName(pt));
            s.namedTypes[pt >> 6] |= 1L << pt;
        }
        s.endUtc = d.timeUtc();
        s.endRelativeSec = relativeMs / 1000.0;
        boolean telephoneEvent = conv.encodingNames.containsKey(pt) ? conv.telephoneEvent[pt]
                : pt == RtpPayloadTypes.DEFAULT_TELEPHONE_EVENT;
        recordEvent(s, d, h, telephoneEvent);
        for (RtpPacketListener l : listeners) {
            l.packet(s.key, d.frameNumber(), d.timeUtc(), h, d.payload(), d.payloadOffset());
        }
    }

    private static void recordEvent(StreamState s, UdpDatagram d, RtpHeader h, boolean telephoneEvent) {
        byte[] b = d.payload();
        int pt = h.payloadType();
        int at = h.payloadOffset();
        if (pt == RtpPayloadTypes.COMFORT_NOISE || pt == RtpPayloadTypes.COMFORT_NOISE_OLD) {
            int level = h.payloadLength() >= 1 ? b[at] & 0x7F : 0;
            s.events.add(new RtpEvent(d.frameNumber(), d.timeUtc(), RtpEvent.Kind.COMFORT_NOISE, level, false, 0, 0,
                    h.timestamp()));
            return;
        }
        if (telephoneEvent && h.payloadLength() >= 4) {
            // RFC 4733 §2.3: event, E|R|volume, duration; retransmitted end packets repeat the same timestamp.
            int event = b[at] & 0xFF;
            boolean end = (b[at + 1] & 0x80) != 0;
            int volume = b[at + 1] & 0x3F;
            int duration = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            RtpEvent e = new RtpEvent(d.frameNumber(), d.timeUtc(), RtpEvent.Kind.TELEPHONE_EVENT, event, end, volume,
                    duration, h.timestamp());
            if (!s.events.isEmpty()) {
                RtpEvent last = s.events.get(s.events.size() - 1);
                if (last.kind() == RtpEvent.Kind.TELEPHONE_EVENT && last.rtpTimestamp() == h.timestamp()
                        && last.code() == event) {
                    s.events.set(s.events.size() - 1, new RtpEvent(last.frameNumber(), last.timeUtc(), last.kind(),
                            event, end || last.end(), volume, Math.max(duration, last.durationUnits()), h.timestamp()));
                    return;
                }
            }
            s.events.add(e);
        }
    }

    /** Milliseconds since the first frame, as {@code Duration.between} normalises it, without allocating one. */
    private double relativeMs(Instant t) {
        Instant from = origin == null ? t : origin;
        long seconds = t.getEpochSecond() - from.getEpochSecond();
        int nanos = t.getNano() - from.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds * 1000.0 + nanos / 1_000_000.0;
    }

    /** @return RTP packets ignored because {@link #MAX_STREAMS} streams were already open (0 for real calls) */
    public long packetsOverStreamLimit() {
        return packetsOverStreamLimit;
    }

    /**
     * The streams found so far, in the order tshark prints them (most recently started first).
     *
     * @return one entry per stream with tshark's figures, RTCP reports about its SSRC and its events
     */
    public List<RtpStream> streams() {
        List<RtpStream> out = new ArrayList<>();
        for (StreamState s : streams.values()) {
            RtpStreamAnalyzer a = s.analyzer;
            String names = s.payloadNames.values().stream().collect(Collectors.joining(", "));
            List<RtcpReport> reports = rtcpBySsrc.getOrDefault(s.key.ssrc(), List.of());
            out.add(new RtpStream(s.key, List.copyOf(new TreeSet<>(s.payloadNames.keySet())), names, s.firstFrame,
                    s.startUtc, s.endUtc, s.startRelativeSec, s.endRelativeSec, a.totalPackets(), a.expectedPackets(),
                    a.expectedPackets() - a.totalPackets(), a.sequenceErrors(), a.minDeltaMs(), a.meanDeltaMs(),
                    a.maxDeltaMs(), a.minJitterMs(), a.meanJitterMs(), a.maxJitterMs(), a.problem(),
                    List.copyOf(reports), List.copyOf(s.events)));
        }
        Collections.reverse(out);
        return out;
    }
}
