package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.audio.WaveformPyramidBuilder;
import io.seamline.timeline.LaneKind;
import io.seamline.timeline.TimelineLane;
import io.seamline.timeline.Viewport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lane's waveform columns come from its pyramid at the viewport's scale. */
class LaneWaveformTest {
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    /** Ten seconds at 8 kHz: silence, then a 0.5 amplitude tone from 4 s to 6 s, then silence. */
    private static LaneSummary pyramid() {
        WaveformPyramidBuilder b = new WaveformPyramidBuilder(8000, 1);
        float[][] block = new float[1][8000];
        for (int s = 0; s < 10; s++) {
            for (int i = 0; i < 8000; i++) {
                block[0][i] = s >= 4 && s < 6 ? (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 8000.0)) : 0f;
            }
            b.accept(block, 8000);
        }
        return LaneSummary.of(b.build());
    }

    private static TimelineLane lane() {
        return new TimelineLane(1, 1, "rec", LaneKind.RECORDING, START, 8000, 80_000, "", List.of());
    }

    @Test
    void coversOnlyTheColumnsWhereTheLaneHasAudio() {
        Viewport v = new Viewport(START.minusSeconds(10), 30e9 / 600, 600);
        LaneWaveform w = LaneWaveform.of(pyramid(), lane(), v);
        assertEquals(200, w.firstX());
        assertEquals(200, w.columns());
    }

    @Test
    void theEnvelopeShowsTheToneAndTheSilence() {
        Viewport v = Viewport.fit(START, START.plusSeconds(10), 1000);
        LaneWaveform w = LaneWaveform.of(pyramid(), lane(), v);
        int toneX = (int) v.xOf(START.plusSeconds(5)) - w.firstX();
        int quietX = (int) v.xOf(START.plusSeconds(2)) - w.firstX();
        assertEquals(0.5, w.max()[toneX], 0.02);
        assertEquals(-0.5, w.min()[toneX], 0.02);
        assertEquals(0, w.max()[quietX], 1e-4);
        assertEquals(0, w.min()[quietX], 1e-4);
    }

    @Test
    void closerThanASamplePerPixelStillDrawsFromTheFinestLevel() {
        Viewport v = new Viewport(START.plusSeconds(5), Viewport.MIN_NANOS_PER_PIXEL, 800);
        LaneWaveform w = LaneWaveform.of(pyramid(), lane(), v);
        assertEquals(800, w.columns());
        assertTrue(w.max()[400] > 0.4, "the tone's bucket envelope");
    }

    @Test
    void zoomedFarOutTheOverviewGivesTheSameEnvelopeAsThePyramid() {
        LaneSummary summary = pyramid();
        float[][] fromOverview = summary.columns(0, 80_000, 4);
        var direct = summary.pyramid().summarize(0, 80_000, 4);
        for (int p = 0; p < 4; p++) {
            assertEquals(direct.minAt(p, 0), fromOverview[0][p], 0.02);
            assertEquals(direct.maxAt(p, 0), fromOverview[1][p], 0.02);
        }
        assertEquals(0.5, fromOverview[1][2], 0.02, "the tone at 4 to 6 s");
    }

    @Test
    void aLaneOutsideTheViewHasNoColumns() {
        Viewport v = new Viewport(START.plusSeconds(100), 1e7, 800);
        assertEquals(0, LaneWaveform.of(pyramid(), lane(), v).columns());
        assertEquals(0, LaneWaveform.of(null, lane(), v).columns());
    }
}
