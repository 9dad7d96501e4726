package io.seamline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineBuilderTest {
    @TempDir
    Path dir;

    @Test
    void aMediaMoveCaseHasBothStreamsAsLanesAndTheHandoffAsAMarker() throws Exception {
        Path capture = Path.of(getClass().getResource("/io/seamline/rtp/media-move/media-move.pcap").toURI());
        try (CaseService service = TestCases.newCase(dir)) {
            service.importEvidence(new ImportRequest(List.of(capture), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            TimelineModel model = TimelineBuilder.build("t", service.info().timeZone(), analysis.results());
            assertEquals(2, model.lanes().size());
            assertTrue(model.lanes().stream().allMatch(l -> l.kind() == LaneKind.CAPTURE));
            TimelineMarker handoff = model.markers().stream().filter(m -> m.kind() == MarkerKind.STREAM_CHANGE)
                    .findFirst().orElseThrow();
            assertEquals("SSRC 0xCA110000 \u2192 0xCA110001", handoff.label());
            assertTrue(model.markers().stream().anyMatch(m -> m.label().equals("INVITE")));
            assertTrue(model.markers().stream().anyMatch(m -> m.label().equals("BYE")));
            assertTrue(!model.startUtc().isAfter(model.lanes().get(0).alignedStartUtc()));
        }
    }
}
