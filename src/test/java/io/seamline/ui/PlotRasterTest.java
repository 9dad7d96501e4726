package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plot buffer composites shades as the canvas does, and its fast paths paint the same pixels. */
class PlotRasterTest {
    private static final int WHITE = 0xffffffff;

    /** Source-over of a non-premultiplied colour on an opaque pixel, channel by channel. */
    private static int over(int under, int colour) {
        int a = colour >>> 24;
        int out = 0xff000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int s = (colour >>> shift) & 0xff;
            int d = (under >>> shift) & 0xff;
            out |= ((s * a + d * (255 - a) + 127) / 255) << shift;
        }
        return out;
    }

    @Test
    void aTranslucentShadeIsCompositedOverWhatIsThereAndClippedToTheBuffer() {
        PlotRaster r = new PlotRaster(10, 6);
        r.fill(0xfbfbf9);
        r.fillRect(-5, 2, 4, 99, 0x61E69F00);
        assertEquals(0xfffbfbf9, r.at(4, 3), "outside the shade");
        assertEquals(0xfffbfbf9, r.at(0, 1), "above the shade");
        assertEquals(over(0xfffbfbf9, 0x61E69F00), r.at(0, 5));
        assertEquals(over(0xfffbfbf9, 0x61E69F00), r.at(3, 2));
        assertEquals(0xffE69F00 & 0xff000000, r.at(3, 2) & 0xff000000, "the plot stays opaque");
    }

    @Test
    void aWideShadeOverRowsThatDifferBlendsEveryRowFromItsOwnPixels() {
        PlotRaster r = new PlotRaster(200, 8);
        r.fill(WHITE);
        r.fillRect(0, 3, 200, 4, 0xff0072B2);
        r.fillRect(50, 0, 51, 8, 0xff222222);
        r.fillRect(0, 0, 200, 8, 0x120072B2);
        assertEquals(over(WHITE, 0x120072B2), r.at(10, 0));
        assertEquals(over(0xff0072B2, 0x120072B2), r.at(10, 3));
        assertEquals(over(0xff222222, 0x120072B2), r.at(50, 7));
        assertEquals(over(WHITE, 0x120072B2), r.at(199, 7));
    }

    @Test
    void spansPaintTheSamePixelsAsOneRectangleEachInOrder() {
        Random random = new Random(7);
        PlotRaster spans = new PlotRaster(300, 40);
        PlotRaster rects = new PlotRaster(300, 40);
        for (PlotRaster r : new PlotRaster[] {spans, rects}) {
            r.fill(0xfbfbf9);
            r.fillRect(0, 10, 300, 20, 0xff009E73);
        }
        PlotRaster.Spans list = new PlotRaster.Spans();
        for (int k = 0; k < 150; k++) {
            int x0 = random.nextInt(320) - 10;
            int x1 = x0 + 1 + random.nextInt(12);
            int colour = (random.nextBoolean() ? 0xff000000 : (random.nextInt(255) + 1) << 24)
                    | random.nextInt(0x1000000);
            list.add(x0, x1, colour);
            rects.fillRect(x0, 5, x1, 35, colour);
        }
        spans.fillSpans(5, 35, list);
        assertArrayEquals(rects.pixels(), spans.pixels());
    }

    @Test
    void aColumnIsFilledBetweenItsEdgesWithPartlyCoveredPixelsShaded() {
        PlotRaster r = new PlotRaster(3, 10);
        r.fill(WHITE);
        int blue = 0xff0072B2;
        r.coverColumn(1, new double[] {2.5, 2.5}, new double[] {6.0, 6.0}, blue);
        assertEquals(WHITE, r.at(1, 1));
        assertEquals(over(WHITE, 0x800072B2), r.at(1, 2), "half of row 2 lies inside");
        assertEquals(blue, r.at(1, 3));
        assertEquals(blue, r.at(1, 5));
        assertEquals(WHITE, r.at(1, 6));
        assertEquals(WHITE, r.at(0, 4), "other columns are untouched");
        r.coverColumn(2, new double[] {7.0, 9.0}, new double[] {8.0, 10.0}, blue);
        assertEquals(over(WHITE, 0x800072B2), r.at(2, 7), "a sloped edge covers row 7 at one sample of two");
    }

    @Test
    void columnCoverageIsTheMeanOverTheSamplePointsOfTheirOverlapWithEachRow() {
        Random random = new Random(11);
        int blue = 0xff0072B2;
        for (int trial = 0; trial < 400; trial++) {
            PlotRaster r = new PlotRaster(3, 40);
            r.fill(0xfbfbf9);
            double[][] tops = new double[3][4];
            double[][] bottoms = new double[3][4];
            // Edges above and below the buffer too; three columns so a later one shows any leftover.
            for (int x = 0; x < 3; x++) {
                for (int j = 0; j < 4; j++) {
                    // Every fourth trial, edges that all start above the buffer.
                    tops[x][j] = trial % 4 == 0 ? -1 - random.nextDouble() * 14 : random.nextDouble() * 60 - 15;
                    bottoms[x][j] = tops[x][j] + random.nextDouble() * 30;
                }
                r.coverColumn(x, tops[x], bottoms[x], blue);
            }
            for (int x = 0; x < 3; x++) {
                for (int y = 0; y < 40; y++) {
                    double covered = 0;
                    for (int j = 0; j < 4; j++) {
                        covered += Math.max(0, Math.min(y + 1, bottoms[x][j]) - Math.max(y, tops[x][j]));
                    }
                    int alpha = (int) Math.round(255 * covered / 4);
                    int expected = alpha >= 255 ? blue
                            : alpha > 0 ? over(0xfffbfbf9, alpha << 24 | 0x0072B2) : 0xfffbfbf9;
                    int seen = r.at(x, y);
                    for (int shift = 0; shift <= 16; shift += 8) {
                        int diff = Math.abs(((expected >>> shift) & 0xff) - ((seen >>> shift) & 0xff));
                        assertEquals(0, Math.max(0, diff - 1), "trial " + trial + " column " + x + " row " + y);
                    }
                }
            }
        }
    }
}
