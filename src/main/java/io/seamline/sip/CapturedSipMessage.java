package io.seamline.sip;

import java.time.Instant;

/**
 * A parsed SIP message with where and when it was captured.
 *
 * @param frameNumber capture frame number (1-based, as tshark counts)
 * @param timeUtc capture time, UTC, microsecond precision
 * @param source sender transport address
 * @param destination receiver transport address
 * @param transport {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}...
 * @param message the parsed message
 * @param resent true when tshark's rule calls it a resend: same Call-ID, addresses, CSeq and status as the
 *        previous message on the same address pair
 */
public record CapturedSipMessage(long frameNumber, Instant timeUtc, SipEndpoint source, SipEndpoint destination,
        String transport, SipMessage message, boolean resent) {
}
