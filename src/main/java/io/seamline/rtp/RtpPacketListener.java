package io.seamline.rtp;

import java.time.Instant;

/** Receives every packet the {@link RtpStreamTap} accepted as RTP, e.g. to decode its payload as it streams by. */
@FunctionalInterface
public interface RtpPacketListener {

    /**
     * @param key         the stream the packet belongs to: the same instance for every packet of a stream
     * @param frameNumber capture frame number
     * @param timeUtc     arrival time, UTC
     * @param header      parsed RTP header; the payload is {@code udpPayload[header.payloadOffset() ..]}
     * @param udpPayload  the whole UDP payload (RTP header included); must not be modified
     */
    void packet(RtpStreamKey key, long frameNumber, Instant timeUtc, RtpHeader header, byte[] udpPayload);

    /**
     * The same, with where the datagram lies in the capture file; this is what the tap calls. Listeners
     * that read the payloads again later (a packet index) override it.
     *
     * @param udpPayloadOffset offset in bytes of {@code udpPayload[0]} from the start of the capture file, or
     *                         -1 when the datagram was reassembled from IP fragments and is not contiguous there
     */
    default void packet(RtpStreamKey key, long frameNumber, Instant timeUtc, RtpHeader header, byte[] udpPayload,
            long udpPayloadOffset) {
        packet(key, frameNumber, timeUtc, header, udpPayload);
    }
}
