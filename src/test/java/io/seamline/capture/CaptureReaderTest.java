package io.seamline.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcap and pcapng container reading, on public captures and the fixtures of make-reader-fixtures.sh. */
class CaptureReaderTest {
    private static final Path PUBLIC = Path.of(System.getProperty("seamline.shared", "../shared"), "captures/public");

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CaptureReaderTest.class.getResource(name).toURI());
    }

    record Read(List<CaptureRecord> records, List<String> warnings, String format) {
    }

    static Read readAll(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CaptureReader reader = CaptureReader.open(in, file.getFileName().toString());
            List<CaptureRecord> records = new ArrayList<>();
            CaptureRecord r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
            assertNull(reader.next(), "reader must stay at its end");
            return new Read(records, reader.warnings(), reader.formatName());
        }
    }

    @Test
    void readsLittleEndianMicrosecondPcapWithRecordOffsets() throws IOException {
        Read read = readAll(PUBLIC.resolve("sngrep-ipip.pcap"));
        assertEquals("pcap", read.format());
        assertEquals(4, read.records().size());
        CaptureRecord first = read.records().get(0);
        assertEquals(1, first.frameNumber());
        assertEquals(24, first.byteOffset());
        assertEquals(1169, first.data().length);
        assertEquals(24 + 16 + 1169, read.records().get(1).byteOffset());
        assertEquals(Instant.parse("2021-12-14T13:49:07.335564Z"), first.timeUtc());
        assertEquals(1, first.linkType());
        assertTrue(read.warnings().isEmpty());
    }

    @Test
    void readsBigEndianNanosecondPcapAsTheSameFrames() throws Exception {
        Read original = readAll(PUBLIC.resolve("sngrep-ipip.pcap"));
        Read converted = readAll(fixture("ipip-nanosecond-bigendian.pcap"));
        assertEquals(original.records().size(), converted.records().size());
        for (int i = 0; i < original.records().size(); i++) {
            CaptureRecord a = original.records().get(i);
            CaptureRecord b = converted.records().get(i);
            assertEquals(a.timeUtc(), b.timeUtc());
            assertEquals(a.originalLength(), b.originalLength());
            assertArrayEquals(a.data(), b.data());
        }
    }

    @Test
    void readsPcapngWithTwoInterfacesOfDifferentLinkTypes() throws Exception {
        Read read = readAll(fixture("two-interfaces.pcapng"));
        assertEquals("pcapng", read.format());
        assertEquals(9, read.records().size());
        long cooked = read.records().stream().filter(r -> r.linkType() == 113).count();
        long ethernet = read.records().stream().filter(r -> r.linkType() == 1).count();
        assertEquals(5, cooked);
        assertEquals(4, ethernet);
        assertEquals(Instant.parse("2020-01-23T21:03:44.069607Z"), read.records().get(0).timeUtc());
    }

    @Test
    void readsEachPcapngSectionWithItsOwnInterfacesAndResolution() throws Exception {
        Read read = readAll(fixture("two-sections.pcapng"));
        assertEquals(13, read.records().size());
        Read ipip = readAll(PUBLIC.resolve("sngrep-ipip.pcap"));
        for (int i = 0; i < 4; i++) {
            CaptureRecord second = read.records().get(9 + i);
            assertEquals(1, second.linkType());
            assertEquals(ipip.records().get(i).timeUtc(), second.timeUtc(), "if_tsresol 10^-9 section, frame " + (10 + i));
            assertArrayEquals(ipip.records().get(i).data(), second.data());
        }
    }

    @Test
    void readsBigEndianSectionFollowedByLittleEndianSection() throws Exception {
        Read mixed = readAll(fixture("mixed-endian.pcapng"));
        Read reference = readAll(fixture("two-sections.pcapng"));
        assertEquals(reference.records().size(), mixed.records().size());
        for (int i = 0; i < reference.records().size(); i++) {
            CaptureRecord a = reference.records().get(i);
            CaptureRecord b = mixed.records().get(i);
            assertEquals(a.timeUtc(), b.timeUtc(), "frame " + (i + 1));
            assertEquals(a.linkType(), b.linkType(), "frame " + (i + 1));
            assertArrayEquals(a.data(), b.data(), "frame " + (i + 1));
        }
        assertTrue(mixed.warnings().isEmpty(), mixed.warnings().toString());
    }

    @Test
    void readsTruncatedPcapUpToTheCutAndWarnsWithOffset() throws Exception {
        Read whole = readAll(PUBLIC.resolve("heplify-sip_ipv4_tcp.pcap"));
        long complete = whole.records().stream().filter(r -> r.byteOffset() + 16 + r.data().length <= 10_000).count();
        CaptureRecord cut = whole.records().get((int) complete);
        Read read = readAll(fixture("truncated-mid-record.pcap"));
        assertEquals(complete, read.records().size());
        assertEquals(1, read.warnings().size());
        String warning = read.warnings().get(0);
        assertTrue(warning.contains("truncated-mid-record.pcap") && warning.contains("offset " + cut.byteOffset()), warning);
    }

    @Test
    void readsTruncatedPcapngUpToTheCutAndWarnsWithOffset() throws Exception {
        Read whole = readAll(PUBLIC.resolve("heplify-erspan_sip_ipv4_udp.pcapng"));
        Read read = readAll(fixture("truncated-mid-block.pcapng"));
        assertTrue(read.records().size() > 0 && read.records().size() < whole.records().size());
        CaptureRecord cut = whole.records().get(read.records().size());
        assertTrue(cut.byteOffset() < 3000);
        assertEquals(1, read.warnings().size());
        assertTrue(read.warnings().get(0).contains("offset " + cut.byteOffset()), read.warnings().get(0));
    }

    @Test
    void rejectsPcapRecordWithImpossibleLengthNamingItsOffset() throws Exception {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> readAll(fixture("impossible-length.pcap")));
        assertTrue(e.getMessage().contains("impossible-length.pcap") && e.getMessage().contains("offset 1209"), e.getMessage());
    }

    @Test
    void rejectsPcapngBlockWithImpossibleLengthNamingItsOffset() throws Exception {
        Read whole = readAll(PUBLIC.resolve("heplify-erspan_sip_ipv4_udp.pcapng"));
        long secondPacketBlock = whole.records().get(1).byteOffset();
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> readAll(fixture("impossible-length.pcapng")));
        assertTrue(e.getMessage().contains("offset " + secondPacketBlock), e.getMessage());
    }

    @Test
    void refusesAudioFileThatIsNotACapture() {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> readAll(fixture("not-a-capture.wav")));
        assertTrue(e.getMessage().contains("not-a-capture.wav: not a pcap or pcapng capture"), e.getMessage());
    }

    @Test
    void refusesEmptyFile(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pcap"));
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> readAll(empty));
        assertTrue(e.getMessage().startsWith("empty.pcap: not a capture"), e.getMessage());
    }
}
