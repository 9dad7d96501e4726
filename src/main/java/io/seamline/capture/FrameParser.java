package io.seamline.capture;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Dissects one frame from its link layer down to UDP or TCP: Ethernet with 802.1Q/QinQ tags, Linux
 * cooked v1/v2, raw IP, BSD null/loop; IPv4 and IPv6 (extension headers, fragments), IP-in-IP, GRE
 * and ERSPAN types I-III. Hand-written rather than pcap4j 1.8.2 because pcap4j has no Linux cooked v2,
 * ERSPAN or IPv6 reassembly, and allocates a packet object per layer
 * ({@code FrameParserAgreementTest} checks it agrees with pcap4j on every public capture).
 */
final class FrameParser {
    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;
    private static final int MAX_TUNNEL_DEPTH = 6;
    private static final int IPV4_NAMES = 4096;

    private final List<CaptureTap> taps;
    private final IpFragmentReassembler fragments = new IpFragmentReassembler();
    private final TcpSipReassembler tcp;
    private final Map<String, Long> notAnalysed = new TreeMap<>();
    private long undissectable;

    private CaptureRecord frame;
    private long timeMicros;
    /**
     * The printed form of recently seen IPv4 addresses, direct-mapped by address: a call's few addresses
     * come back in every packet, and handing the taps the same String each time spares formatting it and
     * lets their maps use its cached hash.
     */
    private final int[] ipv4Keys = new int[IPV4_NAMES];
    private final String[] ipv4Names = new String[IPV4_NAMES];

    FrameParser(List<CaptureTap> taps, Consumer<String> warnings) {
        this.taps = taps;
        this.tcp = new TcpSipReassembler(warnings);
    }

    static String linkTypeName(int linkType) {
        return switch (linkType) {
            case LINKTYPE_NULL -> "NULL";
            case LINKTYPE_ETHERNET -> "EN10MB";
            case LINKTYPE_RAW -> "RAW";
            case LINKTYPE_LOOP -> "LOOP";
            case LINKTYPE_LINUX_SLL -> "LINUX_SLL";
            case LINKTYPE_IPV4 -> "IPV4";
            case LINKTYPE_IPV6 -> "IPV6";
            case LINKTYPE_LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE_" + linkType;
        };
    }

    /** Dissects one frame and fans what it finds out to the taps. */
    void dissect(CaptureRecord record) {
        this.frame = record;
        Instant t = record.timeUtc();
        this.timeMicros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
        byte[] b = record.data();
        try {
            switch (record.linkType()) {
                case LINKTYPE_ETHERNET -> ethernet(b, 0, b.length, 0);
                case LINKTYPE_LINUX_SLL -> {
                    if (b.length >= 16) {
                        etherType(u16(b, 14), b, 16, b.length - 16, 0);
                    }
                }
                case LINKTYPE_LINUX_SLL2 -> {
                    if (b.length >= 20) {
                        etherType(u16(b, 0), b, 20, b.length - 20, 0);
                    }
                }
                case LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6 -> rawIp(b, 0, b.length, 0);
                case LINKTYPE_NULL, LINKTYPE_LOOP -> {
                    if (b.length >= 4) {
                        rawIp(b, 4, b.length - 4, 0);
                    }
                }
                default -> undissectable++;
            }
        } catch (IndexOutOfBoundsException e) {
            undissectable++;
        }
    }

