package io.seamline.stitch;

import io.seamline.analysis.TestWav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample cases made with sipp, dumpcap and espeak-ng (sample-cases/), stitched and checked against expected.json. */
class StitchSampleCasesTest {
    private static final Path SAMPLES = Path.of("sample-cases");

    @TempDir
    Path dir;

    private CaseService analysed(String name) throws Exception {
        List<Path> evidence;
        try (Stream<Path> files = Files.list(SAMPLES.resolve(name))) {
            evidence = files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".wav")).sorted()
                    .toList();
        }
        CaseService service = CaseService.create(new NewCaseRequest(dir.resolve(name + ".seamline"), name, "S-1", "e",
                ZoneId.of("Europe/London")));
        service.importEvidence(new ImportRequest(evidence, null, ""), TaskMonitor.NONE);
        new AnalysisService(service).analyze(TaskMonitor.NONE);
        return service;
    }

    @Test
    void theFailoverSampleHasItsMissingSpanFilledFromTheEdgeBufferAtTheExpectedInstants() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(SAMPLES.resolve("failover/expected.json").toFile());
        JsonNode span = expected.get("cloudRecording").get("missingSpan");
        Path out = dir.resolve("failover.wav");
        try (CaseService service = analysed("failover")) {
            StitchManifest m = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE).manifest();
            StitchManifest.Segment fill = m.segments().stream().filter(s -> s.reason().contains("missing-span"))
                    .findFirst().orElseThrow(() -> new AssertionError(m.segments()));
            assertEquals("edge-buffer", fill.evidenceKind());
            assertEquals("media handoff", fill.reason().replaceAll(".*\\((.*)\\)", "$1"));
            assertWithinOneSample(Instant.parse(span.get("fromUtc").asText()), fill.startUtc());
            assertWithinOneSample(Instant.parse(span.get("toUtc").asText()), fill.endUtc());
            assertWithinOneSample(Instant.parse(expected.get("cloudRecording").get("startUtc").asText()),
                    m.segments().stream().filter(s -> s.role().equals("primary")).findFirst().orElseThrow().startUtc());
            assertEquals(expected.get("edgeBuffer").get("durationS").asDouble(), m.sampleCount() / 8000.0, 0.001,
                    "the output runs from the answer to the BYE, as the edge buffer does");
            short[] stitched = TestWav.read(out);
            short[] edge;
            try (Stream<Path> files = Files.list(SAMPLES.resolve("failover"))) {
                edge = TestWav.read(files.filter(p -> p.getFileName().toString().startsWith("sbc01_")
                        && p.toString().endsWith(".wav")).findFirst().orElseThrow());
            }
            StitchManifest.SegmentSource from = fill.sources().get(0);
            for (long i = 0; i < fill.lengthSamples(); i++) {
                assertEquals(edge[(int) (from.sourceStartSample() + i)], stitched[(int) (fill.outputStartSample() + i)]);
            }
            StitchServiceTest.assertTiles(m);
        }
    }

    @Test
    void aHoldIsNotAHoleTheRecordingsQuietIsKept() throws Exception {
        Path out = dir.resolve("hold.wav");
        try (CaseService service = analysed("hold")) {
            StitchManifest m = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE).manifest();
            assertTrue(m.segments().stream().noneMatch(s -> s.reason().contains("hold")), m.segments().toString());
            assertTrue(m.unfilled().stream().noneMatch(u -> u.cause().equals("hold")), m.unfilled().toString());
        }
    }

    private static void assertWithinOneSample(Instant expected, Instant actual) {
        assertEquals(0, Duration.between(expected, actual).toNanos(), 125_000, expected + " vs " + actual);
    }
}
