package io.seamline.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.audio.AudioFormatException;
import io.seamline.capture.CaptureFormatException;
import io.seamline.sip.RecordingMetadataParser;
import io.seamline.sip.SipMessage;
import io.seamline.sip.SipParseException;
import io.seamline.sip.SipParser;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds the parsers claim, proved on the hostile seeds of the fuzz corpus: length fields that claim
 * gigabytes allocate at most a few MiB, XML with a DTD is refused before any entity is expanded or fetched,
 * and SIP header counts and multipart nesting stop at their documented limits.
 */
class HostileLengthsTest {
    /** Most any of these inputs may make a parser allocate, in bytes (the inputs are under 40 KB). */
    static final long ALLOCATION_CAP = 32L << 20;

    static byte[] seed(String target, String name) throws Exception {
        return Files.readAllBytes(Path.of(HostileLengthsTest.class.getResource("ParserFuzzTestInputs/" + target
                + "/" + name).toURI()));
    }

    /** Bytes allocated on this thread while {@code target} reads {@code input}, whatever it throws. */
    static long allocatedBy(ParserFuzzTest.Target target, byte[] input) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            target.accept(input);
        } catch (Exception expected) {
            // Only the allocation is measured here; ParserFuzzTest judges the outcome.
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunks-claim-4g.wav", "data-claims-4g.wav", "rf64-ds64-claims-2-62.wav"})
    void wavChunksClaimingGigabytesAllocateLittle(String name) throws Exception {
        byte[] input = seed("wavFile", name);
        try {
            ParserFuzzTest.readWav(input);
        } catch (AudioFormatException refused) {
            assertTrue(refused.getMessage().contains("fuzz.wav"), refused.getMessage());
        }
        assertTrue(allocatedBy(ParserFuzzTest::readWav, input) < ALLOCATION_CAP);
    }

    @Test
    void aPyramidLevelClaimingTwoBillionBucketsFailsAtTheEndOfItsData() throws Exception {
        byte[] input = seed("waveformPyramid", "level-claims-2g-buckets.bin");
        assertThrows(AudioFormatException.class, () -> ParserFuzzTest.readPyramid(input));
        assertTrue(allocatedBy(ParserFuzzTest::readPyramid, input) < ALLOCATION_CAP);
    }

    @Test
    void aPcapRecordClaimingTwoGigabytesIsRefusedWithoutAllocatingIt() throws Exception {
        byte[] input = seed("captureRecords", "record-length-2g.pcap");
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> ParserFuzzTest.readRecords(input));
        assertTrue(e.getMessage().contains("fuzz.pcap"), e.getMessage());
        assertTrue(allocatedBy(ParserFuzzTest::readRecords, input) < ALLOCATION_CAP);
    }

    @Test
    void aSipContentLengthOfTwoGigabytesAllocatesOnlyTheBytesPresent() throws Exception {
        byte[] input = seed("sipMessage", "content-length-2g.sip");
        try {
            SipMessage message = SipParser.parse(input);
            assertTrue(message.body().length < input.length);
        } catch (SipParseException refused) {
            assertFalse(refused.getMessage().isBlank());
        }
        assertTrue(allocatedBy(ParserFuzzTest::parseSip, input) < ALLOCATION_CAP);
    }

    @Test
    void sipHeaderLinesStopAtTheDocumentedCount() throws Exception {
        SipParseException e = assertThrows(SipParseException.class,
                () -> SipParser.parse(seed("sipMessage", "headers-300.sip")));
        assertTrue(e.getMessage().contains("more than " + SipParser.MAX_HEADERS + " header lines"), e.getMessage());
    }

    @Test
    void multipartNestingStopsAtTheDocumentedDepth() throws Exception {
        SipMessage message = SipParser.parse(seed("sipMessage", "multipart-nested-8.sip"));
        assertTrue(message.warnings().stream().anyMatch(w -> w.contains("multipart nesting deeper than "
                + SipParser.MAX_MULTIPART_DEPTH)), message.warnings().toString());
        assertTrue(message.sdpText().isEmpty(), "the SDP below the limit is not reached");
    }

    @Test
    void multipartPartsStopAtTheDocumentedCount() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3 * SipParser.MAX_PARTS; i++) {
            body.append("--b\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        }
        body.append("--b--\r\n");
        String message = "MESSAGE sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2\r\n"
                + "From: <sip:b@example.com>;tag=2\r\nTo: <sip:a@example.com>\r\nCall-ID: parts@example.com\r\n"
                + "CSeq: 1 MESSAGE\r\nContent-Type: multipart/mixed;boundary=b\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
        SipMessage parsed = SipParser.parse(message.getBytes(StandardCharsets.UTF_8));
        assertEquals(SipParser.MAX_PARTS, parsed.parts().size());
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("more than " + SipParser.MAX_PARTS)));
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyEntityIsExpanded() throws Exception {
        byte[] input = seed("recordingMetadata", "billion-laughs.xml");
        assertThrows(SipParseException.class, () -> RecordingMetadataParser.parse(input));
        assertTrue(allocatedBy(ParserFuzzTest::parseMetadata, input) < ALLOCATION_CAP);
    }

    @Test
    void anExternalEntityIsNeverFetched() throws Exception {
        byte[] input = seed("recordingMetadata", "xxe-external-entity.xml");
        SipParseException e = assertThrows(SipParseException.class, () -> RecordingMetadataParser.parse(input));
        String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).trim()
                : "";
        assertFalse(!hostname.isEmpty() && e.getMessage().contains(hostname), e.getMessage());
    }
}
