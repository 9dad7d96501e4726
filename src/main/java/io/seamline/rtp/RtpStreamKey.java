package io.seamline.rtp;

import java.util.Objects;

/**
 * Identifies one RTP stream as Wireshark does: source and destination address and port plus SSRC.
 *
 * @param ssrc synchronisation source, unsigned 32-bit
 */
public record RtpStreamKey(String srcIp, int srcPort, String dstIp, int dstPort, long ssrc) {

    /**
     * The record's own equality, written out: the generated one links through method handles at its first
     * call, which spins classes the JIT then has to compile; this key is looked up for every RTP packet.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RtpStreamKey k && srcPort == k.srcPort && dstPort == k.dstPort && ssrc == k.ssrc
                && Objects.equals(srcIp, k.srcIp) && Objects.equals(dstIp, k.dstIp);
    }

    /** The same value as the generated hash ({@code 31 * h + hash(component)} in component order). */
    @Override
    public int hashCode() {
        int h = Objects.hashCode(srcIp);
        h = 31 * h + Integer.hashCode(srcPort);
        h = 31 * h + Objects.hashCode(dstIp);
        h = 31 * h + Integer.hashCode(dstPort);
        return 31 * h + Long.hashCode(ssrc);
    }

    @Override
    public String toString() {
        return String.format("%s:%d -> %s:%d SSRC 0x%08X", srcIp, srcPort, dstIp, dstPort, ssrc);
    }
}
