package io.seamline.audio;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

/** Locates the committed fixtures of this package and reads small ones whole. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " missing", e);
        }
    }

    /** Reads every lane of a reader in small odd-sized blocks, to exercise block boundaries. */
    static float[][] readAll(AudioReader reader) throws IOException {
        int channels = reader.info().channelCount();
        float[][] out = new float[channels][(int) reader.info().frameCount()];
        float[][] block = new float[channels][997];
        int at = 0;
        int n;
        while ((n = reader.read(block, 997)) > 0) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, out[c], at, n);
            }
            at += n;
        }
        if (at != out[0].length) {
            for (int c = 0; c < channels; c++) {
                out[c] = Arrays.copyOf(out[c], at);
            }
        }
        return out;
    }

    static float[][] readAll(Path file) throws IOException {
        try (WavReader r = WavReader.open(file)) {
            return readAll(r);
        }
    }
}
