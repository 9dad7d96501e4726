package io.seamline.analysis;

import io.seamline.audio.AudioReader;
import io.seamline.audio.WavReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Committed espeak-ng/sox fixtures read as lanes, spliced at known samples, and fed to detectors in blocks. */
final class Lanes {
    static final int RATE = 8000;
    /** A sample inside a word of speech-a.wav (20 ms level about -16 dBFS), where gaps are spliced in. */
    static final int SPLICE_AT = 12_000;
    /** 17 s at 8 kHz. */
    static final int GAP = 17 * RATE;
    /** Boundary tolerance: 20 ms. */
    static final int TOLERANCE = RATE / 50;

    private Lanes() {
    }

    static Path path(String resource) {
        try {
            return Path.of(Lanes.class.getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture " + resource + " missing", e);
        }
    }

    static float[] read(String resource) throws IOException {
        try (WavReader r = WavReader.open(path(resource))) {
            float[] out = new float[(int) r.info().frameCount()];
            float[][] block = new float[r.info().channelCount()][4096];
            int at = 0;
            int n;
            while ((n = r.read(block, 4096)) > 0) {
                System.arraycopy(block[0], 0, out, at, n);
                at += n;
            }
            return out;
        }
    }

    /** Repeats {@code filler} to exactly {@code length} samples. */
    static float[] repeat(float[] filler, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = filler[i % filler.length];
        }
        return out;
    }

    /** Returns speech[0, at) + gap + speech[at, end). */
    static float[] splice(float[] speech, int at, float[] gap) {
        float[] out = new float[speech.length + gap.length];
        System.arraycopy(speech, 0, out, 0, at);
        System.arraycopy(gap, 0, out, at, gap.length);
        System.arraycopy(speech, at, out, at + gap.length, speech.length - at);
        return out;
    }

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** About 60 s of espeak-ng sentences with natural pauses: speech-a and speech-b alternating. */
    static float[] oneMinuteOfSpeech(String a, String b) throws IOException {
        float[] sa = read(a);
        float[] sb = read(b);
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        while (n < 60 * RATE) {
            float[] next = parts.size() % 2 == 0 ? sa : sb;
            parts.add(next);
            n += next.length;
        }
        return concat(parts.toArray(float[][]::new));
    }

    /** Feeds the lane in blocks of 1021 samples (not a divisor of any window) and returns the findings. */
    static List<GapFinding> run(LaneGapDetector detector, float[] lane) {
        float[] block = new float[1021];
        for (int at = 0; at < lane.length; at += block.length) {
            int n = Math.min(block.length, lane.length - at);
            System.arraycopy(lane, at, block, 0, n);
            detector.accept(block, n);
        }
        return detector.finish();
    }

    static List<GapFinding> detectAll(String resource) throws IOException {
        try (AudioReader r = WavReader.open(path(resource))) {
            return LaneGapDetector.detectAll(r, GapThresholds.defaults());
        }
    }
}
