package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.timeline.TimelineModel;
import io.seamline.timeline.Viewport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zoom, pan, selection, zone and cursor readout of the timeline, without FX. */
class TimelineViewModelTest {
    private static final Instant START = Instant.parse("2026-07-01T08:00:00Z");
    private static final Instant END = START.plusSeconds(120);

    private static TimelineViewModel fitted(double width) {
        TimelineViewModel vm = new TimelineViewModel();
        vm.setWidth(width);
        vm.show(new TimelineModel("t", ZoneId.of("Europe/London"), START, END, List.of(), List.of(), List.of()));
        return vm;
    }

    @Test
    void showingAModelFitsTheWholeCaseAndAWiderWindowRefits() {
        TimelineViewModel vm = fitted(1000);
        Viewport v = vm.viewportProperty().get();
        assertTrue(v.xOf(START) > 0 && v.xOf(START) < 30, v.toString());
        assertTrue(v.xOf(END) < 1000 && v.xOf(END) > 970, v.toString());
        vm.setWidth(2000);
        assertTrue(vm.viewportProperty().get().xOf(END) > 1940);
    }

    @Test
    void zoomKeepsTheInstantUnderTheMouseStill() {
        TimelineViewModel vm = fitted(1000);
        Instant under = vm.viewportProperty().get().timeAt(300);
        double npp = vm.viewportProperty().get().nanosPerPixel();
        vm.zoom(4, 300);
        assertEquals(300, vm.viewportProperty().get().xOf(under), 0.01);
        assertEquals(npp / 4, vm.viewportProperty().get().nanosPerPixel(), 1e-3);
    }

    @Test
    void zoomInThenOutReturnsToTheSameScaleAndAResizeNoLongerRefits() {
        TimelineViewModel vm = fitted(1000);
        double npp = vm.viewportProperty().get().nanosPerPixel();
        vm.zoomIn();
        assertEquals(npp / TimelineViewModel.ZOOM_STEP, vm.viewportProperty().get().nanosPerPixel(), 1e-3);
        vm.zoomOut();
        assertEquals(npp, vm.viewportProperty().get().nanosPerPixel(), 1e-3);
        vm.setWidth(500);
        assertEquals(npp, vm.viewportProperty().get().nanosPerPixel(), 1e-3);
        vm.fit();
        assertTrue(vm.viewportProperty().get().nanosPerPixel() > npp * 1.9);
    }

    @Test
    void panMovesByPixelsAtTheCurrentScale() {
        TimelineViewModel vm = fitted(1000);
        Instant left = vm.viewportProperty().get().startUtc();
        vm.pan(100);
        Duration moved = Duration.between(left, vm.viewportProperty().get().startUtc());
        assertEquals(100 * vm.viewportProperty().get().nanosPerPixel(), moved.toNanos(), 2);
    }

    @Test
    void selectionIsOrderedAndClears() {
        TimelineViewModel vm = fitted(1000);
        vm.select(600, 200);
        assertTrue(vm.hasSelection());
        assertEquals(vm.viewportProperty().get().timeAt(200), vm.selectionStartUtcProperty().get());
        vm.clearSelection();
        assertFalse(vm.hasSelection());
        assertNull(vm.selectionEndUtcProperty().get());
    }

    @Test
    void theReadoutGivesUtcAndTheCaseZone() {
        TimelineViewModel vm = fitted(1000);
        Instant t = Instant.parse("2026-07-01T08:00:30.250125Z");
        vm.zoomTo(t, t.plusSeconds(1));
        vm.hover(vm.viewportProperty().get().xOf(t));
        String readout = vm.readoutProperty().get();
        assertTrue(readout.startsWith("UTC 08:00:30.25"), readout);
        assertTrue(readout.contains("Europe/London 09:00:30.25"), "BST is UTC+1 in July: " + readout);
        vm.hover(null);
        assertEquals("", vm.readoutProperty().get());
    }

    @Test
    void theAxisZoneSwitchesBetweenUtcAndTheCaseZone() {
        TimelineViewModel vm = fitted(1000);
        assertEquals("Z", vm.axisZone().getId());
        vm.utcAxisProperty().set(false);
        assertEquals("Europe/London", vm.axisZone().getId());
    }
}
