package io.seamline.analysis.bench;

import io.seamline.analysis.AlignmentResult;
import io.seamline.analysis.Aligner;
import io.seamline.analysis.CorrelationInput;
import io.seamline.analysis.CorrelationFixtureReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Aligns the two other sources of a two-hour, three-source call on the reference: an 8 kHz cloud
 * recording (reference), an 8 kHz SBC edge buffer that starts 3.25 s later and drifts by 20 ppm, and a
 * 16 kHz capture lane that starts 1.5 s earlier. All three are held in memory as 16-bit PCM, as the
 * decoders hand them over.
 *
 * <p>The programme is a two-hour collage of the espeak-ng fixture: pieces of 0.3 to 2 s taken from random
 * places at random levels, so no stretch repeats periodically and the correlation has one true peak.
 * The coarse offsets given are 0.3 s and 0.2 s off the truth, searched ±2 s, like start times from SIP
 * and recorder metadata. Setup checks that both alignments are right before anything is measured.
 *
 * <p>Run: {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.openjdk.jmh.Main AlignerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SingleShotTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class AlignerBenchmark {

    private static final int RATE = 8000;
    private static final int CALL_SECONDS = 2 * 3600;
    private static final long SBC_OFFSET = 26_000;
    private static final double SBC_DRIFT = 20e-6;
    private static final long CAPTURE_OFFSET = -12_000;

    private CorrelationInput reference;
    private CorrelationInput sbc;
    private CorrelationInput capture;

    /** Builds the three sources and checks the answers once. */
    @Setup(Level.Trial)
    public void buildCall() throws IOException {
        float[] speech = CorrelationFixtureReader.read("speech-8k.wav").samples();
        Random random = new Random(2026);
        int length = CALL_SECONDS * RATE;
        float[] programme = new float[length + 64_000];
        for (int at = 0; at < programme.length; ) {
            int piece = RATE * 3 / 10 + random.nextInt(RATE * 17 / 10);
            int from = random.nextInt(speech.length - piece);
            float gain = 0.4f + 0.6f * random.nextFloat();
            for (int i = 0; i < piece && at < programme.length; i++, at++) {
                programme[at] = gain * speech[from + i];
            }
        }
        reference = CorrelationInput.ofPcm16(toPcm16(programme, 0, length, 0, random), RATE);
        // SBC: sbc[n] = programme(SBC_OFFSET + n * (1 + drift)), linear interpolation, its own noise floor.
        short[] sbcPcm = new short[length - (int) SBC_OFFSET - RATE];
        for (int n = 0; n < sbcPcm.length; n++) {
            double t = SBC_OFFSET + n * (1 + SBC_DRIFT);
            int i = (int) t;
            double f = t - i;
            double v = programme[i] * (1 - f) + programme[i + 1] * f;
            sbcPcm[n] = clip(0.8 * v + 0.002 * random.nextGaussian());
        }
        sbc = CorrelationInput.ofPcm16(sbcPcm, RATE);
        // Capture: programme shifted to start 1.5 s before the reference, then resampled to 16 kHz.
        float[] early = new float[length];
        System.arraycopy(programme, 0, early, (int) -CAPTURE_OFFSET, length + (int) CAPTURE_OFFSET);
        float[] wide = CorrelationInput.resample(early, RATE, 16_000);
        capture = CorrelationInput.ofPcm16(toPcm16(wide, 0, wide.length, 0.001, random), 16_000);

        check(alignThreeSources());
        check(alignThreeSourcesWithoutStartTimes());
    }

    private static void check(AlignmentResult[] results) {
        if (Math.abs(results[0].refinedOffsetSamples() - SBC_OFFSET) > 1 || Math.abs(results[0].driftPpm() - 20) > 2
                || Math.abs(results[1].refinedOffsetSamples() - CAPTURE_OFFSET) > 1) {
            throw new IllegalStateException("benchmark call misaligned: " + results[0] + " / " + results[1]);
        }
    }

    /** Aligns the SBC and capture sources on the reference, as the case loader does for every call. */
    @Benchmark
    public AlignmentResult[] alignThreeSources() {
        Aligner aligner = new Aligner();
        return new AlignmentResult[] {
            aligner.align(reference, sbc, SBC_OFFSET - 2400, 2 * RATE),
            aligner.align(reference, capture, CAPTURE_OFFSET + 1600, 2 * RATE)
        };
    }

    /** The same without start times in the metadata: the whole length is searched, envelopes first. */
    @Benchmark
    public AlignmentResult[] alignThreeSourcesWithoutStartTimes() {
        Aligner aligner = new Aligner();
        return new AlignmentResult[] {
            aligner.align(reference, sbc, 0, reference.lengthSamples() + sbc.lengthSamples()),
            aligner.align(reference, capture, 0, reference.lengthSamples() + capture.lengthSamples())
        };
    }

    private static short[] toPcm16(float[] samples, int from, int length, double noise, Random random) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = clip(samples[from + i] + noise * random.nextGaussian());
        }
        return out;
    }

    private static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * 32768)));
    }
}
