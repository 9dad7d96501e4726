package io.seamline.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Which stretch of time is visible across how many pixels: the arithmetic of zoom and pan shared by
 * the window's canvas and the report's figures. Immutable; every change returns a new viewport.
 *
 * @param startUtc         instant at the left edge
 * @param nanosPerPixel    time per pixel, in nanoseconds (at least {@link #MIN_NANOS_PER_PIXEL})
 * @param widthPx          drawable width in pixels
 */
public record Viewport(Instant startUtc, double nanosPerPixel, double widthPx) {
    /** Closest zoom: a quarter of a sample per pixel at 8 kHz (31.25 µs per pixel). */
    public static final double MIN_NANOS_PER_PIXEL = 31_250;
    /** Widest zoom: a week across the view. */
    public static final double MAX_NANOS_PER_PIXEL = 7 * 24 * 3600e9 / 100;

    public Viewport {
        if (!(widthPx > 0)) {
            widthPx = 1;
        }
        nanosPerPixel = Math.max(MIN_NANOS_PER_PIXEL, Math.min(MAX_NANOS_PER_PIXEL, nanosPerPixel));
    }

    /** A viewport showing {@code [from, to)} across {@code widthPx}, with a small margin on each side. */
    public static Viewport fit(Instant from, Instant to, double widthPx) {
        double spanNanos = Math.max(1e9, Duration.between(from, to).toNanos());
        double margin = spanNanos * 0.02;
        return new Viewport(from.minusNanos((long) margin), (spanNanos + 2 * margin) / Math.max(1, widthPx), widthPx);
    }

    /** The instant at the right edge. */
    public Instant endUtc() {
        return timeAt(widthPx);
    }

    /** The x position (pixels from the left edge) of an instant. */
    public double xOf(Instant t) {
        return Duration.between(startUtc, t).toNanos() / nanosPerPixel;
    }

    /** The instant at an x position. */
    public Instant timeAt(double x) {
        return startUtc.plusNanos(Math.round(x * nanosPerPixel));
    }

    /** Zooms by {@code factor} (greater than 1 zooms in) keeping the instant under {@code anchorX} still. */
    public Viewport zoom(double factor, double anchorX) {
        Instant anchor = timeAt(anchorX);
        double next = Math.max(MIN_NANOS_PER_PIXEL, Math.min(MAX_NANOS_PER_PIXEL, nanosPerPixel / factor));
        return new Viewport(anchor.minusNanos(Math.round(anchorX * next)), next, widthPx);
    }

    /** Moves the view by {@code dxPixels} (positive shows later time). */
    public Viewport pan(double dxPixels) {
        return new Viewport(timeAt(dxPixels), nanosPerPixel, widthPx);
    }

    /** The same view at another width, keeping the left edge and the scale. */
    public Viewport withWidth(double newWidthPx) {
        return new Viewport(startUtc, nanosPerPixel, newWidthPx);
    }

    /** A view of the same scale centred on an instant. */
    public Viewport centredOn(Instant t) {
        return new Viewport(t.minusNanos(Math.round(widthPx / 2 * nanosPerPixel)), nanosPerPixel, widthPx);
    }

    /** The view of {@code [from, to)} with a margin, at this width. */
    public Viewport showing(Instant from, Instant to) {
        return fit(from, to, widthPx);
    }

    /** Samples per pixel at a sample rate, for choosing a waveform pyramid level. */
    public double samplesPerPixel(int sampleRateHz) {
        return nanosPerPixel * sampleRateHz / 1e9;
    }
}
