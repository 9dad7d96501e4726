package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WindowedLaneDetectorTest {

    /** Quickselect gives exactly the sorted value, on real samples (many repeats, +0 and -0) and on NaN. */
    @Test
    void selectsTheValueASortWouldPutAtTheRank() throws IOException {
        float[] speech = Lanes.read("speech-a.wav");
        float[] values = Arrays.copyOf(speech, speech.length + 4);
        values[speech.length] = -0f;
        values[speech.length + 1] = Float.NaN;
        values[speech.length + 2] = Float.NEGATIVE_INFINITY;
        values[speech.length + 3] = -0f;
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        for (int rank : new int[] {0, 1, n / 10, n / 2, n / 2 + 1, n * 95 / 100, n - 2, n - 1}) {
            float[] input = values.clone();
            assertEquals(Float.floatToIntBits(sorted[rank]),
                    Float.floatToIntBits(WindowedLaneDetector.select(input, n, rank)), "rank " + rank);
            assertEquals(Arrays.toString(values).hashCode(), Arrays.toString(input).hashCode(), "input changed");
        }
        float[] zeros = {0f, -0f, 0f, -0f};
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(WindowedLaneDetector.select(zeros, 4, 1)));
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(WindowedLaneDetector.select(zeros, 4, 2)));
    }
}
