package io.seamline.sip;

import java.time.Instant;
import java.util.List;

/**
 * One SIP transaction (RFC 3261 §17) within a Call-ID, keyed by the sender's From tag, CSeq number and
 * method.
 *
 * @param inDialog true when the request carried a To tag (a re-INVITE rather than an initial INVITE, an in-dialog BYE...)
 * @param requestCopies captured copies of the request: 1, or more when it was retransmitted or seen on several hops
 * @param request first captured copy of the request, or null when only responses were captured
 * @param responses every captured response, in capture order (copies included)
 * @param finalStatusCode first final (200-699) response code, or 0 when none was captured
 * @param finalUtc time of that final response, or null
 */
public record SipTransaction(String method, long cseqNumber, CallSide side, boolean inDialog, CapturedSipMessage request,
        int requestCopies, List<CapturedSipMessage> responses, int finalStatusCode, Instant finalUtc) {

    public SipTransaction {
        responses = List.copyOf(responses);
    }

    /** @return true when no final response was captured (ACK never has one, so it is never unanswered) */
    public boolean unanswered() {
        return finalStatusCode == 0 && !"ACK".equals(method);
    }
}
