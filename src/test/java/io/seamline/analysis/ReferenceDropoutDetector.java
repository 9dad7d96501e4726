package io.seamline.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The dropout detector as it was before {@link DropoutDetector} learnt to skip through audio by probes: one
 * comparison per sample. Kept as the oracle the faster detector is compared with.
 */
final class ReferenceDropoutDetector implements LaneGapDetector {
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
    ReferenceDropoutDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        this.sampleRateHz = sampleRateHz;
        this.lane = lane;
        this.thresholds = thresholds;
        this.minRun = Math.max(2, Math.round(thresholds.dropoutMinMs() * sampleRateHz / 1000.0));
    }

    @Override
    public void accept(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            float x = samples[i];
            // NaN never equals itself, so invalid samples end a run; they belong to CorruptSampleDetector.
            if (x != runValue) {
                close(position + i);
                runStart = position + i;
                runValue = x;
            }
        }
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
