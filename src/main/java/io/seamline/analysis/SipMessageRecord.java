package io.seamline.analysis;

import java.time.Instant;

/** One SIP message as captured: when, between whom, its one-line label and its raw text. */
public record SipMessageRecord(long evidenceId, long frame, Instant timeUtc, String callId, String src, String dst,
        String transport, String label, String raw) {
}
