package io.seamline.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dissection down to SIP messages, checked against {@code tshark -q -z sip,stat} on every public capture. */
class CaptureAnalyzerTest {
    private static final Path SHARED = Path.of(System.getProperty("seamline.shared", "../shared"));
    private static final Pattern MESSAGES = Pattern.compile("Number of SIP messages: (\\d+)");

    /** Captures where tshark's default port table hides SIP, with the count from the command that shows it. */
    private static final Map<String, Integer> TSHARK_DECODE_AS = Map.of(
            // tshark -r heplify-sip_ipv4_tcp_fragmented.pcap -d tcp.port==6060,sip -q -z sip,stat (port 6060 is X11's)
            "heplify-sip_ipv4_tcp_fragmented", 406,
            // SIP over SCTP is counted as not analysed, not dissected
            "heplify-sip_sctp", 0);

    static final class Recorder implements CaptureTap {
        final List<SipPayload> sip = new ArrayList<>();
        final List<UdpDatagram> udp = new ArrayList<>();

        @Override
        public void udp(UdpDatagram datagram) {
            udp.add(datagram);
        }

        @Override
        public void sip(SipPayload message) {
            sip.add(message);
        }

        Map<SipTransport, Integer> byTransport() {
            Map<SipTransport, Integer> n = new TreeMap<>();
            sip.forEach(m -> n.merge(m.transport(), 1, Integer::sum));
            return n;
        }
    }

