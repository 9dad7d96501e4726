package io.seamline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamline.casefile.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCommandsTest {
    @TempDir
    Path dir;
    Path casePath;

    @BeforeEach
    void newCase() {
        casePath = dir.resolve("call-4711.seamline");
        CliRun run = CliRun.of("new", casePath, "--title", "Call 4711 failover", "--examiner", "Dana Examiner",
                "--case-number", "C-17", "--time-zone", "Europe/London");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Created " + casePath), run.out());
    }

    @Test
    void addPrintsIdKindFormatAndHashPerFile() throws Exception {
        Path wav = TestCases.fixture("recording.wav");
        Path pcap = TestCases.publicCapture("heplify-rtp_rtcp_sip_ipv4_udp.pcap");
        CliRun run = CliRun.of("add", casePath, wav, pcap, "--note", "from the S3 archive");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals("1\trecording\twav\t" + sha(wav) + "\trecording.wav", lines[0]);
        assertEquals("2\tcapture\tpcap\t" + sha(pcap) + "\theplify-rtp_rtcp_sip_ipv4_udp.pcap", lines[1]);
        assertEquals("", run.err(), "nothing extra on stderr when not on a terminal");
    }

    @Test
    void showEvidenceJsonHasTheDocumentedFields() throws Exception {
        CliRun.of("add", casePath, TestCases.fixture("edge-buffer.wav"));
        CliRun run = CliRun.of("show", casePath, "evidence", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode item = new ObjectMapper().readTree(run.out()).get(0);
        assertEquals(1, item.get("id").asInt());
        assertEquals("edge-buffer", item.get("kind").asText());
        assertEquals("bwf", item.get("format").asText());
        assertEquals("edge-buffer.wav", item.get("originalName").asText());
        assertEquals(Files.size(TestCases.fixture("edge-buffer.wav")), item.get("sizeBytes").asLong());
        assertTrue(item.get("importedAtUtc").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        assertTrue(item.get("importedBy").asText().startsWith("Dana Examiner ("));
    }

    @Test
    void showCustodyListsCreateThenImport() throws Exception {
        CliRun.of("add", casePath, TestCases.fixture("recording.wav"));
        CliRun run = CliRun.of("show", casePath, "custody", "--json");
        JsonNode entries = new ObjectMapper().readTree(run.out());
        assertEquals(2, entries.size());
        assertEquals("create-case", entries.get(0).get("action").asText());
        assertEquals("import", entries.get(1).get("action").asText());
        assertEquals(entries.get(0).get("hash").asText(), entries.get(1).get("prevHash").asText());
        assertEquals("recording.wav", entries.get(1).get("details").get("originalName").asText());
    }

    @Test
    void verifyExitsZeroWhenIntactAndOneNamingTheTamperedItem() throws Exception {
        CliRun.of("add", casePath, TestCases.fixture("recording.wav"));
        CliRun ok = CliRun.of("verify", casePath);
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("OK "), ok.out());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + casePath); Statement st = c.createStatement()) {
            st.execute("UPDATE evidence SET sha256 = '" + "0".repeat(64) + "' WHERE id = 1");
        }
        CliRun bad = CliRun.of("verify", casePath);
        assertEquals(1, bad.exitCode());
        assertTrue(bad.out().contains("FAILED evidence 1 (recording.wav): its SHA-256 was changed"), bad.out());
    }

    @Test
    void duplicateImportExitsThreeWithTheExistingId() {
        CliRun.of("add", casePath, TestCases.fixture("recording.wav"));
        CliRun again = CliRun.of("add", casePath, TestCases.fixture("recording.wav"));
        assertEquals(3, again.exitCode());
        assertTrue(again.err().contains("already in the case as evidence 1"), again.err());
    }

    @Test
    void badInputGivesOneLineNamingTheFileAndExitThree() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not evidence");
        byte[] before = Files.readAllBytes(casePath);
        CliRun unknown = CliRun.of("add", casePath, text);
        assertEquals(3, unknown.exitCode());
        assertEquals("seamline: " + text + ": unknown format (not pcap, pcapng, WAV/BWF/RF64, Ogg Opus, JSON or XML)",
                unknown.err().strip());
        assertEquals(java.util.Arrays.toString(before).hashCode(),
                java.util.Arrays.toString(Files.readAllBytes(casePath)).hashCode(), "nothing written");

        CliRun notACase = CliRun.of("show", text);
        assertEquals(3, notACase.exitCode());
        assertEquals(1, notACase.err().strip().lines().count(), notACase.err());
        assertFalse(notACase.err().contains("Exception"), notACase.err());

        CliRun missing = CliRun.of("verify", dir.resolve("missing.seamline"));
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("missing.seamline: no such case file"), missing.err());
        assertFalse(Files.exists(dir.resolve("missing.seamline")));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("frobnicate").exitCode());
        assertEquals(2, CliRun.of("add", casePath).exitCode());
        assertEquals(2, CliRun.of("add", casePath, "x.wav", "--as", "video").exitCode());
        CliRun zone = CliRun.of("new", dir.resolve("z.seamline"), "--title", "t", "--examiner", "e", "--time-zone",
                "Mars/Olympus");
        assertEquals(2, zone.exitCode());
        assertTrue(zone.err().contains("not an IANA time zone"), zone.err());
        assertFalse(Files.exists(dir.resolve("z.seamline")));
        assertEquals(2, CliRun.of("show", casePath, "streams-of-consciousness").exitCode());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"new", "add", "show", "verify", "gui"}) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().contains("Usage: seamline " + command), run.out());
        }
    }

    private static String sha(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
