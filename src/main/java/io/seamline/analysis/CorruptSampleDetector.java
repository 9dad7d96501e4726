package io.seamline.analysis;

import io.seamline.audio.SampleUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds corrupt samples in one lane: invalid values (NaN or infinity in a float source) and clipping runs (at least
 * {@code clipMinRunSamples} consecutive samples at or beyond {@code clipLevel} of full scale). Events of one sort
 * closer than {@code corruptMergeMs} are merged into one finding.
 */
public final class CorruptSampleDetector implements LaneGapDetector {
    private final int sampleRateHz;
    private final int lane;
    private final GapThresholds thresholds;
    private final long mergeSamples;
    private final Events invalid = new Events("invalid (NaN/Inf) samples", 1.0);
    private final Events clipped = new Events("clipped samples", 0.8);
    private long position;
    private long clipRunStart = -1;

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds ({@code clipLevel}, {@code clipMinRunSamples}, {@code corruptMergeMs})
     */
    public CorruptSampleDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        this.sampleRateHz = sampleRateHz;
        this.lane = lane;
        this.thresholds = thresholds;
        this.mergeSamples = Math.round(thresholds.corruptMergeMs() * sampleRateHz / 1000.0);
    }

    @Override
    public void accept(float[] samples, int count) {
        float clip = (float) thresholds.clipLevel();
        int i = 0;
        if (clipRunStart < 0) {
            // Clean samples do nothing while no clipping run is open: skip them with one comparison each
            // (NaN fails it, and an infinity is over any clip level).
            while (i < count && Math.abs(samples[i]) < clip) {
                i++;
            }
        }
        for (; i < count; i++) {
            step(samples[i], position + i, clip);
        }
        position += count;
    }

    /**
     * {@link #accept} for 16-bit samples whose whole units are measured: while no clipping run is open, a unit
     * whose minimum and maximum are both inside the clip level holds only clean samples and is skipped whole.
     *
     * @param samples the block, 16-bit values / 32768
     * @param units the units of {@code samples[0..count)}
     * @param count samples in the block
     */
    void acceptUnits(float[] samples, SampleUnits units, int count) {
        float clip = (float) thresholds.clipLevel();
        int whole = units.units();
        int i = 0;
        while (i < count) {
            if (clipRunStart < 0 && i % SampleUnits.UNIT == 0) {
                int u = i / SampleUnits.UNIT;
                while (u < whole && units.max(u) < clip && units.min(u) > -clip) {
                    u++;
                }
                i = u * SampleUnits.UNIT;
                if (i >= count) {
                    break;
                }
            }
            step(samples[i], position + i, clip);
            i++;
        }
        position += count;
    }

    /** One sample at lane position {@code at}. */
    private void step(float x, long at, float clip) {
        if (x != x || Float.isInfinite(x)) {
            invalid.add(at, at + 1);
            endClipRun(at);
        } else if (Math.abs(x) >= clip) {
            if (clipRunStart < 0) {
                clipRunStart = at;
            }
        } else {
            endClipRun(at);
        }
    }

    private void endClipRun(long end) {
        if (clipRunStart >= 0 && end - clipRunStart >= thresholds.clipMinRunSamples()) {
            clipped.add(clipRunStart, end);
        }
        clipRunStart = -1;
    }

    @Override
    public List<GapFinding> finish() {
        endClipRun(position);
        List<GapFinding> out = new ArrayList<>();
        invalid.flush(out);
        clipped.flush(out);
        out.sort(java.util.Comparator.comparingLong(GapFinding::startSample));
        return out;
    }

    /** Merges events of one sort into spans. */
    private final class Events {
        private final String what;
        private final double confidence;
        private final List<GapFinding> done = new ArrayList<>();
        private long start = -1;
        private long end;
        private long samples;

        Events(String what, double confidence) {
            this.what = what;
            this.confidence = confidence;
        }

        void add(long from, long to) {
            if (start >= 0 && from - end > mergeSamples) {
                close();
            }
            if (start < 0) {
                start = from;
            }
            end = to;
            samples += to - from;
        }

        private void close() {
            done.add(new GapFinding(lane, start, end, sampleRateHz, GapKind.CORRUPT, confidence,
                    samples + " " + what + " in " + (end - start) + " samples", thresholds));
            start = -1;
            samples = 0;
        }

        void flush(List<GapFinding> out) {
            if (start >= 0) {
                close();
            }
            out.addAll(done);
            done.clear();
        }
    }
}
