package io.seamline.rtp;

import java.time.Instant;

/** Receives every packet the {@link RtpStreamTap} accepted as RTP, e.g. to decode its payload as it streams by. */
@FunctionalInterface
public interface RtpPacketListener {

    /**
     * @param key         the stream the packet belongs to
     * @param frameNumber capture frame number
     * @param timeUtc     arrival time, UTC
     * @param header      parsed RTP header; the payload is {@code udpPayload[header.payloadOffset() ..]}
     * @param udpPayload  the whole UDP payload (RTP header included); must not be modified
     */
    void packet(RtpStreamKey key, long frameNumber, Instant timeUtc, RtpHeader header, byte[] udpPayload);
}
