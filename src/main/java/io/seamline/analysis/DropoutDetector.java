package io.seamline.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds dropouts: runs of one repeated sample value (exact digital zero, or a stuck constant) at least
 * {@link GapThresholds#dropoutMinMs()} long. Dithered pauses and real line noise change value every few samples
 * (in the minute of espeak-ng speech resampled by sox that the tests use, the longest zero run is 34 samples,
 * 4.3 ms), so such a run means no audio was written.
 */
public final class DropoutDetector implements LaneGapDetector {
    private final int sampleRateHz;
    private final int lane;
    private final GapThresholds thresholds;
    private final long minRun;
    private final List<GapFinding> findings = new ArrayList<>();
    private long position;
    private long runStart;
    private float runValue = Float.NaN;

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds ({@code dropoutMinMs} is used)
     */
    public DropoutDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        this.sampleRateHz = sampleRateHz;
        this.lane = lane;
        this.thresholds = thresholds;
        this.minRun = Math.max(2, Math.round(thresholds.dropoutMinMs() * sampleRateHz / 1000.0));
    }

    /**
     * Only runs of at least {@code minRun} samples matter, and every such run holds two probes {@code minRun / 2}
     * apart; so after the run open from the last block and before the run that reaches the end of this one, the
     * block is read at probes only, and around a pair of equal probes sample by sample. The findings are those of
     * comparing every sample with the run's first value (NaN ends every run; -0 and +0 are one value).
     */
    @Override
    public void accept(float[] samples, int count) {
        int i = 0;
        float value = runValue;
        while (i < count && samples[i] == value) {
            i++;
        }
        if (i == count) {
            position += count;
            return;
        }
        close(position + i);
        // The run that reaches the end of the block stays open for the next block.
        int last = count - 1;
        int tail = last;
        while (tail > i && samples[tail - 1] == samples[last]) {
            tail--;
        }
        int step = (int) Math.max(1, minRun / 2);
        int probe = i;
        while (probe + step < tail) {
            float x = samples[probe];
            if (x == samples[probe + step]) {
                int from = probe;
                while (from > i && samples[from - 1] == x) {
                    from--;
                }
                int to = probe + 1;
                while (to < tail && samples[to] == x) {
                    to++;
                }
                runStart = position + from;
                runValue = samples[from];
                close(position + to);
                probe = to;
            } else {
                probe += step;
            }
        }
        runStart = position + tail;
        runValue = samples[tail];
        position += count;
    }

    private void close(long end) {
        long length = end - runStart;
        if (runValue == runValue && length >= minRun) {
            boolean zero = runValue == 0f;
            findings.add(new GapFinding(lane, runStart, end, sampleRateHz, GapKind.DROPOUT, zero ? 1.0 : 0.9,
                    (zero ? "digital zero" : "constant sample value " + runValue) + " for " + length + " samples",
                    thresholds));
        }
    }

    @Override
    public List<GapFinding> finish() {
        close(position);
        runValue = Float.NaN;
        return List.copyOf(findings);
    }
}
