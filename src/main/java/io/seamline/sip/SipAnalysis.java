package io.seamline.sip;

import java.util.List;

/** Everything {@link DialogTracker} learned from a capture's SIP messages. */
public record SipAnalysis(List<SipCall> calls, List<SipEvent> events, SipStatistics statistics,
        List<SipParseFailure> parseFailures) {

    public SipAnalysis {
        calls = List.copyOf(calls);
        events = List.copyOf(events);
        parseFailures = List.copyOf(parseFailures);
    }

    /** @return the calls that are SIPREC recording sessions (RFC 7866), in order of first appearance */
    public List<SipCall> recordingSessions() {
        return calls.stream().filter(SipCall::recording).toList();
    }
}
