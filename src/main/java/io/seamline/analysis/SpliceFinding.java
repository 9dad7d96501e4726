package io.seamline.analysis;

/**
 * One discontinuity of a lane against the reference clock: a splice (audio cut out and the ends
 * joined), a late start or an early end. Every sample count is at {@link #sampleRateHz()}, the
 * reference rate; lane positions are converted to that rate.
 *
 * <p>Per kind:
 * <ul>
 *   <li>{@link Kind#SPLICE}: at {@code lanePositionSamples} the lane's offset on the reference jumps from
 *       {@code offsetBeforeSamples} to {@code offsetAfterSamples}; {@code missingSamples} is the jump,
 *       the length of reference audio absent from the lane (negative when the lane repeats audio).</li>
 *   <li>{@link Kind#LATE_START}: the lane's first sample ({@code lanePositionSamples = 0}) maps to
 *       reference sample {@code offsetBeforeSamples}; {@code missingSamples} reference samples precede it.</li>
 *   <li>{@link Kind#EARLY_END}: the lane ends ({@code lanePositionSamples} = its length) while
 *       {@code missingSamples} reference samples remain; {@code offsetBeforeSamples} is the lane's offset
 *       there.</li>
 * </ul>
 * For the edge kinds {@code offsetAfterSamples} equals {@code offsetBeforeSamples}.
 *
 * @param kind                what was found
 * @param lanePositionSamples where in the lane, in samples at the reference rate
 * @param offsetBeforeSamples lane-to-reference offset before the position (reference = lane + offset)
 * @param offsetAfterSamples  lane-to-reference offset after the position
 * @param missingSamples      reference samples missing from the lane at this point
 * @param missingSeconds      {@code missingSamples} in seconds
 * @param confidence          0..1; for a splice the lower of the two sides' window confidences times how
 *                            sharply the boundary stands out (1 minus the cost of the best split over the
 *                            cost of no split); for the edge kinds the confidence of the window that fixed
 *                            the offset
 * @param sampleRateHz        the reference rate in Hz
 */
public record SpliceFinding(Kind kind, long lanePositionSamples, long offsetBeforeSamples, long offsetAfterSamples,
                            long missingSamples, double missingSeconds, double confidence, int sampleRateHz) {

    /** The kinds of discontinuity. */
    public enum Kind {
        /** Audio was cut out of the lane and the ends joined (or, with a negative length, repeated). */
        SPLICE,
        /** The lane begins after the reference has begun. */
        LATE_START,
        /** The lane stops before the reference stops. */
        EARLY_END
    }

    /** {@link #lanePositionSamples()} in seconds from the lane's start. */
    public double lanePositionSeconds() {
        return lanePositionSamples / (double) sampleRateHz;
    }
}
