/**
 * The timeline model (lanes, markers, gaps, time axis) that both the inspector window and the PDF
 * report draw, so the two always show the same thing.
 *
 * <p>Pure data and arithmetic: no UI toolkit, no AWT.
 */
package io.seamline.timeline;
