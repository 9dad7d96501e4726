package io.seamline.stitch.bench;

import io.seamline.analysis.TestWav;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.stitch.StitchRequest;
import io.seamline.stitch.StitchResult;
import io.seamline.stitch.StitchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stitches a one-hour call end to end through {@link StitchService}: an analysed case holding a one-hour
 * 8 kHz edge buffer (BWF) and a cloud recording of the same call that starts 5 s late and lost 10 s at
 * the half-hour. Each stitch decodes both originals from the vault, plans, renders 28.8 million samples,
 * hashes and writes the WAV and manifest, and records custody: what {@code seamline stitch} does.
 *
 * <p>The programme is a one-hour collage of the espeak-ng fixture (pieces of 0.3 to 2 s from random
 * places at random levels over a -66 dBFS noise floor), so the analysis sees speech, not a loop.
 * Setup imports and analyses once (not measured).
 *
 * <p>Run: {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.openjdk.jmh.Main StitchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class StitchBenchmark {
    private static final int RATE = 8000;
    private static final int CALL_SECONDS = 3600;

    private Path dir;
    private CaseService service;
    private Path out;

    /** Builds and analyses the case. */
    @Setup(Level.Trial)
    public void buildCase() throws Exception {
        dir = Files.createTempDirectory("seamline-stitch-bench-");
        short[] speech = TestWav.read(Path.of(StitchBenchmark.class
                .getResource("/io/seamline/analysis/align/speech-8k.wav").toURI()));
        Random random = new Random(2026);
        short[] programme = new short[CALL_SECONDS * RATE];
        for (int at = 0; at < programme.length; ) {
            int piece = RATE * 3 / 10 + random.nextInt(RATE * 17 / 10);
            int from = random.nextInt(speech.length - piece);
            double gain = 0.4 + 0.6 * random.nextDouble();
            for (int i = 0; i < piece && at < programme.length; i++, at++) {
                programme[at] = (short) Math.round(gain * speech[from + i] + 16 * random.nextGaussian());
            }
        }
        Path edge = dir.resolve("sbc01_bench@sbc.example.net_20261122T080000.000Z.wav");
        TestWav.write(edge, programme, RATE, LocalDate.of(2026, 11, 22), LocalTime.of(8, 0, 0),
                8L * 3600 * RATE);
        int late = 5 * RATE;
        int cutAt = 1800 * RATE;
        int cut = 10 * RATE;
        short[] cloud = new short[programme.length - late - cut];
        System.arraycopy(programme, late, cloud, 0, cutAt - late);
        System.arraycopy(programme, cutAt + cut, cloud, cutAt - late, programme.length - cutAt - cut);
        Path cloudWav = dir.resolve("cloud.wav");
        TestWav.write(cloudWav, cloud, RATE);
        service = CaseService.create(new NewCaseRequest(dir.resolve("bench.seamline"), "Benchmark", "B-1", "bench",
                ZoneId.of("Europe/London")));
        service.importEvidence(new ImportRequest(List.of(edge, cloudWav), null, ""), TaskMonitor.NONE);
        new AnalysisService(service).analyze(TaskMonitor.NONE);
        Files.delete(edge);
        Files.delete(cloudWav);
        out = dir.resolve("stitched.wav");
        StitchResult check = new StitchService(service).stitch(new StitchRequest(out, null, null, true, 0),
                TaskMonitor.NONE);
        if (check.manifest().sampleCount() != programme.length) {
            throw new IllegalStateException("stitched " + check.manifest().sampleCount() + " samples, expected "
                    + programme.length);
        }
        short[] stitched = TestWav.read(out);
        if (!Arrays.equals(stitched, programme)) {
            throw new IllegalStateException("the stitched hour differs from the programme");
        }
    }

    /** One full stitch of the hour. */
    @Benchmark
    public StitchResult stitchOneHour() throws Exception {
        return new StitchService(service).stitch(new StitchRequest(out, null, null, true, 0), TaskMonitor.NONE);
    }

    /** Removes the case and outputs. */
    @TearDown(Level.Trial)
    public void removeCase() throws Exception {
        service.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
