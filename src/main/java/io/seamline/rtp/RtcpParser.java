package io.seamline.rtp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Parses compound RTCP packets (RFC 3550 §6.1) and keeps the sender and receiver reports (§6.4.1, §6.4.2). */
final class RtcpParser {
    private static final int SR = 200;
    private static final int RR = 201;
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    /** One report keyed by the SSRC it is about (the sender itself for SR sender info). */
    record Entry(long aboutSsrc, RtcpReport report) {
    }

    private RtcpParser() {
    }

    /**
     * True when the bytes are a compound RTCP packet: version 2, first packet SR/RR/SDES/BYE/APP
     * (PT 200-204, RFC 3550 A.2) and packet lengths that fit the datagram.
     *
     * @param exact true to require the lengths to add up exactly to the datagram (the A.2 check used
     *              when nothing announced RTCP here); false to tolerate trailing bytes, as tshark does
     *              on an RTCP port announced by SDP (RTP port + 1, RFC 3550 §11)
     */
    static boolean looksLikeRtcp(byte[] b, boolean exact) {
        if (b.length < 8 || (b[0] & 0xC0) != 0x80) {
            return false;
        }
        int firstType = b[1] & 0xFF;
        if (firstType < 200 || firstType > 204) {
            return false;
        }
        if (!exact) {
            int words = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            return (words + 1) * 4 <= b.length;
        }
        int pos = 0;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xC0) != 0x80) {
                return false;
            }
            int words = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            pos += (words + 1) * 4;
        }
        return pos == b.length;
    }

    /** Reports found in a packet that passed {@link #looksLikeRtcp}. */
    static List<Entry> parse(byte[] b, long frameNumber, Instant timeUtc) {
        List<Entry> out = new ArrayList<>();
        int pos = 0;
        while (pos + 8 <= b.length && (b[pos] & 0xC0) == 0x80) {
            int count = b[pos] & 0x1F;
            int type = b[pos + 1] & 0xFF;
            int end = pos + ((((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF)) + 1) * 4;
            if (end > b.length) {
                break;
            }
            long reporter = RtpHeader.u32(b, pos + 4);
            int blocks = pos + 8;
            if (type == SR && pos + 28 <= end) {
                long ntpSeconds = RtpHeader.u32(b, pos + 8);
                long ntpFraction = RtpHeader.u32(b, pos + 12);
                long ntp = (ntpSeconds << 32) | ntpFraction;
                long nanos = (ntpFraction * 1_000_000_000L) >>> 32;
                // RFC 4330 §3: with the top bit clear the seconds count from era 1 (7 Feb 2036).
                long eraSeconds = (ntpSeconds & 0x8000_0000L) == 0 ? ntpSeconds + (1L << 32) : ntpSeconds;
                Instant ntpUtc = Instant.ofEpochSecond(eraSeconds - NTP_TO_UNIX_SECONDS, (nanos / 1000) * 1000);
                long rtpTs = RtpHeader.u32(b, pos + 16);
                long packets = RtpHeader.u32(b, pos + 20);
                long octets = RtpHeader.u32(b, pos + 24);
                out.add(new Entry(reporter, new RtcpReport(frameNumber, timeUtc, reporter, true, ntp, ntpUtc, rtpTs,
                        packets, octets, -1, 0, -1)));
                blocks = pos + 28;
            }
            if (type == SR || type == RR) {
                for (int i = 0; i < count && blocks + 24 <= end; i++, blocks += 24) {
                    long about = RtpHeader.u32(b, blocks);
                    int fraction = b[blocks + 4] & 0xFF;
                    int cumulative = ((b[blocks + 5] & 0xFF) << 16) | ((b[blocks + 6] & 0xFF) << 8) | (b[blocks + 7] & 0xFF);
                    if ((cumulative & 0x800000) != 0) {
                        cumulative |= 0xFF000000;
                    }
                    long jitter = RtpHeader.u32(b, blocks + 12);
                    out.add(new Entry(about, new RtcpReport(frameNumber, timeUtc, reporter, false, 0, null, 0, 0, 0,
                            fraction, cumulative, jitter)));
                }
            }
            pos = end;
        }
        return out;
    }
}
