package io.seamline.sip;

import java.time.Instant;
import java.util.List;

/**
 * One SIP timeline event. Fields that do not apply to a kind are null, 0 or empty.
 *
 * @param timeUtc when it happened (capture time of the message that shows it), UTC
 * @param kind what happened
 * @param callId the Call-ID ("" for parse errors)
 * @param summary one line for a human
 * @param frameNumber frame of the message that shows it
 * @param side who did it (caller or callee), when known
 * @param source sender of that message
 * @param destination receiver of that message
 * @param method request method, or CSeq method for a response
 * @param statusCode response code, or 0
 * @param oldMedia for MEDIA_ADDRESS_CHANGE: where that side received media before
 * @param newMedia for MEDIA_ADDRESS_CHANGE: where it receives media now
 * @param codecs for CODEC_CHANGE the new codec list, for a 488 the codecs that were offered
 * @param resent for REQUEST/RESPONSE: a resend (tshark's rule)
 */
public record SipEvent(Instant timeUtc, SipEventKind kind, String callId, String summary, long frameNumber,
        CallSide side, SipEndpoint source, SipEndpoint destination, String method, int statusCode,
        SipEndpoint oldMedia, SipEndpoint newMedia, List<String> codecs, boolean resent) {

    public SipEvent {
        codecs = codecs == null ? List.of() : List.copyOf(codecs);
    }
}
