package io.seamline.stitch;

import io.seamline.analysis.TestWav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stereo primary stays stereo: each channel is stitched on its own, a mono edge buffer fills both. */
class StitchStereoTest {
    @TempDir
    Path dir;

    @Test
    void eachChannelOfAStereoRecordingIsStitchedAndAMonoEdgeBufferFillsBoth() throws Exception {
        short[] speech = StitchServiceTest.speech();
        short[] cut = StitchServiceTest.cutRecording(speech);
        short[] inverted = new short[cut.length];
        for (int i = 0; i < cut.length; i++) {
            inverted[i] = (short) Math.max(-32767, -cut[i]);
        }
        Path edge = dir.resolve("sbc01_4711@sbc.example.net_20261122T084215.125Z.wav");
        TestWav.write(edge, speech, 8000, LocalDate.of(2026, 11, 22), LocalTime.of(8, 42, 15),
                (8L * 3600 + 42 * 60 + 15) * 8000 + 1000);
        Path cloud = dir.resolve("cloud-stereo.wav");
        TestWav.writeStereo(cloud, cut, inverted, 8000);
        Path out = dir.resolve("stereo.wav");
        try (CaseService service = CaseService.create(new NewCaseRequest(dir.resolve("s.seamline"), "t", "", "e",
                ZoneId.of("Europe/London")))) {
            service.importEvidence(new ImportRequest(List.of(edge, cloud), null, ""), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
            StitchManifest m = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE).manifest();
            assertEquals(2, m.channels());
            assertEquals(2, m.primary().lanes().size());
            short[] left = TestWav.readChannel(out, 2, 0);
            short[] right = TestWav.readChannel(out, 2, 1);
            assertEquals(speech.length, left.length);
            assertArrayEquals(speech, left, "left: the recording's left channel with the cut filled");
            for (StitchManifest.Segment s : m.segments()) {
                if (s.channel() != 1) {
                    continue;
                }
                StitchManifest.SegmentSource from = s.sources().get(0);
                short[] source = s.evidenceKind().equals("edge-buffer") ? speech : inverted;
                for (long i = s.outputStartSample(); i < s.outputEndSample(); i++) {
                    assertEquals(source[(int) (from.sourceStartSample() + i - s.outputStartSample())],
                            right[(int) i], "right channel sample " + i + " of " + s.reason());
                }
            }
            assertTrue(m.segments().stream().anyMatch(s -> s.channel() == 1 && s.evidenceKind().equals("edge-buffer")),
                    "the mono edge buffer fills the right channel too");
            StitchServiceTest.assertTiles(m);
        }
    }
}
