package io.seamline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewportTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:42:00Z");

    @Test
    void zoomKeepsTheInstantUnderTheAnchorStill() {
        Viewport v = Viewport.fit(T0, T0.plusSeconds(600), 1000);
        Instant under = v.timeAt(300);
        Viewport zoomed = v.zoom(4, 300);
        assertEquals(v.nanosPerPixel() / 4, zoomed.nanosPerPixel(), 1e-6);
        assertEquals(0, Duration.between(under, zoomed.timeAt(300)).toNanos(), 1_000);
    }

    @Test
    void fitShowsTheWholeSpanWithAMargin() {
        Viewport v = Viewport.fit(T0, T0.plusSeconds(3600), 1200);
        assertTrue(v.xOf(T0) > 0);
        assertTrue(v.xOf(T0.plusSeconds(3600)) < 1200);
    }

    @Test
    void panMovesByWholePixels() {
        Viewport v = new Viewport(T0, 1e6, 800);
        assertEquals(T0.plusMillis(100), v.pan(100).startUtc());
    }

    @Test
    void zoomStopsAtAQuarterSampleAndAtAWeek() {
        Viewport v = new Viewport(T0, 1e6, 800);
        assertEquals(Viewport.MIN_NANOS_PER_PIXEL, v.zoom(1e9, 0).nanosPerPixel());
        assertEquals(Viewport.MAX_NANOS_PER_PIXEL, v.zoom(1e-9, 0).nanosPerPixel());
    }
}
