package io.seamline.analysis;

/**
 * Every threshold the lane gap detectors use; each finding carries the set it was found with. Levels are in dBFS
 * (0 dBFS = a full-scale square wave RMS of 1.0), durations in milliseconds. See {@link SilenceDetector} for how
 * the silence defaults were tuned.
 *
 * @param dropoutMinMs shortest run of one repeated sample value reported as a dropout
 * @param silenceWindowMs RMS window of the silence detector (hop is half of it)
 * @param floorPercentile percentile (0..100) of window RMS, near speech, taken as the lane's noise floor
 * @param belowFloorDb how far under the floor a window must be to count as near-silent
 * @param nearSilenceDbfs windows under this level count as near-silent whatever the floor
 * @param pausePercentile percentile (0..100) of near-silent run lengths taken as the lane's normal pause
 * @param pauseFactor a silence must be this many times longer than the normal pause
 * @param silenceMinMs shortest silence ever reported
 * @param maxPauseMs near-silent runs at least this long are always reported, and are not counted as pauses
 * @param clipLevel absolute sample value (0..1) from which a sample counts as clipped; 0.98 by default because
 *     G.711 cannot go higher (µ-law peaks at 32124/32768 = 0.980, A-law at 0.984)
 * @param clipMinRunSamples shortest run of clipped samples reported
 * @param corruptMergeMs corrupt events closer than this are merged into one finding
 * @param burstWindowMs analysis window of the noise-burst detector (rounded to a power of two in samples)
 * @param burstFlatness spectral flatness (0..1) from which a window counts as noise
 * @param burstAboveFloorDb a noise window must be this far above the lane's floor
 * @param burstMinDbfs a noise window must be at least this loud
 * @param burstMinMs shortest noise burst reported
 */
public record GapThresholds(
        double dropoutMinMs,
        double silenceWindowMs,
        double floorPercentile,
        double belowFloorDb,
        double nearSilenceDbfs,
        double pausePercentile,
        double pauseFactor,
        double silenceMinMs,
        double maxPauseMs,
        double clipLevel,
        int clipMinRunSamples,
        double corruptMergeMs,
        double burstWindowMs,
        double burstFlatness,
        double burstAboveFloorDb,
        double burstMinDbfs,
        double burstMinMs) {

    /** Validates ranges so a detector never divides by zero or loops on a zero-length window. */
    public GapThresholds {
        if (dropoutMinMs <= 0 || silenceWindowMs <= 0 || burstWindowMs <= 0 || burstMinMs <= 0
                || silenceMinMs <= 0 || maxPauseMs < silenceMinMs || clipMinRunSamples < 1
                || floorPercentile < 0 || floorPercentile > 100 || pausePercentile < 0 || pausePercentile > 100
                || clipLevel <= 0 || clipLevel > 1 || corruptMergeMs < 0) {
            throw new IllegalArgumentException("gap thresholds out of range: " + this);
        }
    }

    /** Returns the defaults, tuned on espeak-ng speech (see {@link SilenceDetector} and {@link NoiseBurstDetector}). */
    public static GapThresholds defaults() {
        return new GapThresholds(100, 20, 10, 20, -70, 95, 1.5, 2000, 8000, 0.98, 3, 100, 32, 0.30, 20, -50, 250);
    }
}
