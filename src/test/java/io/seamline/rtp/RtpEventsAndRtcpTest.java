package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4733 events, RFC 3389 comfort noise and RTCP reports kept with their streams. */
class RtpEventsAndRtcpTest {
    private static final Path PUBLIC = Path.of(System.getProperty("seamline.shared", "../shared"), "captures/public");

    private static Path fixture(String name) throws Exception {
        return Path.of(RtpEventsAndRtcpTest.class.getResource(name).toURI());
    }

    private static RtpStream stream(List<RtpStream> streams, long ssrc, int srcPort) {
        return streams.stream().filter(s -> s.key().ssrc() == ssrc && s.key().srcPort() == srcPort).findFirst()
                .orElseThrow(() -> new AssertionError(String.format("no stream 0x%08X from port %d", ssrc, srcPort)));
    }

    @Test
    void dtmfStreamMatchesTsharkIncludingItsPayloadName() throws Exception {
        List<RtpStreamTapReferenceTest.Row> expected =
                RtpStreamTapReferenceTest.parseReference(fixture("dtmf/dtmf.pcap.rtp-streams.txt"));
        RtpStreamTapReferenceTest.assertSameTable(expected, RtpStreamTapReferenceTest.analyse(fixture("dtmf/dtmf.pcap")), "dtmf");
    }

    @Test
    void keepsEachTelephoneEventOnceWithItsEndAndDuration() throws Exception {
        RtpStream dtmf = stream(RtpStreamTapReferenceTest.analyse(fixture("dtmf/dtmf.pcap")), 0x0E05384EL, 6000);
        assertEquals("telephone-event", dtmf.payloadNames());
        List<RtpEvent> events = dtmf.events();
        assertEquals(2, events.size(), events.toString());
        assertEquals(1, events.get(0).code());
        assertEquals(2, events.get(1).code());
        for (RtpEvent e : events) {
            assertEquals(RtpEvent.Kind.TELEPHONE_EVENT, e.kind());
            assertTrue(e.end());
            assertEquals(2240, e.durationUnits(), "280 ms at 8000 Hz");
            assertEquals(10, e.volume());
        }
        assertEquals(54, events.get(0).frameNumber(), "event keeps the frame of its first packet");
    }

    @Test
    void keepsComfortNoisePacketsAsEvents() throws Exception {
        RtpStream fax = stream(RtpStreamTapReferenceTest.analyse(PUBLIC.resolve("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap")),
                0x17D90134L, 16756);
        long comfortNoise = fax.events().stream().filter(e -> e.kind() == RtpEvent.Kind.COMFORT_NOISE).count();
        // tshark -r heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap -Y 'rtp.ssrc==0x17d90134 && rtp.p_type==13' | wc -l
        assertEquals(163, comfortNoise);
        assertTrue(fax.payloadTypes().contains(13));
    }

    @Test
    void attachesSenderAndReceiverReportsToTheStreamTheyDescribe() throws Exception {
        List<RtpStream> streams = RtpStreamTapReferenceTest.analyse(PUBLIC.resolve("heplify-rtp_rtcp_sip_ipv4_udp.pcap"));
        RtpStream relayed = stream(streams, 0x58F33DEAL, 4800);
        List<RtcpReport> senderReports = relayed.rtcpReports().stream().filter(RtcpReport::sender).toList();
        // tshark -r heplify-rtp_rtcp_sip_ipv4_udp.pcap -Y 'rtcp.pt==200' -T fields -e rtcp.senderssrc | cut -d, -f1 | sort | uniq -c
        assertEquals(12, senderReports.size());
        RtcpReport first = senderReports.get(0);
        // tshark ... -Y frame.number==521 -T fields -e rtcp.timestamp.ntp.msw -e rtcp.timestamp.ntp.lsw -e rtcp.timestamp.rtp
        //   -e rtcp.sender.packetcount -e rtcp.sender.octetcount: 151524 476741337 289878434 1 160
        assertEquals(521, first.frameNumber());
        assertEquals((151524L << 32) | 476741337L, first.ntpTimestamp());
        assertEquals(289878434L, first.rtpTimestamp());
        assertEquals(1, first.senderPacketCount());
        assertEquals(160, first.senderOctetCount());
        assertEquals(Instant.parse("2036-02-09T00:33:40.110999Z"), first.ntpTimeUtc());

        RtpStream other = stream(streams, 0xD2BD4E3EL, 8000);
        RtcpReport block = other.rtcpReports().stream().filter(r -> !r.sender() && r.frameNumber() == 521)
                .findFirst().orElseThrow();
        assertEquals(0x58F33DEAL, block.reporterSsrc());
        assertEquals(0, block.fractionLost());
        assertEquals(0, block.cumulativeLost());
        assertEquals(14, other.rtcpReports().stream().filter(RtcpReport::sender).count());
    }
}
