package io.seamline.timeline;

import java.time.Instant;

/** A labelled instant on the timeline: a SIP message, a hold, a stream change, an examiner's note. */
public record TimelineMarker(Instant timeUtc, MarkerKind kind, String label, String summary, String callId) {
}
