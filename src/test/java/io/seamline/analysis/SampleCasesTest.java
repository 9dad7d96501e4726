package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.UtcTimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample cases give the findings their expected.json records (truth known from generation). */
class SampleCasesTest {
    private static final Path SAMPLES = Path.of("sample-cases");

    @TempDir
    Path dir;

    private AnalysisService analyse(String name, CaseService[] holder) throws Exception {
        Path folder = SAMPLES.resolve(name);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.equals("expected.json") && (n.endsWith(".pcap") || n.endsWith(".wav") || n.endsWith(".json"));
            }).sorted().toList();
        }
        CaseService service = CaseService.create(new NewCaseRequest(dir.resolve(name + ".seamline"), name, "", "e",
                ZoneId.of("Europe/London")));
        holder[0] = service;
        service.importEvidence(new ImportRequest(files, null, ""), TaskMonitor.NONE);
        AnalysisService analysis = new AnalysisService(service);
        analysis.analyze(TaskMonitor.NONE);
        return analysis;
    }

    private static JsonNode expected(String name) throws Exception {
        return new ObjectMapper().readTree(SAMPLES.resolve(name).resolve("expected.json").toFile());
    }

    private static void assertNear(String expectedUtc, Instant actual, long toleranceMicros, String what) {
        long diff = Math.abs(Duration.between(UtcTimes.parse(expectedUtc), actual).toNanos() / 1000);
        assertTrue(diff <= toleranceMicros, what + ": expected " + expectedUtc + " got " + actual);
    }

    @Test
    void failoverShowsBothHandoffsTheMissingSpanAndTheEdgeBufferOnTheCaptureClock() throws Exception {
        JsonNode truth = expected("failover");
        CaseService[] holder = new CaseService[1];
        AnalysisService analysis = analyse("failover", holder);
        try (CaseService service = holder[0]) {
            List<EventRecord> handoffs = analysis.results().events().stream()
                    .filter(e -> e.getKind().equals("media-handoff")).toList();
            assertEquals(2, handoffs.size());
            for (JsonNode d : truth.path("handoff").path("perDirection")) {
                EventRecord h = handoffs.stream().filter(e -> e.fields().get("fromSsrc").equals(d.path("oldSsrc").asText()))
                        .findFirst().orElseThrow();
                assertEquals(d.path("newSsrc").asText(), h.fields().get("toSsrc"));
                assertEquals(d.path("gapMs").asDouble(), h.number("gapMs"), 0.002);
                assertEquals("media-address-change", h.fields().get("cause"));
            }
            List<GapRecord> gaps = analysis.results().gaps();
            assertEquals(1, gaps.size(), "only the missing span: " + gaps);
            GapRecord missing = gaps.get(0);
            JsonNode span = truth.path("cloudRecording").path("missingSpan");
            assertEquals("missing-span", missing.kind());
            assertEquals("media handoff", missing.cause());
            assertEquals(span.path("positionS").asDouble(), missing.startSec(), 0.020);
            assertEquals(span.path("lengthS").asDouble(), missing.durationSec(), 0.020);
            assertNear(span.path("fromUtc").asText(), missing.startUtc(), 20_000, "missing span start");

            AlignmentRecord edge = analysis.results().alignments().stream().filter(a -> a.lane().startsWith("sbc01"))
                    .findFirst().orElseThrow();
            assertNear(truth.path("edgeBuffer").path("startUtc").asText(), edge.alignedStartUtc(), 125, "edge buffer");
            assertFalse(edge.flagged());
            AlignmentRecord cloud = analysis.results().alignments().stream()
                    .filter(a -> a.lane().equals("cloud-recording.wav")).findFirst().orElseThrow();
            assertNear(truth.path("cloudRecording").path("startUtc").asText(), cloud.alignedStartUtc(), 125,
                    "cloud recording");
            assertEquals(truth.path("callId").asText(), analysis.results().calls().get(0).callId());
            io.seamline.timeline.TimelineLane drawn = io.seamline.timeline.TimelineBuilder.build("t", ZoneId.of("UTC"),
                    analysis.results()).lanes().stream().filter(l -> l.label().equals("cloud-recording.wav"))
                    .findFirst().orElseThrow();
            assertEquals(2, drawn.pieces().size(), "drawn in two pieces around the cut");
            assertEquals(missing.endUtc(), drawn.pieces().get(1).startUtc());
            assertNear(truth.path("cloudRecording").path("endUtc").asText(), drawn.endUtc(), 20_000, "recording end");
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void holdSilenceIsExplainedAsHoldAndNeverAsAFailover() throws Exception {
        JsonNode truth = expected("hold");
        CaseService[] holder = new CaseService[1];
        AnalysisService analysis = analyse("hold", holder);
        try (CaseService service = holder[0]) {
            assertTrue(analysis.results().events().stream().noneMatch(e -> e.getKind().equals("media-handoff")));
            List<GapRecord> gaps = analysis.results().gaps();
            assertEquals(1, gaps.size(), gaps.toString());
            GapRecord quiet = gaps.get(0);
            assertEquals("hold", quiet.cause());
            assertEquals("silence", quiet.kind());
            assertNear(truth.path("hold").path("holdStartUtc").asText(), quiet.startUtc(), 20_000, "hold start");
            assertNear(truth.path("hold").path("holdEndUtc").asText(), quiet.endUtc(), 20_000, "hold end");
            for (JsonNode wrong : truth.path("hold").path("mustNotReportAs")) {
                assertFalse(gaps.stream().anyMatch(g -> g.cause().equalsIgnoreCase(wrong.asText())), wrong.asText());
            }
        }
    }

    @Test
    void siprecShowsTheCodecRejectionTheMetadataAndTheLateStart() throws Exception {
        JsonNode truth = expected("siprec");
        CaseService[] holder = new CaseService[1];
        AnalysisService analysis = analyse("siprec", holder);
        try (CaseService service = holder[0]) {
            JsonNode refused = truth.path("recordingSessions").get(0);
            EventRecord rejected = analysis.results().events().stream().filter(e -> e.getKind().equals("rejected"))
                    .findFirst().orElseThrow();
            assertEquals(refused.path("callId").asText(), rejected.getCallId());
            assertEquals(488, ((Number) rejected.fields().get("statusCode")).intValue());
            assertTrue(rejected.fields().get("codecs").toString().contains("G729"), rejected.fields().toString());
            JsonNode accepted = truth.path("recordingSessions").get(1);
            CallRecord session = analysis.results().calls().stream()
                    .filter(c -> c.callId().equals(accepted.path("callId").asText())).findFirst().orElseThrow();
            assertTrue(session.recordingSession());
            assertEquals(accepted.path("metadata").path("conversationId").asText(), session.conversationId());
            assertEquals(2, session.participants().size());
            GapRecord late = analysis.results().gaps().stream().filter(g -> g.kind().equals("late-start"))
                    .findFirst().orElseThrow();
            assertEquals("recorder late start", late.cause());
            assertEquals(truth.path("lateMedia").path("lateStartMs").asDouble() / 1000, late.durationSec(), 0.020);
        }
    }
}
