package io.seamline.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checks the radix-2 real FFT against a direct DFT and against its own inverse. */
class CorrelationFftTest {

    @Test
    void forwardMatchesDirectDftInPackedLayout() {
        int n = 64;
        Random random = new Random(11);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] a = x.clone();
        new CorrelationFft(n).forward(a);

        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                re += x[j] * Math.cos(-2 * Math.PI * k * j / n);
                im += x[j] * Math.sin(-2 * Math.PI * k * j / n);
            }
            if (k == 0) {
                assertEquals(re, a[0], 1e-4);
            } else if (k == n / 2) {
                assertEquals(re, a[1], 1e-4);
            } else {
                assertEquals(re, a[2 * k], 1e-4, "Re X[" + k + "]");
                assertEquals(im, a[2 * k + 1], 1e-4, "Im X[" + k + "]");
            }
        }
    }

    @Test
    void inverseRestoresSignalAtLargeSize() {
        int n = 1 << 16;
        Random random = new Random(5);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] a = x.clone();
        CorrelationFft fft = new CorrelationFft(n);
        fft.forward(a);
        fft.inverse(a);

        for (int i = 0; i < n; i++) {
            assertEquals(x[i], a[i], 1e-4, "sample " + i);
        }
    }

    @Test
    void worksAtSmallestSize() {
        float[] a = {1, 2, 3, 4};
        CorrelationFft fft = new CorrelationFft(4);
        fft.forward(a);
        assertEquals(10, a[0], 1e-6);
        assertEquals(-2, a[1], 1e-6);
        assertEquals(-2, a[2], 1e-6);
        assertEquals(2, a[3], 1e-6);
        fft.inverse(a);
        assertEquals(1, a[0], 1e-6);
        assertEquals(4, a[3], 1e-6);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new CorrelationFft(48));
        assertThrows(IllegalArgumentException.class, () -> new CorrelationFft(2));
        assertThrows(IllegalArgumentException.class, () -> new CorrelationFft(64).forward(new float[32]));
    }
}
