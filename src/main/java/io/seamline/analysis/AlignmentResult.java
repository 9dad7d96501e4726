package io.seamline.analysis;

import java.util.List;

/**
 * Where one source sits on the reference clock: {@code other[p]} sounds like
 * {@code reference[p + offset(p)]} with {@code offset(p) = refinedOffsetSamples + driftPpm * 1e-6 * p},
 * every position counted in samples at the reference rate {@link #sampleRateHz()} (the other source's
 * positions are converted to that rate first).
 *
 * <p>A positive offset means the other source started after the reference; a positive drift means the
 * other source's clock is slow: it holds fewer samples per second of reference time, so it falls further
 * behind the longer the call runs.
 *
 * @param offsetSamples        offset at the other source's first sample, rounded to whole reference samples
 * @param refinedOffsetSamples the same offset with sub-sample (parabolic peak) refinement
 * @param offsetMs             {@code refinedOffsetSamples} in milliseconds
 * @param sampleRateHz         reference sample rate in Hz that every sample count here uses
 * @param driftPpm             slope of the offset along the other source, parts per million; 0 when it
 *                             could not be measured (see {@link #warnings()})
 * @param confidence           0..1: the mean of the agreeing windows' peak confidences times the
 *                             fraction of non-silent windows that agree
 * @param method               how the offset was obtained
 * @param windowsUsed          windows whose offsets agree and went into the fit
 * @param windowsTried         windows correlated (non-silent)
 * @param windows              every window, in order of position, with its own outcome
 * @param warnings             one line per condition the caller should know (short overlap, no drift, ...)
 */
public record AlignmentResult(long offsetSamples, double refinedOffsetSamples, double offsetMs, int sampleRateHz,
                              double driftPpm, double confidence, AlignmentMethod method, int windowsUsed,
                              int windowsTried, List<WindowOffset> windows, List<String> warnings) {

    /** Copies the lists so the record stays immutable. */
    public AlignmentResult {
        windows = List.copyOf(windows);
        warnings = List.copyOf(warnings);
    }

    /**
     * Maps a position of the other source onto the reference clock.
     *
     * @param otherPositionSamples position in the other source, in samples at {@link #sampleRateHz()}
     * @return the matching reference position in samples (fractional)
     */
    public double toReferenceSamples(double otherPositionSamples) {
        return otherPositionSamples + refinedOffsetSamples + driftPpm * 1e-6 * otherPositionSamples;
    }

    /** What became of one correlation window. */
    public enum WindowStatus {
        /** Agrees with the fitted offset line and was used. */
        USED,
        /** Correlated with enough confidence but disagrees with the majority (splice, echo, false peak). */
        OUTLIER,
        /** Correlation peak not distinct enough to trust. */
        LOW_CONFIDENCE,
        /** The other source's window has (almost) no energy, so it was not correlated. */
        SILENT
    }

    /**
     * One window's own correlation outcome.
     *
     * @param positionSamples start of the window in the other source, samples at the reference rate
     * @param lengthSamples   window length in samples at the reference rate
     * @param offsetSamples   offset this window found (sub-sample), meaningless when {@code SILENT}
     * @param confidence      0..1 peak confidence of this window alone (see {@link Aligner})
     * @param status          what became of the window
     */
    public record WindowOffset(long positionSamples, int lengthSamples, double offsetSamples, double confidence,
                               WindowStatus status) {
    }
}
