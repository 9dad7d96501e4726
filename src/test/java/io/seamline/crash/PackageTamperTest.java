package io.seamline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.report.Sha256Sums;
import io.seamline.report.ZipPackageReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One bit flipped in any file of a real exported package (the seed made by make-package-seeds.sh with
 * {@code seamline export}): {@code seamline verify} exits 1 and names the file. With SHA256SUMS rewritten to
 * match the change, a changed original is still caught by the case's evidence hashes, and a changed report
 * by its signature and its custody entry. A package folder holding a symbolic link (to a file or a folder
 * outside it), or whose SHA256SUMS lists a path out of it, is refused naming the link or the line.
 */
class PackageTamperTest {
    static final int FLIPS_PER_FILE = 3;

    @TempDir
    Path dir;

    private Path unpacked(String name) throws Exception {
        Path zip = Path.of(PackageTamperTest.class.getResource(
                "/io/seamline/fuzz/ParserFuzzTestInputs/packageZip/exported-package.zip").toURI());
        Path into = Files.createDirectories(dir.resolve(name));
        new ZipPackageReader(64L * 1024 * 1024, 100).extract(zip, into);
        return into;
    }

    private static List<String> files(Path pkg) throws Exception {
        try (Stream<Path> walk = Files.walk(pkg)) {
            return walk.filter(Files::isRegularFile).map(p -> pkg.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void theUntouchedPackageVerifies() throws Exception {
        Path pkg = unpacked("pristine");
        CliErrorMessageTest.Run run = CliErrorMessageTest.Run.of("verify", pkg);
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    @Test
    void aBitFlippedInAnyFileIsNamed() throws Exception {
        Path pristine = unpacked("pristine");
        List<String> files = files(pristine);
        assertEquals(List.of("README.txt", "SHA256SUMS", "case/small.seamline", "originals/heplify-sip_ipv6_udp.pcap",
                "report.pdf"), files);
        Random random = new Random(20261122);
        List<String> misses = new ArrayList<>();
        int flips = 0;
        for (String rel : files) {
            for (int n = 0; n < FLIPS_PER_FILE; n++) {
                Path pkg = unpacked(rel.replace('/', '_') + "-" + n);
                Path file = pkg.resolve(rel);
                byte[] bytes = Files.readAllBytes(file);
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
                Files.write(file, bytes);
                flips++;
                CliErrorMessageTest.Run run = CliErrorMessageTest.Run.of("verify", pkg);
                boolean named = run.out().lines().anyMatch(l -> l.startsWith("FAILED ") && l.contains(rel));
                if (run.exitCode() != 1 || !named) {
                    misses.add(rel + " byte " + at + ": exit " + run.exitCode() + ", " + run.out());
                }
            }
        }
        assertEquals(List.of(), misses, "of " + flips + " flips");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "originals/heplify-sip_ipv6_udp.pcap"})
    void aChangeCoveredUpInSha256SumsIsStillNamed(String rel) throws Exception {
        Path pkg = unpacked("covered");
        Path file = pkg.resolve(rel);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x04;
        Files.write(file, bytes);
        Path sums = pkg.resolve("SHA256SUMS");
        String text = Files.readString(sums, StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.endsWith("  " + rel)).findFirst().orElseThrow();
        Files.writeString(sums, text.replace(line, Sha256Sums.of(file) + "  " + rel), StandardCharsets.UTF_8);
        CliErrorMessageTest.Run run = CliErrorMessageTest.Run.of("verify", pkg);
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAILED " + rel + ": ")
                || l.startsWith("FAILED ") && l.contains(rel)), run.out());
    }

    @Test
    void aPackageFolderWithASymbolicLinkOrAPathOutOfItIsRefused() throws Exception {
        String rel = "originals/heplify-sip_ipv6_udp.pcap";
        // The original replaced by a link to an identical copy outside the package, SHA256SUMS unchanged.
        Path pkg = unpacked("linked");
        Path outside = Files.copy(pkg.resolve(rel), dir.resolve("outside.pcap"));
        Files.delete(pkg.resolve(rel));
        Files.createSymbolicLink(pkg.resolve(rel), outside);
        CliErrorMessageTest.Run run = CliErrorMessageTest.Run.of("verify", pkg);
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("FAILED " + rel + ": is a symbolic link; a package holds only plain files"), run.out());

        // The originals folder replaced by a link to a folder outside.
        Path folderLinked = unpacked("folder-linked");
        Path outsideFolder = Files.createDirectories(dir.resolve("outside-originals"));
        Files.move(folderLinked.resolve(rel), outsideFolder.resolve(Path.of(rel).getFileName()));
        Files.delete(folderLinked.resolve("originals"));
        Files.createSymbolicLink(folderLinked.resolve("originals"), outsideFolder);
        run = CliErrorMessageTest.Run.of("verify", folderLinked);
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("FAILED originals: is a symbolic link"), run.out());
        assertTrue(run.out().contains("FAILED " + rel + ": listed in SHA256SUMS but missing"), run.out());

        // SHA256SUMS pointing out of the folder at a file whose digest it lists correctly.
        Path escaping = unpacked("escaping");
        Path sums = escaping.resolve("SHA256SUMS");
        Files.writeString(sums, Files.readString(sums) + Sha256Sums.of(outside) + "  ../outside.pcap\n"
                + Sha256Sums.of(outside) + "  " + outside + "\n");
        run = CliErrorMessageTest.Run.of("verify", escaping);
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("FAILED SHA256SUMS: lists '../outside.pcap', refused: path element '..'"), run.out());
        assertTrue(run.out().contains("FAILED SHA256SUMS: lists '" + outside + "', refused: absolute path"), run.out());
    }
}
