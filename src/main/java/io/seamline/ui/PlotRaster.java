package io.seamline.ui;

/**
 * The timeline's plot area as one buffer of opaque pixels ({@code int} ARGB, row after row, top row
 * first), painted in Java and handed to the canvas as a single image. The software renderer spends
 * its time per shape (a stroked line or polygon goes through path rasterisation and coverage masks);
 * one image is one blit, whatever the number of waveform columns, gaps and markers under it.
 *
 * <p>Coordinates are device pixels; rectangles are half-open {@code [x0, x1) x [y0, y1)} and clipped to
 * the buffer. Colours are non-premultiplied ARGB; a translucent colour is composited over what is
 * there (source-over, the same rule the canvas uses), so shades come out as they did when the canvas
 * drew them.
 */
final class PlotRaster {
    /** From this width on, a translucent rectangle compares whole rows to reuse the first row's blend. */
    private static final int WIDE_PX = 64;
    private final int width;
    private final int height;
    private final int[] argb;
    /** Scratch for {@link #coverColumn}: per-row coverage differences, zero between calls. */
    private double[] coverage = new double[64];

    /** A buffer of {@code width x height} device pixels, transparent until painted. */
    PlotRaster(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.argb = new int[this.width * this.height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixels, row-major, {@code width} per row (ARGB, alpha in the top byte). */
    int[] pixels() {
        return argb;
    }

    /** The pixel at a position (ARGB). */
    int at(int x, int y) {
        return argb[y * width + x];
    }

    /** Paints every pixel one opaque colour (the alpha byte is forced to 0xff). */
    void fill(int colour) {
        java.util.Arrays.fill(argb, colour | 0xff000000);
    }

    /** Paints {@code [x0, x1) x [y0, y1)} with a colour, composited over the buffer when translucent. */
    void fillRect(int x0, int y0, int x1, int y1, int colour) {
        int left = Math.max(0, x0);
        int right = Math.min(width, x1);
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        if (left >= right || top >= bottom) {
            return;
        }
        int alpha = colour >>> 24;
        if (alpha == 0) {
            return;
        }
        if (alpha == 0xff) {
            for (int y = top; y < bottom; y++) {
                java.util.Arrays.fill(argb, y * width + left, y * width + right, colour);
            }
            return;
        }
        int r = (colour >>> 16) & 0xff;
        int g = (colour >>> 8) & 0xff;
        int b = colour & 0xff;
        int[] firstUnder = null;
        int firstRow = 0;
        boolean wide = right - left >= WIDE_PX;
        for (int y = top; y < bottom; y++) {
            int row = y * width;
            // A shade over a band is the same on every row where the band underneath is: the first
            // row is kept as it was, and later rows equal to it take the first row's result.
            if (firstUnder != null && java.util.Arrays.equals(argb, row + left, row + right, firstUnder, 0,
                    right - left)) {
                System.arraycopy(argb, firstRow + left, argb, row + left, right - left);
                continue;
            }
            if (wide && firstUnder == null) {
                firstUnder = java.util.Arrays.copyOfRange(argb, row + left, row + right);
                firstRow = row;
            }
            int last = ~argb[row + left];
            int blended = 0;
            for (int i = row + left; i < row + right; i++) {
                int under = argb[i];
                // Runs of the same colour underneath (backgrounds) reuse the last blend.
                if (under != last) {
                    last = under;
                    blended = over(under, r, g, b, alpha);
                }
                argb[i] = blended;
            }
        }
    }

    /**
     * Paints {@code n} spans that share rows {@code [y0, y1)}: span {@code k} covers columns
     * {@code [x0s[k], x1s[k])} in {@code colours[k]}, later spans over earlier ones. The same pixels as
     * one {@link #fillRect} per span, but row by row: hundreds of narrow upright bars (markers, gap
     * edges) painted one at a time would each walk down the buffer a row stride at a time.
     */
    void fillSpans(int y0, int y1, Spans spans) {
        fillSpans(y0, y1, spans.x0s, spans.x1s, spans.colours, spans.count);
    }

    /** Columns {@code [x0, x1)} and colours of spans collected for {@link #fillSpans}. */
    static final class Spans {
        private int[] x0s = new int[64];
        private int[] x1s = new int[64];
        private int[] colours = new int[64];
        private int count;

        /** Adds a span (device columns, ARGB). */
        void add(int x0, int x1, int colour) {
            if (count == x0s.length) {
                x0s = java.util.Arrays.copyOf(x0s, count * 2);
                x1s = java.util.Arrays.copyOf(x1s, count * 2);
                colours = java.util.Arrays.copyOf(colours, count * 2);
            }
            x0s[count] = x0;
            x1s[count] = x1;
            colours[count++] = colour;
        }
    }

    private void fillSpans(int y0, int y1, int[] x0s, int[] x1s, int[] colours, int n) {
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        int[] lastUnder = new int[n];
        int[] lastOut = new int[n];
        boolean[] known = new boolean[n];
        for (int y = top; y < bottom; y++) {
            int row = y * width;
            for (int k = 0; k < n; k++) {
                int left = Math.max(0, x0s[k]);
                int right = Math.min(width, x1s[k]);
                int colour = colours[k];
                int alpha = colour >>> 24;
                if (alpha == 0xff) {
                    for (int i = row + left; i < row + right; i++) {
                        argb[i] = colour;
                    }
                    continue;
                }
                for (int i = row + left; i < row + right; i++) {
                    int under = argb[i];
                    if (!known[k] || under != lastUnder[k]) {
                        known[k] = true;
                        lastUnder[k] = under;
                        lastOut[k] = over(under, (colour >>> 16) & 0xff, (colour >>> 8) & 0xff, colour & 0xff, alpha);
                    }
                    argb[i] = lastOut[k];
                }
            }
        }
    }

    /**
     * Fills the part of column {@code x} that lies between a top and a bottom edge, with coverage
     * anti-aliasing: {@code tops[j]} and {@code bottoms[j]} are the edges (in rows, fractional) at
     * evenly spaced points across the column, and each pixel gets the colour in proportion to how much
     * of it lies between them, averaged over those points. This is what filling the polygon through
     * the edges with the canvas's anti-aliasing gives, without a path per polygon.
     */
    void coverColumn(int x, double[] tops, double[] bottoms, int colour) {
        if (x < 0 || x >= width) {
            return;
        }
        double highest = Double.POSITIVE_INFINITY;
        double lowestTop = Double.NEGATIVE_INFINITY;
        double highestBottom = Double.POSITIVE_INFINITY;
        double lowest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < tops.length; j++) {
            highest = Math.min(highest, tops[j]);
            lowestTop = Math.max(lowestTop, tops[j]);
            highestBottom = Math.min(highestBottom, bottoms[j]);
            lowest = Math.max(lowest, bottoms[j]);
        }
        int first = Math.max(0, (int) Math.floor(highest));
        int end = Math.min(height, (int) Math.ceil(lowest));
        if (end <= first) {
            return;
        }
        // Rows strictly inside every point's span are fully covered and hold no differences.
        int solidFrom = Math.max(0, (int) Math.ceil(lowestTop) - first);
        int solidTo = Math.min(end, (int) Math.floor(highestBottom)) - first;
        int rows = end - first;
        if (coverage.length < rows + 1) {
            coverage = new double[rows + 1];
        }
        // Each sample point adds its span to the rows it crosses as a difference (start, stop), so
        // a column costs one pass over its rows however many points there are.
        for (int j = 0; j < tops.length; j++) {
            double t = Math.max(tops[j], first) - first;
            double b = Math.min(bottoms[j], end) - first;
            if (b <= t) {
                continue;
            }
            int ti = (int) t;
            int bi = (int) b;
            if (ti == bi) {
                coverage[ti] += b - t;
                coverage[ti + 1] -= b - t;
                continue;
            }
            coverage[ti] += ti + 1 - t;
            coverage[ti + 1] -= ti + 1 - t;
            coverage[ti + 1] += 1;
            coverage[bi] -= 1;
            if (b > bi) {
                coverage[bi] += b - bi;
                coverage[bi + 1] -= b - bi;
            }
        }
        double covered = 0;
        double samples = tops.length;
        for (int r = 0; r < rows; r++) {
            if (r > solidFrom && r < solidTo) {
                for (int i = (first + r) * width + x; r < solidTo; r++, i += width) {
                    argb[i] = colour;
                }
                r--;
                continue;
            }
            covered += coverage[r];
            coverage[r] = 0;
            int alpha = (int) Math.round(255 * covered / samples);
            int i = (first + r) * width + x;
            if (alpha >= 255) {
                argb[i] = colour;
            } else if (alpha > 0) {
                argb[i] = over(argb[i], (colour >>> 16) & 0xff, (colour >>> 8) & 0xff, colour & 0xff, alpha);
            }
        }
        coverage[rows] = 0;
    }

    /** Source-over of a colour with {@code alpha} (0..255) on an opaque pixel; rounds to nearest. */
    private static int over(int under, int r, int g, int b, int alpha) {
        int inv = 255 - alpha;
        int ur = (under >>> 16) & 0xff;
        int ug = (under >>> 8) & 0xff;
        int ub = under & 0xff;
        int outA = Math.min(255, alpha + ((under >>> 24) * inv + 127) / 255);
        int outR = (r * alpha + ur * inv + 127) / 255;
        int outG = (g * alpha + ug * inv + 127) / 255;
        int outB = (b * alpha + ub * inv + 127) / 255;
        return outA << 24 | outR << 16 | outG << 8 | outB;
    }
}
