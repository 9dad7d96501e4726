package io.seamline.ui;

import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformSpan;

/**
 * A lane's stored waveform pyramid plus an overview level of {@link #OVERVIEW_SAMPLES}-sample min/max
 * buckets made from it once (on the worker, when the case is read). The stored levels are 256 and
 * 65 536 samples; between them (a long call zoomed out) each column would fold up to 256 fine
 * buckets, so those columns fold overview buckets instead, about sixteen times fewer.
 */
public final class LaneSummary {
    /** Samples per overview bucket. */
    public static final int OVERVIEW_SAMPLES = 4096;
    private final WaveformPyramid pyramid;
    private final float[] overviewMin;
    private final float[] overviewMax;

    private LaneSummary(WaveformPyramid pyramid, float[] overviewMin, float[] overviewMax) {
        this.pyramid = pyramid;
        this.overviewMin = overviewMin;
        this.overviewMax = overviewMax;
    }

    /** Builds the overview of a pyramid (one pass over its 256-sample level, channel 0). */
    public static LaneSummary of(WaveformPyramid pyramid) {
        long total = pyramid.totalFrames();
        int buckets = (int) Math.min(WaveformPyramid.MAX_PIXELS, Math.max(0, (total + OVERVIEW_SAMPLES - 1)
                / OVERVIEW_SAMPLES));
        float[] min = new float[buckets];
        float[] max = new float[buckets];
        if (buckets > 0) {
            long covered = (long) buckets * OVERVIEW_SAMPLES;
            WaveformSpan span = pyramid.summarize(0, covered, buckets);
            for (int b = 0; b < buckets; b++) {
                min[b] = span.minAt(b, 0);
                max[b] = span.maxAt(b, 0);
            }
        }
        return new LaneSummary(pyramid, min, max);
    }

    /** The stored pyramid. */
    public WaveformPyramid pyramid() {
        return pyramid;
    }

    /**
     * Min and max per column of samples {@code [startSample, endSample)} over {@code pixels} columns
     * (channel 0; NaN past the audio): from the overview when a column spans at least one overview
     * bucket, otherwise from the pyramid.
     */
    public float[][] columns(long startSample, long endSample, int pixels) {
        double perPixel = (double) (endSample - startSample) / pixels;
        float[] mins = new float[pixels];
        float[] maxs = new float[pixels];
        if (perPixel < OVERVIEW_SAMPLES || overviewMin.length == 0) {
            WaveformSpan span = pyramid.summarize(startSample, endSample, pixels);
            for (int p = 0; p < pixels; p++) {
                mins[p] = span.minAt(p, 0);
                maxs[p] = span.maxAt(p, 0);
            }
            return new float[][] {mins, maxs};
        }
        long total = pyramid.totalFrames();
        for (int p = 0; p < pixels; p++) {
            long a = startSample + (long) Math.floor(p * perPixel);
            long b = Math.max(a + 1, startSample + (long) Math.floor((p + 1) * perPixel));
            int first = (int) (a / OVERVIEW_SAMPLES);
            int last = (int) Math.min((b - 1) / OVERVIEW_SAMPLES, overviewMin.length - 1L);
            if (a >= total || first > last) {
                mins[p] = Float.NaN;
                maxs[p] = Float.NaN;
                continue;
            }
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int k = first; k <= last; k++) {
                lo = Math.min(lo, overviewMin[k]);
                hi = Math.max(hi, overviewMax[k]);
            }
            mins[p] = lo;
            maxs[p] = hi;
        }
        return new float[][] {mins, maxs};
    }
}
