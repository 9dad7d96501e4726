package io.seamline.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.LinuxSllPacket;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket;

/**
 * The hand-written {@link FrameParser} against pcap4j's packet classes on every public capture:
 * wherever pcap4j finds a whole UDP datagram, ours must report the same addresses, ports and payload;
 * and every datagram of ours that pcap4j can see (not reassembled from fragments, not inside GRE)
 * must be one pcap4j found.
 */
class FrameParserAgreementTest {
    private static final Path PUBLIC = Path.of(System.getProperty("seamline.shared", "../shared"), "captures/public");

    static Stream<Path> publicCaptures() throws IOException {
        return Files.list(PUBLIC).sorted();
    }

    private record Datagram(String src, int srcPort, String dst, int dstPort, byte[] payload) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicCaptures")
    void agreesWithPcap4jOnUdp(Path capture) throws Exception {
        Map<Long, List<UdpDatagram>> ours = new HashMap<>();
        CaptureTap tap = new CaptureTap() {
            @Override
            public void udp(UdpDatagram d) {
                ours.computeIfAbsent(d.frameNumber(), k -> new ArrayList<>()).add(d);
            }
        };
        try (InputStream in = Files.newInputStream(capture)) {
            CaptureAnalyzer.run(in, capture.getFileName().toString(), List.of(tap), n -> { });
        }
        int compared = 0;
        int pcap4jBlind = 0;
        try (InputStream in = Files.newInputStream(capture)) {
            CaptureReader reader = CaptureReader.open(in, capture.getFileName().toString());
            CaptureRecord r;
            while ((r = reader.next()) != null) {
                Datagram theirs = pcap4jUdp(r);
                List<UdpDatagram> mine = ours.getOrDefault(r.frameNumber(), List.of());
                if (theirs == null) {
                    for (UdpDatagram d : mine) {
                        boolean reassembled = d.payload().length + 8 > r.data().length;
                        if (!reassembled) {
                            pcap4jBlind++;
                        }
                    }
                    continue;
                }
                assertEquals(1, mine.size(), "frame " + r.frameNumber());
                UdpDatagram d = mine.get(0);
                String where = capture.getFileName() + " frame " + r.frameNumber();
                assertEquals(InetAddress.getByName(theirs.src()), InetAddress.getByName(d.srcIp()), where);
                assertEquals(InetAddress.getByName(theirs.dst()), InetAddress.getByName(d.dstIp()), where);
                assertEquals(theirs.srcPort(), d.srcPort(), where);
                assertEquals(theirs.dstPort(), d.dstPort(), where);
                assertArrayEquals(theirs.payload(), d.payload(), where);
                compared++;
            }
        }
        boolean greTunnel = capture.getFileName().toString().contains("erspan");
        if (!greTunnel) {
            assertEquals(0, pcap4jBlind, "datagrams pcap4j did not see in " + capture.getFileName());
        }
        long ourTotal = ours.values().stream().mapToLong(List::size).sum();
        assertTrue(compared > 0 || ourTotal == 0 || greTunnel, "nothing compared in " + capture.getFileName());
    }

    /** The unfragmented UDP datagram pcap4j finds in a frame, or null. */
    private static Datagram pcap4jUdp(CaptureRecord r) {
        Packet packet;
        try {
            packet = switch (r.linkType()) {
                case 1 -> EthernetPacket.newPacket(r.data(), 0, r.data().length);
                case 113 -> LinuxSllPacket.newPacket(r.data(), 0, r.data().length);
                default -> null;
            };
        } catch (IllegalRawDataException e) {
            return null;
        }
        if (packet == null) {
            return null;
        }
        UdpPacket udp = packet.get(UdpPacket.class);
        if (udp == null) {
            return null;
        }
        String src;
        String dst;
        IpV4Packet v4 = packet.get(IpV4Packet.class);
        IpV6Packet v6 = packet.get(IpV6Packet.class);
        if (v4 != null) {
            src = v4.getHeader().getSrcAddr().getHostAddress();
            dst = v4.getHeader().getDstAddr().getHostAddress();
        } else if (v6 != null) {
            src = v6.getHeader().getSrcAddr().getHostAddress();
            dst = v6.getHeader().getDstAddr().getHostAddress();
        } else {
            return null;
        }
        byte[] payload = udp.getPayload() == null ? new byte[0] : udp.getPayload().getRawData();
        return new Datagram(src, udp.getHeader().getSrcPort().valueAsInt(), dst,
                udp.getHeader().getDstPort().valueAsInt(), payload);
    }
}
