package io.seamline.ui;

import io.seamline.timeline.TimelineLane;
import io.seamline.timeline.Viewport;

/**
 * One lane's waveform as drawn at the current viewport: for every pixel column the lane covers, the
 * min and max (in [-1, 1]) taken from the stored pyramid ({@link LaneSummary}), and the outline polygon of that envelope.
 * Built from summaries only, so its cost depends on the canvas width, not on the audio's length.
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

    /**
     * The outline of the envelope between {@code top} and {@code top + height} pixels, as one polygon
     * per run of columns with audio: x and y coordinates, max edge left to right then min edge back.
     * A column whose min equals its max is widened to one pixel so silence stays visible as a line.
     */
    public java.util.List<double[][]> polygons(double top, double height) {
        java.util.List<double[][]> out = new java.util.ArrayList<>();
        double mid = top + height / 2;
        double half = height / 2 - 1;
        int p = 0;
        while (p < columns()) {
            while (p < columns() && Float.isNaN(max[p])) {
                p++;
            }
            int start = p;
            while (p < columns() && !Float.isNaN(max[p])) {
                p++;
            }
            int n = p - start;
            if (n == 0) {
                continue;
            }
            double[] xs = new double[2 * n + 2];
            double[] ys = new double[2 * n + 2];
            int k = 0;
            for (int i = start; i < p; i++) {
                xs[k] = firstX + i;
                ys[k++] = mid - Math.max(max[i] * half, 0.5);
            }
            xs[k] = firstX + p;
            ys[k++] = mid - Math.max(max[p - 1] * half, 0.5);
            xs[k] = firstX + p;
            ys[k++] = mid - Math.min(min[p - 1] * half, -0.5);
            for (int i = p - 1; i >= start; i--) {
                xs[k] = firstX + i;
                ys[k++] = mid - Math.min(min[i] * half, -0.5);
            }
            out.add(new double[][] {xs, ys});
        }
        return out;
    }
}
