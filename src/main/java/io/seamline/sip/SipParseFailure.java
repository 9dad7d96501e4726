package io.seamline.sip;

import java.time.Instant;

/** A captured payload that was offered as SIP but could not be parsed, and why. */
public record SipParseFailure(long frameNumber, Instant timeUtc, SipEndpoint source, SipEndpoint destination,
        String reason) {
}
