package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.capture.CaptureAnalyzer;
import io.seamline.capture.CaptureFormatException;
import io.seamline.capture.CaptureTap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corrupted copies of the public captures (deterministic byte flips, overwritten lengths, cuts) may only
 * end in a normal summary or a {@link CaptureFormatException}, never another exception.
 */
class HostileCaptureInputTest {
    private static final Path PUBLIC = Path.of(System.getProperty("seamline.shared", "../shared"), "captures/public");
    private static final int MUTANTS_PER_CAPTURE = 40;

    static Stream<Path> smallCaptures() throws IOException {
        return Files.list(PUBLIC).filter(p -> p.toFile().length() < 500_000).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCaptures")
    void survivesCorruptedCopies(Path capture) throws IOException {
        byte[] original = Files.readAllBytes(capture);
        SplittableRandom random = new SplittableRandom(capture.getFileName().toString().hashCode());
        int rejected = 0;
        for (int i = 0; i < MUTANTS_PER_CAPTURE; i++) {
            byte[] mutant = original.clone();
            int flips = 1 + random.nextInt(64);
            for (int f = 0; f < flips; f++) {
                int at = 24 + random.nextInt(mutant.length - 24);
                mutant[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : mutant[at] ^ (1 << random.nextInt(8)));
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(mutant.length) : mutant.length;
            try {
                CaptureAnalyzer.run(new ByteArrayInputStream(mutant, 0, length), "mutant-" + i,
                        List.of(new RtpStreamTap(), new CaptureTap() { }), n -> { });
            } catch (CaptureFormatException e) {
                assertTrue(e.getMessage().startsWith("mutant-" + i + ":"), e.getMessage());
                rejected++;
            }
        }
        assertTrue(rejected < MUTANTS_PER_CAPTURE, "some mutants must still be read");
    }
}
