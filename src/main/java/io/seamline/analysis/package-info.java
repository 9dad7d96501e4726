/**
 * Analysis over a whole case: capture analysis stored back into the case, gap detection with causes,
 * and the alignment of every source on one reference clock.
 *
 * <p>Orchestrates {@code capture}, {@code sip}, {@code rtp} and {@code audio}; depends on no UI toolkit.
 */
package io.seamline.analysis;
