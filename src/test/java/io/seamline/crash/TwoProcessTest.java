package io.seamline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CaseService;
import io.seamline.casefile.TestCases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one case, as the window and the command line may be: SQLite in WAL mode serialises the
 * writers (each waits up to 5 s for the other), and a writer that cannot get its turn fails with the one-line
 * "open for writing in another process" message, leaving everything the other wrote in place.
 */
@Tag("slow")
class TwoProcessTest {
    static final String BUSY = "the case is open for writing in another process; try again when it is free";
    static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void twoImportsAtOnceBothLandOrTheLoserIsToldWhy() throws Exception {
        Path casePath;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
        }
        ChildJvm a = ChildJvm.start(dir.resolve("a"), true, "import", casePath,
                TestCases.publicCapture("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap").toAbsolutePath().toString());
        ChildJvm b = ChildJvm.start(dir.resolve("b"), true, "import", casePath,
                TestCases.fixture("recording.wav").toAbsolutePath().toString(),
                TestCases.fixture("edge-buffer.wav").toAbsolutePath().toString());
        a.go();
        b.go();
        int codeA = a.await(LIMIT);
        int codeB = b.await(LIMIT);
        int expectedEvidence = 0;
        for (ChildJvm child : List.of(a, b)) {
            int code = child == a ? codeA : codeB;
            if (code == 0) {
                assertTrue(child.done(), child.console());
                expectedEvidence += child == a ? 1 : 2;
            } else {
                assertEquals(casePath + ": " + BUSY, child.error(), child.console());
            }
        }
        try (CaseService service = CaseService.open(casePath)) {
            CrashConsistencyTest.assertIntact(service, "after two imports");
            assertEquals(expectedEvidence, service.evidence().size());
            assertEquals(expectedEvidence, CrashConsistencyTest.count(service.custody(), "import"),
                    "one import custody entry per evidence item");
        }
    }

    @Test
    void aWriterHeldLongerThanTheBusyTimeoutMakesTheOtherFailCleanlyAndLosesNothing() throws Exception {
        Path casePath;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
        }
        ChildJvm holder = ChildJvm.start(dir.resolve("holder"), false, "hold", casePath, "9000");
        assertTrue(holder.awaitStarted(Duration.ofSeconds(60)), holder.console());
        Thread.sleep(500);
        ChildJvm importer = ChildJvm.start(dir.resolve("importer"), false, "import", casePath,
                TestCases.fixture("recording.wav").toAbsolutePath().toString());
        assertEquals(3, importer.await(LIMIT), importer.console());
        assertEquals(casePath + ": " + BUSY, importer.error());
        assertEquals(0, holder.await(LIMIT), holder.console() + holder.error());
        try (CaseService service = CaseService.open(casePath)) {
            CrashConsistencyTest.assertIntact(service, "after the busy import");
            assertEquals(0, service.evidence().size(), "the refused import left no evidence");
            assertEquals(1, CrashConsistencyTest.count(service.custody(), "note"), "the holder's entry is kept");
        }
        ChildJvm retry = ChildJvm.start(dir.resolve("retry"), false, "import", casePath,
                TestCases.fixture("recording.wav").toAbsolutePath().toString());
        assertEquals(0, retry.await(LIMIT), retry.console() + retry.error());
    }
}
