package io.seamline.stitch;

import io.seamline.analysis.TestWav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.audio.BextChunk;
import io.seamline.audio.WavReader;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stitching on real speech: gaps filled sample for sample from an edge buffer, holes left visible. */
class StitchServiceTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Edge buffer start: 08:42:15.125 London (GMT in November), as TimeReference samples since midnight. */
    private static final long TIME_REFERENCE = (8L * 3600 + 42 * 60 + 15) * 8000 + 1000;
    private static final Instant EDGE_START = Instant.parse("2026-11-22T08:42:15.125Z");
    private static final int START = 12_345;
    private static final int CUT_AT = 8 * 8000;
    private static final int CUT_LENGTH = 10 * 8000;

    @TempDir
    Path dir;

    static short[] speech() throws Exception {
        return TestWav.read(Path.of(StitchServiceTest.class.getResource("/io/seamline/analysis/align/speech-8k.wav")
                .toURI()));
    }

    private CaseService analysedCase(String name, short[] edgeSamples, short[] cloudSamples) throws Exception {
        Path edge = dir.resolve("sbc01_4711@sbc.example.net_20261122T084215.125Z.wav");
        TestWav.write(edge, edgeSamples, 8000, LocalDate.of(2026, 11, 22), LocalTime.of(8, 42, 15),
                TIME_REFERENCE);
        Path cloud = dir.resolve("cloud.wav");
        TestWav.write(cloud, cloudSamples, 8000);
        CaseService service = CaseService.create(new NewCaseRequest(dir.resolve(name), "Failover on call 4711",
                "C-2026-17", "Dana Examiner", LONDON));
        service.importEvidence(new ImportRequest(List.of(edge, cloud), null, ""), TaskMonitor.NONE);
        new AnalysisService(service).analyze(TaskMonitor.NONE);
        return service;
    }

    /** The cloud recording: the speech from sample 12345 with 10 s cut out after its 8th second. */
    static short[] cutRecording(short[] speech) {
        short[] head = Arrays.copyOfRange(speech, START, START + CUT_AT);
        short[] tail = Arrays.copyOfRange(speech, START + CUT_AT + CUT_LENGTH, speech.length);
        short[] joined = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }

    @Test
    void aMissingSpanIsFilledFromTheEdgeBufferAndTheOutputEqualsTheOriginalSpeech() throws Exception {
        short[] speech = speech();
        Path out = dir.resolve("out/stitched.wav");
        try (CaseService service = analysedCase("missing.seamline", speech, cutRecording(speech))) {
            StitchResult result = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE);
            StitchManifest m = result.manifest();
            short[] stitched = TestWav.read(out);
            // The output timeline is the reference clock: it starts with the edge buffer and is as long as the call.
            assertEquals(EDGE_START, m.outputStartUtc());
            assertEquals(speech.length, stitched.length);
            assertArrayEquals(speech, stitched, "every output sample is the original speech sample");
            // espeak-ng writes exact zeros between phrases, which the analysis reports as dropouts in both files;
            // whatever the stitch lists as unfilled is silent in the original too, so nothing was hidden or lost.
            for (StitchManifest.Unfilled u : m.unfilled()) {
                for (long i = u.outputStartSample(); i < u.outputEndSample(); i++) {
                    assertEquals(0, speech[(int) i], "unfilled " + u + " is silent in the original");
                }
            }
            StitchManifest.Segment fill = m.segments().stream().filter(s -> s.role().equals("fill")
                    && s.reason().contains("missing-span")).findFirst().orElseThrow(() -> new AssertionError(m));
            assertEquals(START + CUT_AT, fill.outputStartSample(), "the cut starts where the primary stops");
            assertEquals("edge-buffer", fill.evidenceKind());
            assertEquals(fill.outputStartSample(), fill.sources().get(0).sourceStartSample());
            StitchManifest.Segment resumed = m.segments().stream()
                    .filter(s -> s.evidenceKind().equals("recording") && s.outputStartSample() == START + CUT_AT + CUT_LENGTH)
                    .findFirst().orElseThrow(() -> new AssertionError("primary does not resume 10 s later: " + m));
            assertEquals(CUT_AT, resumed.sources().get(0).sourceStartSample(), "primary resumes at the splice");
            assertTiles(m);
            assertEquals(sha256(Files.readAllBytes(out)), result.outputSha256());
            assertEquals(result.outputSha256(), m.outputSha256());
            assertEquals(sha256(Files.readAllBytes(result.manifestPath())), result.manifestSha256());
            assertEquals(dir.resolve("out/stitched.manifest.json"), result.manifestPath());
            StitchStore.StoredStitch stored = new StitchStore(service.caseFile().connection()).latest().orElseThrow();
            assertEquals(result.outputSha256(), stored.outputSha256());
            assertEquals(out.toAbsolutePath(), stored.outputPath());
            assertTrue(stored.seamsSamples().containsAll(List.of((long) START + CUT_AT, (long) START + CUT_AT + CUT_LENGTH)),
                    stored.seamsSamples().toString());
        }
    }

    @Test
    void aDropoutIsFilledFromTheEdgeBufferAndThePrimaryIsKeptUnchangedElsewhere() throws Exception {
        short[] speech = speech();
        short[] cloud = Arrays.copyOfRange(speech, START, speech.length);
        Arrays.fill(cloud, CUT_AT, CUT_AT + CUT_LENGTH, (short) 0);
        Path out = dir.resolve("dropout.wav");
        try (CaseService service = analysedCase("dropout.seamline", speech, cloud)) {
            StitchManifest m = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE).manifest();
            short[] stitched = TestWav.read(out);
            assertEquals(speech.length, stitched.length);
            List<StitchManifest.Segment> fills = m.segments().stream()
                    .filter(s -> s.reason().contains("dropout")).toList();
            assertFalse(fills.isEmpty(), m.segments().toString());
            int mid = START + CUT_AT + CUT_LENGTH / 2;
            int dropoutGap = m.segments().stream().filter(s -> s.outputStartSample() <= mid && mid < s.outputEndSample())
                    .findFirst().orElseThrow().gapNumber();
            assertTrue(dropoutGap > 0);
            long filled = 0;
            for (StitchManifest.Segment s : m.segments()) {
                short[] source = s.evidenceKind().equals("edge-buffer") ? speech : cloud;
                StitchManifest.SegmentSource from = s.sources().get(0);
                assertArrayEquals(Arrays.copyOfRange(source, (int) from.sourceStartSample(),
                                (int) from.sourceEndSample()),
                        Arrays.copyOfRange(stitched, (int) s.outputStartSample(), (int) s.outputEndSample()),
                        "segment " + s.reason());
                if (s.gapNumber() == dropoutGap) {
                    filled += s.lengthSamples();
                }
            }
            long silent = m.unfilled().stream().filter(u -> u.gapNumber() == dropoutGap
                    && u.written().equals(StitchManifest.Unfilled.SILENCE)).mapToLong(u -> u.outputEndSample()
                    - u.outputStartSample()).sum();
            // The zeroed 10 s, plus the exact-zero pause of the speech it runs into.
            assertTrue(filled + silent >= CUT_LENGTH - 160 && filled + silent <= CUT_LENGTH + 2 * 8000,
                    filled + " filled, " + silent + " silent");
            assertArrayEquals(speech, stitched, "with the dropout filled the output is the original speech");
            assertArrayEquals(Arrays.copyOfRange(speech, mid - 8000, mid + 8000),
                    Arrays.copyOfRange(stitched, mid - 8000, mid + 8000));
            assertTiles(m);
        }
    }

    @Test
    void aGapNoSourceCoversStaysSilentAndIsListedAsUnfilled() throws Exception {
        short[] speech = speech();
        short[] edge = speech.clone();
        int lostFrom = START + CUT_AT + 2 * 8000;
        int lostTo = lostFrom + 5 * 8000;
        Arrays.fill(edge, lostFrom, lostTo, (short) 0);
        Path out = dir.resolve("holes.wav");
        try (CaseService service = analysedCase("holes.seamline", edge, cutRecording(speech))) {
            StitchManifest m = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE).manifest();
            short[] stitched = TestWav.read(out);
            List<StitchManifest.Unfilled> silent = m.unfilled().stream()
                    .filter(u -> u.written().equals(StitchManifest.Unfilled.SILENCE)).toList();
            assertFalse(silent.isEmpty(), m.unfilled().toString());
            for (StitchManifest.Unfilled hole : silent) {
                assertEquals("missing-span", hole.kind(), "only the cut has no primary samples: " + hole);
                assertTrue(hole.outputStartSample() >= START + CUT_AT
                        && hole.outputEndSample() <= START + CUT_AT + CUT_LENGTH, hole.toString());
                for (long i = hole.outputStartSample(); i < hole.outputEndSample(); i++) {
                    assertEquals(0, stitched[(int) i], "digital silence at " + i);
                }
            }
            assertTrue(silent.stream().anyMatch(h -> h.outputStartSample() <= lostFrom && h.outputEndSample() >= lostTo),
                    "the 5 s the edge buffer also lost is a listed hole: " + silent);
            assertTiles(m);
        }
    }

    @Test
    void refusesToOverwriteUnlessForcedAndRecordsEachStitchInCustody() throws Exception {
        short[] speech = speech();
        Path out = dir.resolve("again.wav");
        try (CaseService service = analysedCase("again.seamline", speech, cutRecording(speech))) {
            StitchService stitcher = new StitchService(service);
            StitchResult first = stitcher.stitch(StitchRequest.to(out), TaskMonitor.NONE);
            byte[] before = Files.readAllBytes(out);
            CaseFileException refused = assertThrows(CaseFileException.class,
                    () -> stitcher.stitch(StitchRequest.to(out), TaskMonitor.NONE));
            assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
            assertArrayEquals(before, Files.readAllBytes(out));
            StitchResult second = stitcher.stitch(new StitchRequest(out, null, null, true, 0), TaskMonitor.NONE);
            assertEquals(first.outputSha256(), second.outputSha256(), "the same inputs give the same audio file");
            List<CustodyEntry> stitches = service.custody().stream().filter(e -> e.action().equals("stitch")).toList();
            assertEquals(2, stitches.size());
            assertTrue(stitches.get(1).detailsJson().contains(second.outputSha256()));
            assertTrue(stitches.get(1).detailsJson().contains(second.manifestSha256()));
            List<StitchStore.StoredStitch> rows = new StitchStore(service.caseFile().connection()).all();
            assertEquals(2, rows.size());
            assertEquals(stitches.get(1).seq(), rows.get(1).custodySeq());
            assertEquals(second.manifest().segments(), rows.get(1).manifest().segments());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
            }
        }
    }

    @Test
    void theOutputCarriesABextChunkWithTheStartOfItsFirstSampleInTheCaseZone() throws Exception {
        short[] speech = speech();
        Path out = dir.resolve("bext.wav");
        try (CaseService service = analysedCase("bext.seamline", speech, cutRecording(speech))) {
            new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE);
        }
        try (WavReader reader = WavReader.open(out)) {
            BextChunk bext = reader.metadata().bext().orElseThrow();
            assertEquals(EDGE_START, bext.startInstant(8000, LONDON).startUtc().orElseThrow());
            assertEquals(TIME_REFERENCE, bext.timeReferenceSamples());
            assertTrue(bext.description().contains("C-2026-17 Failover on call 4711"), bext.description());
            assertTrue(bext.originator().startsWith("Seamline "), bext.originator());
            assertTrue(bext.codingHistory().contains("A=PCM,F=8000,W=16,M=mono"), bext.codingHistory());
            assertEquals(8000, reader.info().sampleRateHz());
            assertEquals(1, reader.info().channelCount());
        }
    }

    @Test
    void refusesACaseThatHasNotBeenAnalysed() throws Exception {
        Path cloud = dir.resolve("cloud.wav");
        TestWav.write(cloud, cutRecording(speech()), 8000);
        try (CaseService service = CaseService.create(new NewCaseRequest(dir.resolve("raw.seamline"), "t", "", "e",
                LONDON))) {
            service.importEvidence(new ImportRequest(List.of(cloud), null, ""), TaskMonitor.NONE);
            CaseFileException e = assertThrows(CaseFileException.class,
                    () -> new StitchService(service).stitch(StitchRequest.to(dir.resolve("x.wav")), TaskMonitor.NONE));
            assertTrue(e.getMessage().contains("seamline analyze"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("x.wav")));
        }
    }

    /** Segments and unfilled spans of each channel cover [0, length) once, in order. */
    static void assertTiles(StitchManifest m) {
        for (int c = 0; c < m.channels(); c++) {
            int channel = c;
            List<long[]> runs = new java.util.ArrayList<>();
            m.segments().stream().filter(s -> s.channel() == channel)
                    .forEach(s -> runs.add(new long[] {s.outputStartSample(), s.outputEndSample()}));
            m.unfilled().stream().filter(u -> u.channel() == channel && u.written().equals(StitchManifest.Unfilled.SILENCE))
                    .forEach(u -> runs.add(new long[] {u.outputStartSample(), u.outputEndSample()}));
            runs.sort(java.util.Comparator.comparingLong(r -> r[0]));
            long at = 0;
            for (long[] r : runs) {
                assertEquals(at, r[0], "no overlap and no hole between runs");
                assertTrue(r[1] > r[0]);
                at = r[1];
            }
            assertEquals(m.sampleCount(), at);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
