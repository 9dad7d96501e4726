/**
 * Stitching: one continuous recording built from the primary recording and aligned sources, with a
 * manifest tracing every output sample to an original evidence file.
 *
 * <p>Depends on {@code analysis} and {@code casefile}; depends on no UI toolkit.
 */
package io.seamline.stitch;
