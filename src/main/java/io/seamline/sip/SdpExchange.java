package io.seamline.sip;

import java.time.Instant;

/**
 * One SDP body seen in a call (RFC 3264 offer/answer), with who sent it: the SDP says where that side
 * wants to receive media, so the latest exchange per side gives the media addresses, ports and
 * codecs for each direction at that moment.
 *
 * @param offer true for an offer (SDP in INVITE/UPDATE, or in a 2xx to an INVITE without SDP), false for
 *        an answer
 * @param cseqMethod the method of the transaction carrying it (INVITE, UPDATE, ACK, PRACK)
 * @param statusCode 0 when carried by a request, else the response code
 */
public record SdpExchange(Instant timeUtc, long frameNumber, CallSide side, SipEndpoint sender,
        SipEndpoint receiver, boolean offer, String cseqMethod, long cseqNumber, int statusCode,
        SessionDescription sdp) {
}
