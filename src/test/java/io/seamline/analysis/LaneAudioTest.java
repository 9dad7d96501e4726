package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneAudioTest {
    @TempDir
    Path dir;

    @Test
    void readsRecordingSamplesExactlyAsTheFileHoldsThem() throws Exception {
        Path wav = Path.of(getClass().getResource("/io/seamline/analysis/align/speech-8k.wav").toURI());
        short[] truth = TestWav.read(wav);
        try (CaseService service = TestCases.newCase(dir); LaneAudio audio = new LaneAudio(service)) {
            service.importEvidence(new ImportRequest(List.of(wav), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            LaneRecord lane = analysis.results().lanes().get(0);
            float[] got = audio.read(lane, 40_000, 500);
            for (int i = 0; i < got.length; i++) {
                assertEquals(truth[40_000 + i], Math.round(got[i] * 32768f), "sample " + (40_000 + i));
            }
            float[] past = audio.read(lane, lane.sampleCount() - 2, 4);
            assertEquals(0f, past[2]);
            assertEquals(0f, past[3]);
        }
    }

    @Test
    void readsCaptureLanesFromTheStoredPcm() throws Exception {
        try (CaseService service = TestCases.newCase(dir); LaneAudio audio = new LaneAudio(service)) {
            service.importEvidence(new ImportRequest(List.of(AnalysisServiceTest.mediaMove()), null, ""),
                    TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            LaneRecord lane = analysis.results().lanes().get(0);
            byte[] chunk = analysis.results().lanePcm(lane.id()).get(0);
            float[] got = audio.read(lane, 1000, 10);
            for (int i = 0; i < 10; i++) {
                short expected = (short) ((chunk[2 * (1000 + i)] & 0xff) | (chunk[2 * (1000 + i) + 1] << 8));
                assertEquals(expected, Math.round(got[i] * 32768f));
            }
        }
    }
}
