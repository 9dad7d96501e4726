package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.capture.CaptureAnalyzer;
import io.seamline.capture.CaptureSummary;
import io.seamline.capture.CaptureTap;
import io.seamline.capture.SipPayload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our own sipp capture (media-move/make-media-move.sh): a call whose media moves to a new port and SSRC
 * after a re-INVITE and 15 s of silence, as pcap, pcapng and Linux cooked v2.
 */
class MediaMoveFixtureTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(MediaMoveFixtureTest.class.getResource("media-move/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"media-move.pcap", "media-move.pcapng", "media-move-sll2.pcap"})
    void streamTableMatchesTshark(String name) throws Exception {
        List<RtpStreamTapReferenceTest.Row> expected =
                RtpStreamTapReferenceTest.parseReference(fixture(name + ".rtp-streams.txt"));
        assertEquals(2, expected.size(), "reference must hold both legs");
        RtpStreamTapReferenceTest.assertSameTable(expected, RtpStreamTapReferenceTest.analyse(fixture(name)), name);
    }

    @Test
    void reportsLossAcrossSequenceWrap() throws Exception {
        Path dir = fixture("media-move.pcap").getParent().getParent();
        List<RtpStreamTapReferenceTest.Row> expected =
                RtpStreamTapReferenceTest.parseReference(dir.resolve("sequence-wrap.rtp-streams.txt"));
        List<RtpStream> actual = RtpStreamTapReferenceTest.analyse(dir.resolve("sequence-wrap.pcap"));
        RtpStreamTapReferenceTest.assertSameTable(expected, actual, "sequence-wrap");
        RtpStream wrapped = actual.get(1);
        assertEquals(150, wrapped.expected());
        assertEquals(3, wrapped.lost());
        assertEquals(2, wrapped.sequenceErrors(), "two gaps: 65533 -> 65535 and 0 -> 3");
    }

    @Test
    void secondLegHasNewSsrcAndSourcePortAfterFifteenSecondGap() throws Exception {
        List<RtpStream> streams = RtpStreamTapReferenceTest.analyse(fixture("media-move.pcap"));
        RtpStream before = streams.get(1);
        RtpStream after = streams.get(0);
        assertNotEquals(before.key().ssrc(), after.key().ssrc());
        assertEquals(6000, before.key().srcPort());
        assertEquals(6100, after.key().srcPort());
        assertEquals(before.key().dstPort(), after.key().dstPort());
        Duration gap = Duration.between(before.endUtc(), after.startUtc());
        assertTrue(gap.toMillis() >= 15_000 && gap.toMillis() < 16_000, "gap " + gap);
        assertEquals(150, before.packets());
        assertEquals(150, after.packets());
    }

    @Test
    void reInviteAnnouncingTheNewPortIsDelivered() throws IOException, URISyntaxException {
        List<String> invites = new ArrayList<>();
        CaptureTap sip = new CaptureTap() {
            @Override
            public void sip(SipPayload message) {
                String text = new String(message.message(), StandardCharsets.US_ASCII);
                if (text.startsWith("INVITE ")) {
                    invites.add(text);
                }
            }
        };
        CaptureSummary summary;
        try (InputStream in = java.nio.file.Files.newInputStream(fixture("media-move.pcapng"))) {
            summary = CaptureAnalyzer.run(in, "media-move.pcapng", List.of(sip), n -> { });
        }
        assertEquals("pcapng", summary.format());
        assertEquals(2, invites.size());
        assertTrue(invites.get(1).contains("m=audio 6100 RTP/AVP 0"), invites.get(1));
        assertTrue(summary.warnings().isEmpty(), summary.warnings().toString());
    }
}
