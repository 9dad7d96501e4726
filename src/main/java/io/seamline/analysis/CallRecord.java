package io.seamline.analysis;

import java.time.Instant;
import java.util.List;

/** One SIP call (dialog set by Call-ID) found in a capture: who, when, how it ended, and any SIPREC metadata. */
public record CallRecord(long evidenceId, String callId, String from, String to, String state, Instant startUtc,
        Instant answeredUtc, Instant endUtc, Double setupMs, String hungUpBy, int messages, boolean recordingSession,
        String conversationId, List<String> participants) {
}
