package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import io.seamline.casefile.VerificationReport;
import io.seamline.rtp.RtpStreamTapReferenceTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnalysisServiceTest {
    @TempDir
    Path dir;

    static Path mediaMove() throws URISyntaxException {
        return Path.of(AnalysisServiceTest.class.getResource("/io/seamline/rtp/media-move/media-move.pcap").toURI());
    }

    private CaseService caseWith(Path... files) throws Exception {
        CaseService service = TestCases.newCase(dir);
        service.importEvidence(new ImportRequest(List.of(files), null, ""), TaskMonitor.NONE);
        return service;
    }

    @Test
    void aMediaMoveIsOneHandoffWithItsSilenceSplitAtTheReInvite() throws Exception {
        try (CaseService service = caseWith(mediaMove())) {
            AnalysisService analysis = new AnalysisService(service);
            AnalysisSummary summary = analysis.analyze(TaskMonitor.NONE);
            assertEquals(1, summary.handoffs());
            EventRecord handoff = analysis.results().events().stream()
                    .filter(e -> e.getKind().equals("media-handoff")).findFirst().orElseThrow();
            assertEquals("0xCA110000", handoff.fields().get("fromSsrc"));
            assertEquals("0xCA110001", handoff.fields().get("toSsrc"));
            assertEquals("media-address-change", handoff.fields().get("cause"));
            double gapMs = handoff.number("gapMs");
            // tshark: the old stream ends at 2.998292 s, the new one starts at 18.122689 s.
            assertEquals(18_122.689 - 2_998.292, gapMs, 0.002);
            assertEquals(gapMs, handoff.number("signallingReactionMs") + handoff.number("mediaResumeMs"), 0.002);
            assertTrue(handoff.number("signallingReactionMs") > 0 && handoff.number("signallingReactionMs") < 2000);
            assertTrue(handoff.getSummary().contains("moved after 15.1 s of nothing"), handoff.getSummary());

            List<StreamRecord> streams = analysis.results().streams();
            assertEquals(2, streams.size());
            assertEquals("1-25155@127.0.0.1", streams.get(0).callId());
            assertFalse(streams.get(0).problems(), "tshark's own flag stays as tshark computes it");
            assertTrue(streams.get(0).problemReason().startsWith("media moved to SSRC 0xCA110001"));

            List<LaneRecord> lanes = analysis.results().lanes();
            assertEquals(2, lanes.size());
            assertTrue(lanes.get(0).note().startsWith("G.711 µ-law"), lanes.get(0).note());
            assertEquals(8000, lanes.get(0).sampleRateHz());
            assertTrue(analysis.results().pyramid(lanes.get(0).id()).isPresent());
            long storedSamples = analysis.results().lanePcm(lanes.get(0).id()).stream().mapToLong(b -> b.length / 2).sum();
            assertEquals(lanes.get(0).sampleCount(), storedSamples);

            CallRecord call = analysis.results().calls().get(0);
            assertEquals("caller", call.hungUpBy());
            assertEquals("answered", call.state());
        }
    }

    static Stream<Path> publicCaptures() throws IOException {
        return Files.list(TestCases.shared().resolve("captures/public")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicCaptures")
    void storedStreamsMatchTsharkOnEveryPublicCapture(Path capture) throws Exception {
        String base = capture.getFileName().toString().replaceFirst("\\.pcap(ng)?$", "");
        Path reference = TestCases.shared().resolve("captures/reference").resolve(base + ".rtp-streams.txt");
        List<RtpStreamTapReferenceTest.Row> expected = RtpStreamTapReferenceTest.parseReference(reference);
        try (CaseService service = caseWith(capture)) {
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            List<StreamRecord> streams = analysis.results().streams();
            assertEquals(expected.size(), streams.size(), capture.getFileName() + " stream count");
            for (RtpStreamTapReferenceTest.Row row : expected) {
                String ssrc = String.format(Locale.ROOT, "0x%08X", row.ssrc());
                StreamRecord s = streams.stream().filter(x -> x.ssrc().equals(ssrc) && x.srcIp().equals(row.src())
                        && x.srcPort() == row.srcPort() && x.dstIp().equals(row.dst()) && x.dstPort() == row.dstPort())
                        .findFirst().orElseThrow(() -> new AssertionError("missing stream " + ssrc));
                assertEquals(row.packets(), s.packets(), ssrc + " packets");
                assertEquals(row.lost(), s.lost(), ssrc + " lost");
                double[] ours = {s.minDeltaMs(), s.meanDeltaMs(), s.maxDeltaMs(), s.minJitterMs(), s.meanJitterMs(),
                        s.maxJitterMs()};
                for (int i = 0; i < 6; i++) {
                    assertEquals(row.ms()[i], ours[i], 0.002, ssrc + " ms figure " + i);
                }
            }
            VerificationReport report = service.verify(TaskMonitor.NONE);
            assertTrue(report.intact(), report.problems().toString());
        }
    }

    @Test
    void anEditedAnalysisResultIsCaughtByVerify() throws Exception {
        Path casePath;
        try (CaseService service = caseWith(mediaMove())) {
            casePath = service.caseFile().path();
            new AnalysisService(service).analyze(TaskMonitor.NONE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + casePath); Statement st = c.createStatement()) {
            st.execute("UPDATE event SET summary = 'nothing happened' WHERE kind = 'media-handoff'");
        }
        try (CaseService service = CaseService.open(casePath)) {
            VerificationReport report = service.verify(TaskMonitor.NONE);
            assertFalse(report.intact());
            assertTrue(report.problems().get(0).startsWith("analysis results were changed after analysis"),
                    report.problems().toString());
        }
    }

    @Test
    void aCaptureWithAnImpossibleRecordFailsNamingItAndKeepsEarlierResults() throws Exception {
        Path bad = Path.of(AnalysisServiceTest.class.getResource("/io/seamline/capture/impossible-length.pcap").toURI());
        try (CaseService service = caseWith(mediaMove())) {
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            String digest = io.seamline.casefile.DerivedTables.digest(service.caseFile().connection());
            int custody = service.custody().size();
            service.importEvidence(new ImportRequest(List.of(bad), null, ""), TaskMonitor.NONE);
            CaseFileException e = assertThrows(CaseFileException.class, () -> analysis.analyze(TaskMonitor.NONE));
            assertTrue(e.getMessage().startsWith("impossible-length.pcap: evidence 2: "), e.getMessage());
            assertTrue(e.getMessage().contains("offset"), e.getMessage());
            assertEquals(digest, io.seamline.casefile.DerivedTables.digest(service.caseFile().connection()));
            assertEquals(custody + 1, service.custody().size(), "only the import was added");
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void cancellingAnalysisLeavesNoResults() throws Exception {
        try (CaseService service = caseWith(mediaMove())) {
            TaskMonitor cancelAtOnce = new TaskMonitor() {
                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> new AnalysisService(service).analyze(cancelAtOnce));
            assertTrue(io.seamline.casefile.DerivedTables.isEmpty(service.caseFile().connection()));
            assertEquals(2, service.custody().size());
        }
    }

    @Test
    void analysingTwiceReplacesResultsAndKeepsTheCaseVerifiable() throws Exception {
        try (CaseService service = caseWith(mediaMove())) {
            AnalysisService analysis = new AnalysisService(service);
            AnalysisSummary first = analysis.analyze(TaskMonitor.NONE);
            AnalysisSummary second = analysis.analyze(TaskMonitor.NONE);
            assertEquals(first.streams(), analysis.results().streams().size());
            assertEquals(first.derivedSha256(), second.derivedSha256(), "analysis is deterministic");
            assertNotNull(second.derivedSha256());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }
}
