package io.seamline.stitch;

import io.seamline.analysis.TestWav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.CorrelationInput;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crossfades, sources at another rate, and a stitch stopped half way. */
class StitchOptionsTest {
    @TempDir
    Path dir;

    private CaseService analysed(List<Path> evidence) throws Exception {
        CaseService service = CaseService.create(new NewCaseRequest(dir.resolve("c.seamline"), "Call 4711",
                "C-17", "Dana", ZoneId.of("Europe/London")));
        service.importEvidence(new ImportRequest(evidence, null, ""), TaskMonitor.NONE);
        new AnalysisService(service).analyze(TaskMonitor.NONE);
        return service;
    }

    @Test
    void aCrossfadeChangesOnlyTheSamplesAroundEachSeamAndIsRecorded() throws Exception {
        short[] speech = StitchServiceTest.speech();
        Path out = dir.resolve("faded.wav");
        try (CaseService service = analysed(StitchFixtures.noCaptureEvidence(dir))) {
            StitchManifest m = new StitchService(service).stitch(new StitchRequest(out, null, null, false, 10),
                    TaskMonitor.NONE).manifest();
            assertEquals(10, m.parameters().crossfadeMs());
            assertTrue(m.parameters().crossfadedSeams() > 0, m.parameters().toString());
            short[] stitched = TestWav.read(out);
            assertEquals(speech.length, stitched.length);
            // Both sides of every seam carry the same speech, so a correctly placed fade reproduces it to one
            // unit of rounding; outside the 10 ms windows nothing changes at all.
            int changed = 0;
            for (int i = 0; i < speech.length; i++) {
                assertTrue(Math.abs(speech[i] - stitched[i]) <= 1, "sample " + i);
                changed += speech[i] != stitched[i] ? 1 : 0;
            }
            assertTrue(changed <= m.parameters().crossfadedSeams() * 80, changed + " samples changed");
        }
    }

    @Test
    void aSourceAtAnotherRateIsResampledWithTheProjectSincAndSaysSo() throws Exception {
        short[] speech = StitchServiceTest.speech();
        float[] up = CorrelationInput.resample(toFloats(speech), 8000, 16000);
        short[] edge16 = new short[up.length];
        for (int i = 0; i < up.length; i++) {
            edge16[i] = (short) Math.max(-32768, Math.min(32767, Math.round(up[i] * 32768.0)));
        }
        Path edge = dir.resolve("sbc01_4711@sbc.example.net_20261122T084215.125Z.wav");
        TestWav.write(edge, edge16, 16000, LocalDate.of(2026, 11, 22), LocalTime.of(8, 42, 15),
                (8L * 3600 + 42 * 60 + 15) * 16000 + 2000);
        Path cloud = dir.resolve("cloud.wav");
        TestWav.write(cloud, StitchServiceTest.cutRecording(speech), 8000);
        Path out = dir.resolve("mixed-rates.wav");
        try (CaseService service = analysed(List.of(edge, cloud))) {
            StitchManifest m = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE).manifest();
            assertEquals(8000, m.sampleRateHz(), "the output keeps the primary's rate");
            assertTrue(m.parameters().resampling().contains("windowed sinc"), m.parameters().resampling());
            List<StitchManifest.Segment> fills = m.segments().stream().filter(s -> s.role().equals("fill")).toList();
            assertFalse(fills.isEmpty());
            short[] stitched = TestWav.read(out);
            // What the windowed sinc makes of the 16 kHz edge buffer at 8 kHz, as one whole array.
            float[] down = CorrelationInput.resample(toFloats(edge16), 16000, 8000);
            double error = 0;
            double power = 0;
            for (StitchManifest.Segment s : fills) {
                StitchManifest.SegmentSource from = s.sources().get(0);
                assertTrue(from.resampled());
                assertEquals(16000, from.sampleRateHz());
                assertEquals(2 * s.outputStartSample(), from.sourceStartSample(), 2.0, "16 kHz positions");
                for (long i = s.outputStartSample(); i < s.outputEndSample(); i++) {
                    assertEquals(Math.round(down[(int) i] * 32768.0), stitched[(int) i], 1.0, "sample " + i);
                    double d = stitched[(int) i] - speech[(int) i];
                    error += d * d;
                    power += (double) speech[(int) i] * speech[(int) i];
                }
            }
            double snrDb = 10 * Math.log10(power / Math.max(error, 1e-9));
            // Two passes through a low-pass at 0.95 of 4 kHz remove the top of the original's band; the rest is kept.
            assertTrue(snrDb > 25, "8 -> 16 -> 8 kHz through the sinc keeps the speech: SNR " + snrDb + " dB");
        }
    }

    private static float[] toFloats(short[] pcm) {
        float[] out = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i] / 32768f;
        }
        return out;
    }

    @Test
    void aStitchStoppedHalfWayLeavesNoFileNoRowAndNoCustodyEntry() throws Exception {
        Path out = dir.resolve("stopped.wav");
        try (CaseService service = analysed(StitchFixtures.noCaptureEvidence(dir))) {
            int custodyBefore = service.custody().size();
            TaskMonitor stopAfterFirstBlock = new TaskMonitor() {
                private int asked;

                @Override
                public boolean isCancelled() {
                    return ++asked > 1;
                }
            };
            assertThrows(CancelledException.class,
                    () -> new StitchService(service).stitch(StitchRequest.to(out), stopAfterFirstBlock));
            assertFalse(Files.exists(out));
            assertFalse(Files.exists(StitchService.manifestPath(out)));
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
            }
            assertEquals(custodyBefore, service.custody().size());
            try (Statement st = service.caseFile().connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM stitch")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            assertTrue(new StitchStore(service.caseFile().connection()).latest().isEmpty());
        }
    }
}
