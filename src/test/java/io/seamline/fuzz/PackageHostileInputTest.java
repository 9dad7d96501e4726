package io.seamline.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.TaskMonitor;
import io.seamline.cli.SeamlineCommand;
import io.seamline.report.IntegrityReport;
import io.seamline.report.PackageVerifier;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hostile package zips of the {@code packageZip} seed corpus (made by make-package-seeds.sh from a real
 * exported package) given to {@code seamline verify}: each is refused in one line naming the zip, the entry
 * and the reason, nothing is written outside the verifier's scratch folder, and a real package still verifies.
 */
class PackageHostileInputTest {
    @TempDir
    Path dir;

    static Path seed(String name) throws URISyntaxException {
        return Path.of(PackageHostileInputTest.class.getResource("ParserFuzzTestInputs/packageZip/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "absolute-path.zip        | entry '/tmp/seamline-escape.txt' refused: absolute path or backslash",
        "dot-dot.zip              | entry '../seamline-escape.txt' refused: path element '..'",
        "nested-dot-dot.zip       | entry 'originals/../../seamline-escape.txt' refused: path element '..'",
        "backslash.zip            | entry '..\\seamline-escape.txt' refused: absolute path or backslash",
        "drive-letter.zip         | entry 'C:/seamline-escape.txt' refused: absolute path or backslash",
        "symlink.zip              | entry 'originals/passwd' refused: it is a symbolic link",
        "duplicate-name.zip       | entry 'readme.txt' refused: the name occurs twice",
        "file-and-folder.zip      | entry 'README.txt/inner.txt' refused: 'README.txt' is a file, not a folder",
        "bomb-64mib-zeros.zip     | entry 'originals/zeros.bin' inflates more than 400 times its stored",
        "bomb-lying-size.zip      | entry 'originals/zeros.bin' inflates more than 400 times its stored",
        "eocd-claims-65535-entries.zip | its end record announces ZIP64 but there is no ZIP64 locator",
        "zip64-without-locator.zip | its end record announces ZIP64 but there is no ZIP64 locator",
        "zip64-entry-claims-2-63.zip | declares 9223372036854775807 or more bytes uncompressed"})
    void aHostileZipIsRefusedInOneLineNamingTheEntry(String name, String reason) throws Exception {
        Path zip = Files.copy(seed(name), dir.resolve(name));
        Run run = Run.of("verify", zip);
        assertEquals(1, run.exitCode, run.out + run.err);
        List<String> failed = run.out.lines().filter(l -> l.startsWith("FAILED ")).toList();
        assertEquals(2, failed.size(), run.out);
        assertEquals("FAILED " + zip + ": " + reason, failed.get(0).substring(0, Math.min(failed.get(0).length(),
                ("FAILED " + zip + ": " + reason).length())), run.out);
        assertEquals("", run.err);
        assertNothingEscaped();
    }

    @Test
    void aZipWithMoreEntriesThanTheLimitIsRefusedBeforeExtraction() throws Exception {
        Path zip = Files.copy(seed("too-many-entries.zip"), dir.resolve("too-many-entries.zip"));
        IntegrityReport report = new PackageVerifier(PackageVerifier.MAX_PACKAGE_BYTES, 64).verify(zip, TaskMonitor.NONE);
        assertEquals(List.of(zip + ": 73 entries is more than a package holds (limit 64)"), report.problems());

        Path many = dir.resolve("10001-entries.zip");
        try (OutputStream raw = Files.newOutputStream(many); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (int i = 0; i <= PackageVerifier.MAX_PACKAGE_ENTRIES; i++) {
                out.putNextEntry(new ZipEntry("originals/e" + i));
                out.closeEntry();
            }
        }
        Run run = Run.of("verify", many);
        assertEquals(1, run.exitCode, run.out + run.err);
        assertTrue(run.out.startsWith("FAILED " + many + ": 10001 entries is more than a package holds (limit 10000)"),
                run.out);
    }

    @Test
    void theRealExportedPackageSeedsVerify() throws Exception {
        Path zip = Files.copy(seed("exported-package.zip"), dir.resolve("exported-package.zip"));
        Run run = Run.of("verify", zip);
        assertEquals(0, run.exitCode, run.out + run.err);
        assertTrue(run.out.startsWith("OK " + zip + ": intact package zip"), run.out);
        Path zip64 = Files.copy(seed("exported-package-zip64.zip"), dir.resolve("exported-package-zip64.zip"));
        Run run64 = Run.of("verify", zip64);
        assertEquals(0, run64.exitCode, "a ZIP64 package (as written beyond 4 GiB) verifies: " + run64.out + run64.err);
        Path cut = Files.copy(seed("exported-package-cut.zip"), dir.resolve("cut.zip"));
        Run cutRun = Run.of("verify", cut);
        assertEquals(1, cutRun.exitCode, cutRun.out);
        assertTrue(cutRun.out.contains("FAILED report.pdf: listed in SHA256SUMS but missing"), cutRun.out);
    }

    /** No hostile entry reached the places its name points to. */
    private void assertNothingEscaped() throws Exception {
        assertFalse(Files.exists(Path.of("/tmp/seamline-escape.txt")), "absolute path followed");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertFalse(Files.exists(tmp.resolve("seamline-escape.txt")), "'..' followed out of the scratch folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the zip is in its folder");
        }
    }

    /** One in-process run of the command line. */
    record Run(int exitCode, String out, String err) {
        static Run of(Object... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] argv = Stream.of(args).map(Object::toString).toArray(String[]::new);
            int code = SeamlineCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(argv);
            return new Run(code, out.toString(), err.toString());
        }
    }
}
