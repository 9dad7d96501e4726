package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.seamline.timeline.LaneKind;
import io.seamline.timeline.TimelineGap;
import io.seamline.timeline.TimelineLane;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A joined recording's samples after a missing span play after the span, as the failover sample shows. */
class LaneClockTest {
    private static final Instant START = Instant.parse("2026-11-22T14:36:58.576840Z");
    // 45 s of samples at 8 kHz with 16.913 s cut out after 25.0035 s.
    private static final TimelineLane LANE = new TimelineLane(7, 2, "cloud-recording.wav", LaneKind.RECORDING, START,
            8000, 360_000, "", List.of());
    private static final TimelineGap SPAN = new TimelineGap(7, START.plusNanos(25_003_500_000L),
            START.plusNanos(25_003_500_000L + 16_913_000_000L), "missing-span", "media handoff", 1.0, "");

    @Test
    void aMissingSpanSplitsTheLaneAndMovesTheRestLater() {
        LaneClock clock = LaneClock.of(LANE, List.of(SPAN));
        assertEquals(2, clock.segments().size());
        assertEquals(200_028, clock.segments().get(1).firstSample());
        assertEquals(SPAN.endUtc(), clock.segments().get(1).startUtc());
        assertEquals(START.plusNanos(45_000_000_000L + 16_913_000_000L), clock.segments().get(1).endUtc());
        assertEquals(200_028, clock.sampleAt(SPAN.startUtc().plusSeconds(5)), "inside the span: the next sample");
        assertEquals(200_028 + 8000, clock.sampleAt(SPAN.endUtc().plusSeconds(1)));
        assertEquals(SPAN.endUtc().plusSeconds(1), clock.timeOf(200_028 + 8000));
        assertEquals(8000, clock.sampleAt(START.plusSeconds(1)));
    }

    @Test
    void otherGapsAndOtherLanesLeaveOneSegment() {
        TimelineGap dropout = new TimelineGap(7, START.plusSeconds(3), START.plusSeconds(4), "dropout", "hold", 1, "");
        TimelineGap elsewhere = new TimelineGap(8, START.plusSeconds(3), START.plusSeconds(4), "missing-span", "", 1,
                "");
        LaneClock clock = LaneClock.of(LANE, List.of(dropout, elsewhere));
        assertEquals(1, clock.segments().size());
        assertEquals(LANE.endUtc(), clock.segments().get(0).endUtc());
        assertEquals(360_000, clock.sampleAt(LANE.endUtc().plusSeconds(1)));
    }
}
