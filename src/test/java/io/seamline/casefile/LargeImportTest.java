package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a file ten times larger than the heap of a child JVM: only streaming can do that. (The
 * issue's 2 GB under -Xmx256m is the same ratio; the benchmark in the README imports 1 GB.)
 */
@Tag("slow")
class LargeImportTest {
    @TempDir
    Path dir;

    @Test
    void importsAFileTenTimesTheHeapSize() throws Exception {
        Path big = dir.resolve("big.pcap");
        long size = 480L << 20;
        ImportTest.writePcapLike(big, size);
        Path casePath;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                ImportInChildJvm.class.getName(), casePath.toString(), big.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        try (CaseService service = CaseService.open(casePath)) {
            Evidence e = service.evidence().get(0);
            assertEquals(size, e.sizeBytes());
            assertEquals(ImportTest.sha256(big), e.sha256());
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    /** The child process: imports one file into one case and exits non-zero on any failure. */
    public static final class ImportInChildJvm {
        public static void main(String[] args) throws Exception {
            try (CaseService service = CaseService.open(Path.of(args[0]))) {
                service.importEvidence(new ImportRequest(List.of(Path.of(args[1])), null, ""), TaskMonitor.NONE);
            }
        }
    }
}
