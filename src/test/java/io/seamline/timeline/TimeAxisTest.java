package io.seamline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
    @Test
    void ticksAreRoundTimesAboutAHundredPixelsApart() {
        Viewport v = new Viewport(Instant.parse("2026-11-22T08:42:31.204Z"), 50e6, 1100);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(v, null);
        assertEquals(10_000_000_000L, TimeAxis.stepNanos(v));
        assertEquals("08:42:40", ticks.get(0).label());
        assertTrue(ticks.get(1).x() - ticks.get(0).x() >= TimeAxis.TARGET_TICK_PX);
    }

    @Test
    void labelsFollowTheCaseZoneAcrossSummerTime() {
        // 2026-03-29 01:00 UTC: London moves from GMT to BST.
        Viewport v = new Viewport(Instant.parse("2026-03-29T00:55:00Z"), 0.6e9, 800);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(v, ZoneId.of("Europe/London"));
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("00:58:00")), ticks.toString());
        assertTrue(ticks.stream().anyMatch(t -> t.label().equals("02:02:00")), ticks.toString());
        assertEquals("Europe/London (UTC+01:00)", TimeAxis.zoneLabel(ZoneId.of("Europe/London"),
                Instant.parse("2026-03-29T02:00:00Z")));
        assertEquals("UTC", TimeAxis.zoneLabel(null, Instant.EPOCH));
    }

    @Test
    void subSecondStepsShowMilliseconds() {
        Viewport v = new Viewport(Instant.parse("2026-11-22T08:42:31Z"), 1e6, 1000);
        assertEquals("08:42:31.200", TimeAxis.ticks(v, null).get(0).label());
    }
}
