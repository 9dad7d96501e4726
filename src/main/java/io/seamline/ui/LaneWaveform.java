package io.seamline.ui;

import io.seamline.timeline.TimelineLane;
import io.seamline.timeline.Viewport;

/**
 * One lane's waveform as drawn at the current viewport: for every pixel column the lane covers, the
 * min and max (in [-1, 1]) taken from the stored pyramid ({@link LaneSummary}); {@code TimelineView}
 * fills the outline through them. Built from summaries only, so its cost depends on the canvas width, not on the audio's length.
 *
 * @param firstX   x of the first column (pixels from the viewport's left edge)
 * @param min      per-column minimum, NaN where the lane has no audio
 * @param max      per-column maximum, NaN where the lane has no audio
 */
public record LaneWaveform(int firstX, float[] min, float[] max) {
    /** A lane with nothing in view. */
    public static final LaneWaveform NONE = new LaneWaveform(0, new float[0], new float[0]);

    /** Number of columns. */
    public int columns() {
        return min.length;
    }

    /** The columns of a lane drawn as one run of samples from its aligned start, from its pyramid (channel 0). */
    public static LaneWaveform of(LaneSummary pyramid, TimelineLane lane, Viewport view) {
        return of(pyramid, new LaneClock.Segment(0, lane.sampleCount(), lane.alignedStartUtc(),
                Math.max(1, lane.sampleRateHz())), view);
    }

    /** The columns of one segment of a lane ({@link LaneClock}) in a viewport, from its pyramid (channel 0). */
    public static LaneWaveform of(LaneSummary pyramid, LaneClock.Segment segment, Viewport view) {
        if (pyramid == null || segment.sampleCount() <= 0) {
            return NONE;
        }
        double laneX0 = view.xOf(segment.startUtc());
        double laneX1 = view.xOf(segment.endUtc());
        int x0 = (int) Math.max(0, Math.floor(laneX0));
        int x1 = (int) Math.min(Math.ceil(view.widthPx()), Math.ceil(laneX1));
        if (x1 <= x0) {
            return NONE;
        }
        long total = Math.min(segment.firstSample() + segment.sampleCount(), pyramid.pyramid().totalFrames());
        long s0 = Math.max(segment.firstSample(), segment.sampleAt(view.timeAt(x0)));
        long s1 = Math.min(total, segment.sampleAt(view.timeAt(x1)));
        int pixels = x1 - x0;
        if (s1 <= s0 || total <= 0) {
            return NONE;
        }
        if (s1 - s0 < pixels) {
            // Closer than one sample per pixel: the finest stored bucket is repeated across columns
            // (the pyramid answers this itself); keep the query at least one frame per column.
            s1 = Math.min(total, s0 + pixels);
            if (s1 <= s0) {
                return NONE;
            }
        }
        float[][] columns = pyramid.columns(s0, s1, pixels);
        return new LaneWaveform(x0, columns[0], columns[1]);
    }
}
