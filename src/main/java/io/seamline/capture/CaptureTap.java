package io.seamline.capture;

import java.time.Instant;

/**
 * A listener that accumulates what it needs while a capture is read once (Wireshark {@code doc/README.tapping}).
 *
 * <p>Methods are called on the reading thread in frame order and must only accumulate: no I/O, no
 * long work. Every method has an empty default so a tap implements only what it needs.
 */
public interface CaptureTap {

    /** Called once before any other method with the time of frame 1 (Wireshark's relative-time origin). */
    default void start(Instant firstFrameUtc) {
    }

    /** Called for every UDP datagram, after IP fragment reassembly. */
    default void udp(UdpDatagram datagram) {
    }

    /** Called for every whole SIP message found over UDP, TCP or WebSocket. */
    default void sip(SipPayload message) {
    }
}
