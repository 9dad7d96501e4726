package io.seamline.rtp;

/**
 * Identifies one RTP stream as Wireshark does: source and destination address and port plus SSRC.
 *
 * @param ssrc synchronisation source, unsigned 32-bit
 */
public record RtpStreamKey(String srcIp, int srcPort, String dstIp, int dstPort, long ssrc) {

    @Override
    public String toString() {
        return String.format("%s:%d -> %s:%d SSRC 0x%08X", srcIp, srcPort, dstIp, dstPort, ssrc);
    }
}
