package io.seamline.analysis;

/**
 * One gap found in one lane, in sample positions at the lane's rate.
 *
 * @param lane channel index in the source file (0 = first)
 * @param startSample first affected sample, inclusive
 * @param endSample end of the affected span, exclusive
 * @param sampleRateHz rate of the sample positions
 * @param kind what was found
 * @param confidence 0 (a guess) to 1 (certain)
 * @param evidence one line saying what was measured (level, run length, flatness ...)
 * @param thresholds the thresholds the detector used
 */
public record GapFinding(int lane, long startSample, long endSample, int sampleRateHz, GapKind kind,
        double confidence, String evidence, GapThresholds thresholds) {

    /** Returns the start in milliseconds from the first sample of the lane. */
    public double startMs() {
        return startSample * 1000.0 / sampleRateHz;
    }

    /** Returns the end in milliseconds from the first sample of the lane. */
    public double endMs() {
        return endSample * 1000.0 / sampleRateHz;
    }

    /** Returns the length in milliseconds. */
    public double durationMs() {
        return (endSample - startSample) * 1000.0 / sampleRateHz;
    }
}