    static CaptureSummary run(Path file, CaptureTap tap) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CaptureAnalyzer.run(in, file.getFileName().toString(), List.of(tap), n -> { });
        }
    }

    static Stream<Path> publicCaptures() throws IOException {
        return Files.list(SHARED.resolve("captures/public")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicCaptures")
    void findsAsManySipMessagesAsTshark(Path capture) throws IOException {
        String base = capture.getFileName().toString().replaceFirst("\\.pcap(ng)?$", "");
        int expected;
        if (TSHARK_DECODE_AS.containsKey(base)) {
            expected = TSHARK_DECODE_AS.get(base);
        } else {
            String stat = Files.readString(SHARED.resolve("captures/reference/" + base + ".sip-stat.txt"));
            Matcher m = MESSAGES.matcher(stat);
            assertTrue(m.find(), "no message count in reference for " + base);
            expected = Integer.parseInt(m.group(1));
        }
        Recorder recorder = new Recorder();
        CaptureSummary summary = run(capture, recorder);
        assertEquals(expected, recorder.sip.size(), base + " " + recorder.byTransport());
        assertTrue(summary.warnings().isEmpty(), summary.warnings().toString());
        for (SipPayload m : recorder.sip) {
            String text = new String(m.message(), StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("SIP/2.0 ") || text.matches("(?s)^[A-Z]+ \\S+ SIP/2\\.0\r?\n.*"), text);
        }
    }

    @Test
    void reassemblesSipSplitOverManyTcpSegments() throws IOException {
        Recorder recorder = new Recorder();
        run(SHARED.resolve("captures/public/heplify-sip_ipv4_tcp_fragmented.pcap"), recorder);
        for (SipPayload m : recorder.sip) {
            String text = new String(m.message(), StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n") + 4;
            Matcher length = Pattern.compile("(?im)^(?:content-length|l)\\s*:\\s*(\\d+)").matcher(text);
            assertTrue(length.find(), text);
            assertEquals(Integer.parseInt(length.group(1)), m.message().length - headerEnd, "body is exactly Content-Length");
        }
        assertTrue(recorder.sip.stream().anyMatch(m -> m.message().length > 1460), "some message spans segments");
    }

    @Test
    void unmasksSipCarriedInWebSocketFrames() throws IOException {
        Recorder recorder = new Recorder();
        run(SHARED.resolve("captures/public/heplify-sip_tcp_websocket.pcap"), recorder);
        assertEquals(Map.of(SipTransport.UDP, 28, SipTransport.WS, 11), recorder.byTransport());
        SipPayload first = recorder.sip.stream().filter(m -> m.transport() == SipTransport.WS).findFirst().orElseThrow();
        assertTrue(new String(first.message(), StandardCharsets.UTF_8).contains("Via: SIP/2.0/WS"));
    }

    @Test
    void countsSctpAsNotAnalysed() throws IOException {
        CaptureSummary summary = run(SHARED.resolve("captures/public/heplify-sip_sctp.pcap"), new Recorder());
        assertEquals(Map.of("SCTP", 5L), summary.notAnalysed());
        assertEquals(Map.of("LINUX_SLL", 5L), summary.linkTypes());
    }

    @Test
    void countsTlsSegmentsAsNotAnalysedAndSkipsTcpRetransmissions() throws IOException {
        Recorder recorder = new Recorder();
        CaptureSummary summary = run(SHARED.resolve("captures/public/heplify-sip_ipv4_tcp_retrans.pcap"), recorder);
        assertEquals(Map.of("TLS", 12L), summary.notAnalysed());
        assertEquals(Map.of(SipTransport.TCP, 4, SipTransport.UDP, 4), recorder.byTransport());
    }

    @Test
    void findsSipInsideIpInIpAndErspanTunnels() throws IOException {
        Recorder ipip = new Recorder();
        run(SHARED.resolve("captures/public/sngrep-ipip.pcap"), ipip);
        assertEquals(4, ipip.sip.size());
        Recorder erspan = new Recorder();
        CaptureSummary summary = run(SHARED.resolve("captures/public/heplify-erspan_sip_ipv4_udp.pcapng"), erspan);
        assertEquals(140, erspan.sip.size());
        assertEquals("180.173.83.248", erspan.sip.get(0).srcIp());
        assertEquals(140, summary.frameCount());
    }

    @Test
    void reassemblesFragmentedIpv6Datagrams() throws IOException {
        Recorder recorder = new Recorder();
        run(SHARED.resolve("captures/public/sngrep-ipv6frag.pcap"), recorder);
        assertEquals(32, recorder.sip.size());
        assertTrue(recorder.sip.stream().anyMatch(m -> m.message().length > 1500), "a datagram larger than one fragment");
        assertTrue(recorder.sip.get(0).srcIp().contains(":"), recorder.sip.get(0).srcIp());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} is {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "dtmf-vlan.pcap, EN10MB", "dtmf-qinq.pcap, EN10MB", "dtmf-raw.pcap, RAW", "dtmf-ipv4.pcap, IPV4",
        "dtmf-null.pcap, NULL", "dtmf-loop.pcap, LOOP"})
    void dissectsEveryLinkLayerVariantOfTheSameCall(String file, String linkType) throws Exception {
        Recorder recorder = new Recorder();
        CaptureSummary summary = run(CaptureReaderTest.fixture(file), recorder);
        assertEquals(Map.of(linkType, summary.frameCount()), summary.linkTypes());
        assertEquals(Map.of(SipTransport.UDP, 5), recorder.byTransport(), "tshark -r dtmf.pcap -Y sip | wc -l");
        assertEquals(75, recorder.udp.size(), "tshark -r dtmf.pcap -Y udp | wc -l");
        assertEquals("127.0.0.1", recorder.udp.get(0).srcIp());
    }

    @Test
    void dissectsRawIpv6() throws Exception {
        Recorder recorder = new Recorder();
        CaptureSummary summary = run(CaptureReaderTest.fixture("sip-ipv6-raw.pcap"), recorder);
        assertEquals(Map.of("IPV6", 6L), summary.linkTypes());
        // sip-ipv6-raw.sip-stat.txt: tshark -r sip-ipv6-raw.pcap -q -z sip,stat
        String stat = Files.readString(CaptureReaderTest.fixture("sip-ipv6-raw.sip-stat.txt"));
        Matcher m = MESSAGES.matcher(stat);
        assertTrue(m.find());
        assertEquals(Integer.parseInt(m.group(1)), recorder.sip.size());
    }

    private static int referenceCount(String statFile) throws Exception {
        Matcher m = MESSAGES.matcher(Files.readString(CaptureReaderTest.fixture(statFile)));
        assertTrue(m.find(), statFile);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void reassemblesTcpOutOfOrderAndRetransmittedSegments() throws Exception {
        Recorder inOrder = new Recorder();
        run(CaptureReaderTest.fixture("tcp-in-order.pcap"), inOrder);
        assertEquals(referenceCount("tcp-in-order.sip-stat.txt"), inOrder.sip.size());
        Recorder reordered = new Recorder();
        run(CaptureReaderTest.fixture("tcp-reordered.pcap"), reordered);
        List<String> expected = inOrder.sip.stream().map(m -> new String(m.message(), StandardCharsets.ISO_8859_1)).sorted().toList();
        List<String> actual = reordered.sip.stream().map(m -> new String(m.message(), StandardCharsets.ISO_8859_1)).sorted().toList();
        assertEquals(expected, actual);
    }

    @Test
    void reassemblesFragmentedIpv4Datagram() throws Exception {
        Recorder recorder = new Recorder();
        CaptureSummary summary = run(CaptureReaderTest.fixture("ipv4-fragments/ipv4-fragments.pcap"), recorder);
        assertEquals(8, summary.frameCount());
        assertEquals(referenceCount("ipv4-fragments/ipv4-fragments.sip-stat.txt"), recorder.sip.size());
        assertEquals(6, recorder.udp.size(), "three fragments make one datagram");
        SipPayload invite = recorder.sip.get(0);
        String text = new String(invite.message(), StandardCharsets.ISO_8859_1);
        assertTrue(invite.message().length > 3000 && text.startsWith("INVITE ") && text.endsWith("--foobar--\r\n"), text);
        assertEquals(3, invite.frameNumber(), "completed by the last fragment");
    }

    @Test
    void printsIpv6AddressesAsTsharkDoes() throws Exception {
        Recorder recorder = new Recorder();
        run(SHARED.resolve("captures/public/heplify-sip_ipv6_udp.pcap"), recorder);
        // tshark -r heplify-sip_ipv6_udp.pcap -Y sip -T fields -e ipv6.src -e ipv6.dst (frame 1)
        assertEquals("fe80::21a:a0ff:fe07:32e0", recorder.sip.get(0).srcIp());
        assertEquals("fec0::216:d3ff:fe0d:22c", recorder.sip.get(0).dstIp());
        assertTrue(recorder.udp.get(0).ipv6());
    }

    @Test
    void reportsProgressUpToTheFileSize() throws IOException {
        Path file = SHARED.resolve("captures/public/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap");
        List<Long> progress = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CaptureAnalyzer.run(in, "fax", List.of(), progress::add);
        }
        assertEquals(Files.size(file), progress.get(progress.size() - 1));
        assertTrue(progress.size() >= 2, progress.toString());
    }
}
