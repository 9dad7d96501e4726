package io.seamline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamline.stitch.StitchFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seamline stitch} end to end: analysed case in, WAV and manifest out, refusals with exit code 3. */
class StitchCommandTest {
    @TempDir
    Path dir;

    @Test
    void stitchesAnAnalysedCaseAndRefusesToOverwriteWithoutForce() throws Exception {
        Path casePath = dir.resolve("c.seamline");
        assertEquals(0, CliRun.of("new", casePath, "--title", "Call 4711", "--examiner", "Dana",
                "--time-zone", "Europe/London").exitCode());
        List<Path> evidence = StitchFixtures.noCaptureEvidence(dir);
        assertEquals(0, CliRun.of("add", casePath, evidence.get(0), evidence.get(1)).exitCode());
        Path out = dir.resolve("call.wav");

        CliRun early = CliRun.of("stitch", casePath, "--out", out);
        assertEquals(3, early.exitCode());
        assertTrue(early.err().contains("run `seamline analyze` first"), early.err());
        assertFalse(Files.exists(out));

        assertEquals(0, CliRun.of("analyze", casePath).exitCode());
        CliRun run = CliRun.of("stitch", casePath, "--out", out);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Stitched " + out), run.out());
        assertTrue(Files.exists(dir.resolve("call.manifest.json")));

        CliRun again = CliRun.of("stitch", casePath, "--out", out);
        assertEquals(3, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());

        CliRun forced = CliRun.of("stitch", casePath, "--out", out, "--force", "--json");
        assertEquals(0, forced.exitCode(), forced.err());
        JsonNode manifest = new ObjectMapper().readTree(forced.out());
        assertEquals("seamline-stitch-manifest-1", manifest.get("format").asText());
        assertEquals(0, manifest.get("parameters").get("crossfadeMs").asInt());

        CliRun custody = CliRun.of("show", casePath, "custody");
        assertTrue(custody.out().contains("stitch"), custody.out());
    }

    @Test
    void exportWithStitchWritesAFreshStitchBesideThePackageAndPacksIt() throws Exception {
        Path casePath = dir.resolve("c.seamline");
        assertEquals(0, CliRun.of("new", casePath, "--title", "Call 4711", "--examiner", "Dana").exitCode());
        List<Path> evidence = StitchFixtures.noCaptureEvidence(dir);
        assertEquals(0, CliRun.of("add", casePath, evidence.get(0), evidence.get(1)).exitCode());
        assertEquals(0, CliRun.of("analyze", casePath).exitCode());
        Path keys = dir.resolve("keys");

        CliRun plain = CliRun.of("export", casePath, "--out", dir.resolve("plain"), "--examiner-key-dir", keys);
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(Files.exists(dir.resolve("plain").resolve("stitch")) && Files.list(dir.resolve("plain")
                .resolve("stitch")).anyMatch(p -> p.toString().endsWith(".wav")), "no stitch was made, none is packed");

        CliRun stitched = CliRun.of("export", casePath, "--out", dir.resolve("pkg.zip"), "--stitch",
                "--examiner-key-dir", keys);
        assertEquals(0, stitched.exitCode(), stitched.err());
        Path wav = dir.resolve("pkg-stitched.wav");
        assertTrue(stitched.out().startsWith("Stitched " + wav), stitched.out());
        assertTrue(Files.exists(wav));
        CliRun verify = CliRun.of("verify", dir.resolve("pkg.zip"));
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        try (var zip = new java.util.zip.ZipFile(dir.resolve("pkg.zip").toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith("stitch/pkg-stitched.wav")),
                    "the package holds the stitch made for it");
        }
    }
}
