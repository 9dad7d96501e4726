package io.seamline.analysis;

/** How an {@link AlignmentResult}'s offset was obtained. */
public enum AlignmentMethod {
    /** GCC-PHAT cross-correlation of windows, both sources at the same sample rate. */
    GCC_PHAT,
    /**
     * GCC-PHAT cross-correlation after the other source was converted to the reference rate with the
     * zero-delay windowed-sinc interpolator of {@link CorrelationInput#resample(float[], double, double)}.
     */
    GCC_PHAT_RESAMPLED,
    /**
     * No window correlated convincingly (silence, unrelated audio, no overlap): the offset is the coarse
     * offset the caller gave from metadata, unverified.
     */
    METADATA_ONLY
}
