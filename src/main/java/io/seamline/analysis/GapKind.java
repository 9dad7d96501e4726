package io.seamline.analysis;

/** The kind of a hole or damage found in one recording lane. */
public enum GapKind {
    /** Digital silence: exact zeros or one constant value for at least the dropout minimum. */
    DROPOUT,
    /** Near-silence far below the lane's noise floor and longer than the lane's normal speech pauses. */
    SILENCE,
    /** Audio present in another source but absent here (found by alignment, not by a lane detector). */
    MISSING_SPAN,
    /** The recording starts after the call did (found by alignment). */
    LATE_START,
    /** The recording ends before the call did (found by alignment). */
    EARLY_END,
    /** Invalid samples (NaN/Inf), clipping runs or a broadband noise burst. */
    CORRUPT
}