    private void ethernet(byte[] b, int off, int len, int depth) {
        if (len < 14) {
            return;
        }
        int pos = off + 12;
        int type = u16(b, pos);
        pos += 2;
        while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && pos + 4 <= off + len) {
            type = u16(b, pos + 2);
            pos += 4;
        }
        etherType(type, b, pos, off + len - pos, depth);
    }

    private void etherType(int type, byte[] b, int off, int len, int depth) {
        if (type == 0x0800) {
            ipv4(b, off, len, depth);
        } else if (type == 0x86DD) {
            ipv6(b, off, len, depth);
        }
    }

    private void rawIp(byte[] b, int off, int len, int depth) {
        if (len < 1) {
            return;
        }
        int version = (b[off] & 0xF0) >> 4;
        if (version == 4) {
            ipv4(b, off, len, depth);
        } else if (version == 6) {
            ipv6(b, off, len, depth);
        }
    }

    private void ipv4(byte[] b, int off, int len, int depth) {
        if (len < 20 || (b[off] & 0xF0) != 0x40) {
            return;
        }
        int headerLength = (b[off] & 0x0F) * 4;
        int totalLength = u16(b, off + 2);
        if (headerLength < 20 || totalLength < headerLength) {
            return;
        }
        int available = Math.min(len, totalLength);
        int flagsOffset = u16(b, off + 6);
        boolean more = (flagsOffset & 0x2000) != 0;
        int fragmentOffset = (flagsOffset & 0x1FFF) * 8;
        int protocol = b[off + 9] & 0xFF;
        String src = ipv4Name(b, off + 12);
        String dst = ipv4Name(b, off + 16);
        int payloadOff = off + headerLength;
        int payloadLen = available - headerLength;
        if (payloadLen < 0) {
            return;
        }
        if (more || fragmentOffset != 0) {
            String key = "4|" + src + "|" + dst + "|" + u16(b, off + 4) + "|" + protocol;
            byte[] whole = fragments.add(key, fragmentOffset, more, b, payloadOff, payloadLen, timeMicros);
            if (whole != null) {
                transport(protocol, src, dst, false, whole, 0, whole.length, depth);
            }
            return;
        }
        transport(protocol, src, dst, false, b, payloadOff, payloadLen, depth);
    }

    private void ipv6(byte[] b, int off, int len, int depth) {
        if (len < 40 || (b[off] & 0xF0) != 0x60) {
            return;
        }
        int payloadLength = u16(b, off + 4);
        int next = b[off + 6] & 0xFF;
        String src = IpAddressFormat.ipv6(b, off + 8);
        String dst = IpAddressFormat.ipv6(b, off + 24);
        int pos = off + 40;
        int end = payloadLength == 0 ? off + len : Math.min(off + len, pos + payloadLength);
        while (true) {
            if (next == 0 || next == 43 || next == 60 || next == 51) {
                if (pos + 2 > end) {
                    return;
                }
                int extLength = next == 51 ? ((b[pos + 1] & 0xFF) + 2) * 4 : ((b[pos + 1] & 0xFF) + 1) * 8;
                next = b[pos] & 0xFF;
                pos += extLength;
            } else if (next == 44) {
                if (pos + 8 > end) {
                    return;
                }
                int fragmentNext = b[pos] & 0xFF;
                int offsetFlags = u16(b, pos + 2);
                long id = Integer.toUnsignedLong(((b[pos + 4] & 0xFF) << 24) | ((b[pos + 5] & 0xFF) << 16)
                        | ((b[pos + 6] & 0xFF) << 8) | (b[pos + 7] & 0xFF));
                int fragmentOffset = offsetFlags & 0xFFF8;
                boolean more = (offsetFlags & 1) != 0;
                pos += 8;
                if (!more && fragmentOffset == 0) {
                    next = fragmentNext;
                    continue;
                }
                String key = "6|" + src + "|" + dst + "|" + id;
                byte[] whole = fragments.add(key, fragmentOffset, more, b, pos, end - pos, timeMicros);
                if (whole != null) {
                    transport(fragmentNext, src, dst, true, whole, 0, whole.length, depth);
                }
                return;
            } else {
                break;
            }
            if (pos > end) {
                return;
            }
        }
        transport(next, src, dst, true, b, pos, end - pos, depth);
    }

    private void transport(int protocol, String src, String dst, boolean v6, byte[] b, int off, int len, int depth) {
        switch (protocol) {
            case 17 -> udp(src, dst, v6, b, off, len);
            case 6 -> tcp(src, dst, b, off, len);
            case 4 -> {
                if (depth < MAX_TUNNEL_DEPTH) {
                    ipv4(b, off, len, depth + 1);
                }
            }
            case 41 -> {
                if (depth < MAX_TUNNEL_DEPTH) {
                    ipv6(b, off, len, depth + 1);
                }
            }
            case 47 -> {
                if (depth < MAX_TUNNEL_DEPTH) {
                    gre(b, off, len, depth + 1);
                }
            }
            case 132 -> count("SCTP");
            case 50 -> count("ESP");
            default -> {
            }
        }
    }

    /** GRE (RFC 2784, RFC 2890 key and sequence) carrying IP, Ethernet (0x6558) or ERSPAN I/II/III. */
    private void gre(byte[] b, int off, int len, int depth) {
        if (len < 4) {
            return;
        }
        int flags = u16(b, off);
        int protocol = u16(b, off + 2);
        if ((flags & 0x7) != 0) {
            return;
        }
        int pos = off + 4;
        if ((flags & 0x8000) != 0) {
            pos += 4;
        }
        if ((flags & 0x2000) != 0) {
            pos += 4;
        }
        boolean sequenced = (flags & 0x1000) != 0;
        if (sequenced) {
            pos += 4;
        }
        int end = off + len;
        if (pos > end) {
            return;
        }
        switch (protocol) {
            case 0x0800 -> ipv4(b, pos, end - pos, depth);
            case 0x86DD -> ipv6(b, pos, end - pos, depth);
            case 0x6558 -> ethernet(b, pos, end - pos, depth);
            case 0x88BE -> {
                int inner = sequenced ? pos + 8 : pos;
                if (inner <= end) {
                    ethernet(b, inner, end - inner, depth);
                }
            }
            case 0x22EB -> {
                if (pos + 12 <= end) {
                    int inner = pos + 12 + ((b[pos + 11] & 0x01) != 0 ? 8 : 0);
                    if (inner <= end) {
                        ethernet(b, inner, end - inner, depth);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void udp(String src, String dst, boolean v6, byte[] b, int off, int len) {
        if (len < 8) {
            return;
        }
        int srcPort = u16(b, off);
        int dstPort = u16(b, off + 2);
        int udpLength = u16(b, off + 4);
        int payloadLen = Math.min(len, udpLength < 8 ? len : udpLength) - 8;
        byte[] payload = new byte[payloadLen];
        System.arraycopy(b, off + 8, payload, 0, payloadLen);
        // A payload still inside the frame's own bytes can be found again in the file; a reassembled one cannot.
        long payloadOffset = b == frame.data() ? frame.dataOffset() + off + 8 : -1;
        UdpDatagram datagram = new UdpDatagram(frame.frameNumber(), frame.timeUtc(), src, srcPort, dst, dstPort, v6,
                payload, payloadOffset);
        for (CaptureTap tap : taps) {
            tap.udp(datagram);
        }
        if (SipStartLine.matches(payload, 0, payloadLen)) {
            SipPayload sip = new SipPayload(frame.frameNumber(), frame.timeUtc(), src, srcPort, dst, dstPort,
                    SipTransport.UDP, payload);
            for (CaptureTap tap : taps) {
                tap.sip(sip);
            }
        }
    }

    private void tcp(String src, String dst, byte[] b, int off, int len) {
        if (len < 20) {
            return;
        }
        int srcPort = u16(b, off);
        int dstPort = u16(b, off + 2);
        long seq = Integer.toUnsignedLong(((b[off + 4] & 0xFF) << 24) | ((b[off + 5] & 0xFF) << 16)
                | ((b[off + 6] & 0xFF) << 8) | (b[off + 7] & 0xFF));
        int dataOffset = ((b[off + 12] & 0xF0) >> 4) * 4;
        int flags = b[off + 13] & 0xFF;
        if (dataOffset < 20 || dataOffset > len) {
            return;
        }
        boolean syn = (flags & 0x02) != 0;
        boolean finOrReset = (flags & 0x05) != 0;
        long before = tcp.tlsSegments();
        TcpSipReassembler.Endpoints ends = new TcpSipReassembler.Endpoints(src, srcPort, dst, dstPort);
        tcp.segment(ends, seq, syn, finOrReset, b, off + dataOffset, len - dataOffset,
                (message, transport) -> {
                    SipPayload sip = new SipPayload(frame.frameNumber(), frame.timeUtc(), src, srcPort, dst, dstPort,
                            transport, message);
                    for (CaptureTap tap : taps) {
                        tap.sip(sip);
                    }
                });
        if (tcp.tlsSegments() > before) {
            count("TLS");
        }
    }

    private void count(String protocol) {
        notAnalysed.merge(protocol, 1L, Long::sum);
    }

    Map<String, Long> notAnalysed() {
        return notAnalysed;
    }

    long undissectableFrames() {
        return undissectable;
    }

    long incompleteFragments() {
        return fragments.incompleteCount();
    }

    private String ipv4Name(byte[] b, int off) {
        int address = ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
        int slot = (address * 0x9E3779B1) >>> 20;
        String name = ipv4Names[slot];
        if (name == null || ipv4Keys[slot] != address) {
            name = IpAddressFormat.ipv4(b, off);
            ipv4Names[slot] = name;
            ipv4Keys[slot] = address;
        }
        return name;
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }
}
