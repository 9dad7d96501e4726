package io.seamline.stitch;

import io.seamline.analysis.TestWav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failover case built from the real media-move capture (as in AudioAnalysisTest): a recording that
 * started 2 s late and kept the handoff as zeros. The capture fills the late start sample for sample;
 * the handoff, where no RTP flowed, has no source and is listed as unfilled.
 */
class StitchCaptureTest {
    private static final int LATE = 2 * 8000;

    @TempDir
    Path dir;

    @Test
    void theCaptureFillsALateStartAndTheHandoffNobodyRecordedIsListedAsUnfilled() throws Exception {
        Path capture = Path.of(StitchCaptureTest.class.getResource("/io/seamline/rtp/media-move/media-move.pcap")
                .toURI());
        short[] full;
        LaneRecord first;
        try (CaseService service = newCase("capture-only.seamline")) {
            service.importEvidence(new ImportRequest(List.of(capture), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            List<LaneRecord> lanes = analysis.results().lanes().stream()
                    .sorted((a, b) -> a.metadataStartUtc().compareTo(b.metadataStartUtc())).toList();
            first = lanes.get(0);
            LaneRecord second = lanes.get(1);
            long secondAt = samples(first.metadataStartUtc(), second.metadataStartUtc());
            full = new short[(int) (secondAt + second.sampleCount())];
            TestWav.copyLane(analysis, first, full, 0);
            TestWav.copyLane(analysis, second, full, (int) secondAt);
        }
        Path wav = dir.resolve("cloud-recording.wav");
        TestWav.write(wav, Arrays.copyOfRange(full, LATE, full.length), 8000);
        Path out = dir.resolve("stitched.wav");
        try (CaseService service = newCase("failover.seamline")) {
            service.importEvidence(new ImportRequest(List.of(capture, wav), null, ""), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
            StitchResult result = new StitchService(service).stitch(StitchRequest.to(out), TaskMonitor.NONE);
            StitchManifest m = result.manifest();
            short[] stitched = TestWav.read(out);
            int at = (int) samples(m.outputStartUtc(), first.metadataStartUtc());
            assertTrue(at >= 0, "the output starts no later than the first RTP packet: " + at);
            assertArrayEquals(full, Arrays.copyOfRange(stitched, at, at + full.length),
                    "capture audio then the recording, joined without a sample lost or repeated");
            StitchManifest.Segment late = m.segments().stream().filter(s -> s.evidenceKind().equals("capture")
                    && s.outputEndSample() == at + LATE).findFirst().orElseThrow(() -> new AssertionError(
                    "no capture fill up to the recording's first sample: " + m.segments()));
            assertEquals("fill", late.role());
            assertTrue(late.reason().contains("late-start"), late.reason());
            assertEquals(at, late.outputStartSample(), "from the first RTP packet: " + m.segments());
            StitchManifest.Unfilled handoff = m.unfilled().stream().filter(u -> u.kind().equals("dropout"))
                    .findFirst().orElseThrow(() -> new AssertionError(m.unfilled()));
            assertEquals("media handoff", handoff.cause());
            assertEquals(StitchManifest.Unfilled.KEPT, handoff.written(), "the recording's own zeros are kept");
            assertFalse(m.callId().isEmpty());
            StitchServiceTest.assertTiles(m);
        }
    }

    private CaseService newCase(String name) throws Exception {
        return CaseService.create(new NewCaseRequest(dir.resolve(name), "t", "", "e", ZoneId.of("Europe/London")));
    }

    private static long samples(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toNanos() / 125_000.0);
    }
}
