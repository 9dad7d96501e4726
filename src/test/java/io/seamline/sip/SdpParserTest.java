package io.seamline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    /** SDP of the given frame of a captured fixture. */
    private static SessionDescription sdpOfFrame(String fixture, long frame) throws Exception {
        for (JsonNode m : CaptureFixture.messages(fixture)) {
            if (m.get("frame").asLong() == frame) {
                return SdpParser.parse(SipParser.parse(Base64.getDecoder().decode(m.get("payloadBase64").asText()))
                        .sdpText().orElseThrow());
            }
        }
        throw new AssertionError("no frame " + frame);
    }

    @Test
    void readsOriginConnectionMediaRtpmapAndFmtpOfCapturedOffer() throws Exception {
        // heplify FAX capture frame 23: the caller's initial INVITE.
        SessionDescription sdp = sdpOfFrame("captures/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.sip.json", 23);
        assertEquals("IN", sdp.origin().networkType());
        MediaDescription audio = sdp.firstAudio().orElseThrow();
        assertEquals(16756, audio.port());
        assertEquals(List.of(8, 103, 102), audio.payloadTypes());
        assertEquals("PCMA", audio.codecNames().get(0));
        assertEquals(List.of("PCMA", "G726-32", "telephone-event"), audio.codecNames());
        assertEquals(new RtpMap(102, "telephone-event", 8000, 1), audio.rtpMaps().get(102));
        assertEquals("0-15", audio.fmtps().get(102));
        assertEquals("10.23.1.52", sdp.origin().address());
        assertEquals(sdp.connectionAddress() == null ? audio.connectionAddress() : sdp.connectionAddress(), audio.effectiveAddress());
        assertEquals(MediaDirection.SENDRECV, audio.direction());
        assertTrue(sdp.warnings().isEmpty(), sdp.warnings().toString());
    }

    @Test
    void readsT38ImageStreamOfCapturedReinvite() throws Exception {
        SessionDescription sdp = sdpOfFrame("captures/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.sip.json", 3100);
        MediaDescription image = sdp.media().get(0);
        assertEquals("image", image.mediaType());
        assertEquals("udptl", image.protocol());
        assertEquals(List.of("t38"), image.formats());
        assertTrue(image.payloadTypes().isEmpty());
        assertTrue(sdp.firstAudio().isEmpty());
    }

    @Test
    void appliesSessionDirectionUnlessMediaOverridesIt() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "a=sendonly\r\nm=audio 5000 RTP/AVP 0\r\nm=audio 5002 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 192.0.2.2\r\n"
                + "m=video 0 RTP/AVP 31\r\n");
        assertEquals(MediaDirection.SENDONLY, sdp.sessionDirection());
        assertEquals(MediaDirection.SENDONLY, sdp.media().get(0).direction());
        assertTrue(sdp.media().get(0).isHold());
        assertEquals(MediaDirection.SENDRECV, sdp.media().get(1).direction());
        assertEquals("192.0.2.2", sdp.media().get(1).effectiveAddress());
        assertEquals("192.0.2.1", sdp.media().get(0).effectiveAddress());
        assertNull(sdp.media().get(0).connectionAddress());
        assertEquals(0, sdp.media().get(2).port());
    }

    @Test
    void treatsOldStyleZeroAddressAsHold() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                + "m=audio 5000 RTP/AVP 18\r\na=fmtp:18 annexb=no\r\n");
        MediaDescription m = sdp.media().get(0);
        assertEquals(MediaDirection.SENDRECV, m.direction());
        assertTrue(m.isHold());
        assertEquals("G729", m.codecNames().get(0));
        assertEquals("annexb=no", m.fmtps().get(18));
    }

    @Test
    void readsLabelsOfCapturedSiprecOffer() throws Exception {
        SessionDescription sdp = sdpOfFrame("siprec/siprec-488-then-200.sip.json", 11);
        assertEquals("1", sdp.media().get(0).label());
        assertEquals(7002, sdp.byLabel("2").orElseThrow().port());
        assertEquals(MediaDirection.SENDONLY, sdp.media().get(1).direction());
        assertFalse(sdp.byLabel("3").isPresent());
    }

    @Test
    void warnsAboutMalformedLinesAndRejectsNonSdp() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\r\nc=IN IP4\r\nm=audio x RTP/AVP 0\r\nnonsense\r\na=rtpmap:zz\r\n");
        assertEquals(4, sdp.warnings().size(), sdp.warnings().toString());
        assertThrows(SipParseException.class, () -> SdpParser.parse("<xml/>"));
        assertThrows(SipParseException.class, () -> SdpParser.parse(""));
    }
}
