package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings and edge buffers placed on one clock, with gaps found and explained, on real audio. */
class AudioAnalysisTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private CaseService newCase(String name) throws Exception {
        return CaseService.create(new NewCaseRequest(dir.resolve(name), "t", "", "e", LONDON));
    }

    @Test
    void aRecordingThatKeptTheHandoffAsZerosHasADropoutCausedByTheHandoff() throws Exception {
        Path capturePath = AnalysisServiceTest.mediaMove();
        short[] recording;
        LaneRecord first;
        LaneRecord second;
        try (CaseService service = newCase("capture-only.seamline")) {
            service.importEvidence(new ImportRequest(List.of(capturePath), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            List<LaneRecord> lanes = analysis.results().lanes().stream()
                    .sorted((a, b) -> a.metadataStartUtc().compareTo(b.metadataStartUtc())).toList();
            first = lanes.get(0);
            second = lanes.get(1);
            long secondAt = samples(first.metadataStartUtc(), second.metadataStartUtc());
            recording = new short[(int) (secondAt + second.sampleCount())];
            TestWav.copyLane(analysis, first, recording, 0);
            TestWav.copyLane(analysis, second, recording, (int) secondAt);
        }
        Path wav = dir.resolve("cloud-recording.wav");
        TestWav.write(wav, recording, 8000);
        try (CaseService service = newCase("failover.seamline")) {
            service.importEvidence(new ImportRequest(List.of(capturePath, wav), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            AlignmentRecord alignment = analysis.results().alignments().stream()
                    .filter(a -> a.lane().equals("cloud-recording.wav")).findFirst().orElseThrow();
            assertEquals(0, Duration.between(first.metadataStartUtc(), alignment.alignedStartUtc()).toNanos(),
                    125_000, "within one sample at 8 kHz");
            GapRecord dropout = analysis.results().gaps().stream().filter(g -> g.kind().equals("dropout")).findFirst()
                    .orElseThrow();
            double stopSec = first.sampleCount() / 8000.0;
            double resumeSec = samples(first.metadataStartUtc(), second.metadataStartUtc()) / 8000.0;
            assertEquals(stopSec, dropout.startSec(), 0.020);
            assertEquals(resumeSec, dropout.endSec(), 0.020);
            assertEquals("media handoff", dropout.cause());
            assertTrue(dropout.causeDetail().contains("SSRC 0xCA110000"), dropout.causeDetail());
            assertTrue(dropout.thresholds().containsKey("dropoutMinMs") || !dropout.thresholds().isEmpty());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void withoutACaptureTheEdgeBufferIsTheClockAndAJoinedRecordingShowsItsMissingSpan() throws Exception {
        short[] speech = TestWav.read(resource("/io/seamline/analysis/align/speech-8k.wav"));
        // Edge buffer: the whole conversation, starting 08:42:15.125 London time (BST does not apply in November).
        long timeReference = (8L * 3600 + 42 * 60 + 15) * 8000 + 1000;
        Path edge = dir.resolve("sbc01_4711@sbc.example.net_20261122T084215.125Z.wav");
        TestWav.write(edge, speech, 8000, LocalDate.of(2026, 11, 22), LocalTime.of(8, 42, 15), timeReference);
        Instant edgeStart = Instant.parse("2026-11-22T08:42:15.125Z");
        // Cloud recording: starts 12345 samples into the call and lost 10 s after its 8th second.
        int start = 12_345;
        int cutAt = 8 * 8000;
        int cutLength = 10 * 8000;
        short[] head = Arrays.copyOfRange(speech, start, start + cutAt);
        short[] tail = Arrays.copyOfRange(speech, start + cutAt + cutLength, speech.length);
        short[] joined = new short[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        Path cloud = dir.resolve("cloud.wav");
        TestWav.write(cloud, joined, 8000);
        try (CaseService service = newCase("no-capture.seamline")) {
            service.importEvidence(new ImportRequest(List.of(edge, cloud), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            List<AlignmentRecord> rows = analysis.results().alignments();
            AlignmentRecord edgeRow = rows.stream().filter(a -> a.lane().startsWith("sbc01")).findFirst().orElseThrow();
            assertEquals(edgeStart, edgeRow.alignedStartUtc());
            assertTrue(edgeRow.method().startsWith("reference"), edgeRow.method());
            AlignmentRecord cloudRow = rows.stream().filter(a -> a.lane().equals("cloud.wav")).findFirst().orElseThrow();
            Instant expected = edgeStart.plusNanos(start * 125_000L);
            assertEquals(0, Duration.between(expected, cloudRow.alignedStartUtc()).toNanos(), 125_000,
                    "within one sample at 8 kHz: " + cloudRow);
            assertTrue(cloudRow.confidence() > 0.5, cloudRow.toString());
            List<GapRecord> gapList = analysis.results().gaps();
            GapRecord missing = gapList.stream().filter(g -> g.kind().equals("missing-span"))
                    .findFirst().orElseThrow(() -> new AssertionError("no missing span in " + gapList));
            assertEquals(8.0, missing.startSec(), 0.020);
            assertEquals(missing.startSec(), missing.endSec());
            assertEquals(10.0, missing.durationSec(), 0.020);
            assertFalse(analysis.results().gaps().stream().anyMatch(g -> g.kind().equals("silence")),
                    "natural speech pauses are not gaps: " + gaps(analysis));
        }
    }

    private static String gaps(AnalysisService analysis) throws Exception {
        return analysis.results().gaps().toString();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(AudioAnalysisTest.class.getResource(name).toURI());
    }

    private static long samples(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toNanos() / 125_000.0);
    }

}
