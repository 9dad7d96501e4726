package io.seamline.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the timeline draws, in the window and in the PDF report alike: lanes on one reference
 * clock, point markers, shaded gaps, and the span that contains them all.
 */
public record TimelineModel(String title, ZoneId caseZone, Instant startUtc, Instant endUtc, List<TimelineLane> lanes,
        List<TimelineMarker> markers, List<TimelineGap> gaps) {
    public TimelineModel {
        lanes = List.copyOf(lanes);
        markers = List.copyOf(markers);
        gaps = List.copyOf(gaps);
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return lanes.isEmpty() && markers.isEmpty();
    }

    /** The gaps drawn on one lane. */
    public List<TimelineGap> gapsOf(long laneId) {
        return gaps.stream().filter(g -> g.laneId() == laneId).toList();
    }
}
