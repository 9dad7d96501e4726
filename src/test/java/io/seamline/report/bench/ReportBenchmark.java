package io.seamline.report.bench;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.TestWav;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.report.ExaminerKeyStore;
import io.seamline.report.PaperSize;
import io.seamline.report.ReportContent;
import io.seamline.report.ReportService;
import io.seamline.report.SigningIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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
 * Report generation and signing for a one-hour call: reading the case's stored analysis, laying out the
 * whole report (vector timeline from the waveform pyramid, one gap section with its close-up, custody
 * log) and the PAdES signature with the examiner's RSA 3072 key. The case holds one 8 kHz recording of
 * one hour (a collage of the espeak-ng fixture, pieces of 0.3 to 2 s at random levels) that lost 17.4 s
 * of audio to zeros half-way through; setup imports and analyses it once, outside the measurement.
 *
 * <p>Run: {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.openjdk.jmh.Main ReportBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ReportBenchmark {
    private static final int RATE_HZ = 8000;
    private Path work;
    private Path casePath;
    private SigningIdentity identity;

    /** Builds, imports and analyses the one-hour case and makes the examiner's key. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        work = Files.createTempDirectory("seamline-report-bench-");
        Path wav = work.resolve("cloud-recording-1h.wav");
        writeCollage(wav, 3600);
        casePath = work.resolve("hour.seamline");
        try (CaseService service = CaseService.create(new NewCaseRequest(casePath, "One-hour call", "BENCH-1",
                "Bench Examiner", ZoneId.of("Europe/London")))) {
            service.importEvidence(new ImportRequest(List.of(wav), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            // Measure only a report that has something to explain: the dropout must have been found.
            if (analysis.results().gaps().size() != 1 || analysis.results().gaps().get(0).durationSec() < 17) {
                throw new IllegalStateException("the 17.4 s dropout was not found: " + analysis.results().gaps());
            }
        }
        identity = new ExaminerKeyStore(work.resolve("keys")).examinerIdentity("Bench Examiner");
    }

    /** Deletes the case and key made by {@link #setUp()}. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Reads the case, lays out the report and signs it; returns the signed bytes. */
    @Benchmark
    public byte[] readLayoutAndSign() throws Exception {
        try (CaseService service = CaseService.open(casePath)) {
            return ReportService.render(ReportContent.read(service), PaperSize.A4, identity, Instant.now());
        }
    }

    private static void writeCollage(Path wav, int seconds) throws IOException {
        short[] speech = speech();
        long total = (long) seconds * RATE_HZ;
        long gapStart = total / 2;
        long gapEnd = gapStart + Math.round(17.4 * RATE_HZ);
        Random random = new Random(42);
        // A BWF bext chunk (EBU Tech 3285 v1) puts the recording at 08:42:15 on 22 November 2026, so its
        // lane has a start time and its gaps a place on the clock.
        ByteBuffer bext = ByteBuffer.allocate(602).order(ByteOrder.LITTLE_ENDIAN);
        put(bext, "Seamline report benchmark", 256);
        put(bext, "bench", 32);
        put(bext, "bench", 32);
        put(bext, "2026-11-22", 10);
        put(bext, "08:42:15", 8);
        long timeReference = (8L * 3600 + 42 * 60 + 15) * RATE_HZ;
        bext.putInt((int) timeReference);
        bext.putInt((int) (timeReference >>> 32));
        bext.putShort((short) 1);
        ByteBuffer header = ByteBuffer.allocate(12 + 8 + 602 + 24 + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (header.capacity() - 8 + total * 2))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("bext".getBytes(StandardCharsets.US_ASCII)).putInt(602).put(bext.array());
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE_HZ).putInt(RATE_HZ * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) (total * 2));
        try (OutputStream out = Files.newOutputStream(wav)) {
            out.write(header.array());
            ByteBuffer chunk = ByteBuffer.allocate(RATE_HZ * 4).order(ByteOrder.LITTLE_ENDIAN);
            long written = 0;
            while (written < total) {
                int length = (int) Math.min(total - written, (long) (0.3 * RATE_HZ + random.nextInt((int) (1.7 * RATE_HZ))));
                int from = random.nextInt(speech.length - length);
                double level = 0.2 + random.nextDouble() * 0.8;
                chunk.clear();
                for (int i = 0; i < length; i++) {
                    long at = written + i;
                    // Two LSB of dither: espeak-ng writes exact zeros between words, which are digital dropouts.
                    short s = at >= gapStart && at < gapEnd ? 0
                            : (short) Math.max(-32768, Math.min(32767, speech[from + i] * level + random.nextInt(5) - 2));
                    chunk.putShort(s);
                }
                out.write(chunk.array(), 0, chunk.position());
                written += length;
            }
        }
    }

    private static void put(ByteBuffer b, String text, int width) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        b.put(bytes, 0, Math.min(bytes.length, width));
        for (int i = bytes.length; i < width; i++) {
            b.put((byte) 0);
        }
    }

    private static short[] speech() throws IOException {
        try {
            return TestWav.read(Path.of(ReportBenchmark.class.getResource("/io/seamline/analysis/align/speech-8k.wav")
                    .toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IOException("speech-8k.wav: " + e.getMessage(), e);
        }
    }
}
