package io.seamline.rtp;

import java.time.Instant;

/**
 * A non-speech packet kept from an RTP stream: an RFC 4733 telephone event or RFC 3389 comfort noise.
 *
 * @param frameNumber    frame of the packet
 * @param timeUtc        arrival time, UTC
 * @param kind           what the packet is
 * @param code           DTMF/event code (RFC 4733 §3.2: 0-9, 10 = *, 11 = #, 12-15 = A-D) or CN noise level in -dBov
 * @param end            RFC 4733 E bit; false for comfort noise
 * @param volume         RFC 4733 volume in -dBm0; 0 for comfort noise
 * @param durationUnits  RFC 4733 duration in media clock units; 0 for comfort noise
 * @param rtpTimestamp   RTP timestamp (the event start for RFC 4733)
 */
public record RtpEvent(long frameNumber, Instant timeUtc, Kind kind, int code, boolean end, int volume,
                       int durationUnits, long rtpTimestamp) {

    /** The kind of non-speech packet. */
    public enum Kind { TELEPHONE_EVENT, COMFORT_NOISE }
}
