package io.seamline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingMetadataParserTest {

    @Test
    void readsSessionsParticipantsStreamsAndForeignExtensions() throws Exception {
        RecordingMetadata md = RecordingMetadataParser.parse(Fixtures.bytes("metadata/complete-with-extensions.xml"));
        assertEquals("partial", md.dataMode());
        assertEquals(1, md.sessions().size());
        assertEquals(List.of("call-leg-a@sbc.example.com", "call-leg-b@sbc.example.com"), md.sessions().get(0).sipSessionIds());
        assertEquals("g-01", md.sessions().get(0).groupRef());
        RecordingMetadata.Participant caller = md.participants().get(0);
        assertEquals("p-caller", caller.participantId());
        assertEquals("sip:+441632960001@pstn.example.net", caller.aor());
        assertEquals("Caller", caller.name());
        assertEquals(List.of("st-caller"), caller.sendStreamIds());
        assertEquals(List.of("st-agent"), caller.recvStreamIds());
        assertEquals("11", md.streams().get(1).label());
        assertEquals("9b0e5c1a-7d44-4f0b-8a52-1c2d3e4f5a6b", md.extension("conversationId").orElseThrow());
        assertEquals("billing", md.extension("name").orElseThrow());
    }

    @Test
    void bindsStreamsToSdpMediaByLabel() throws Exception {
        RecordingMetadata md = RecordingMetadataParser.parse(Fixtures.bytes("metadata/complete-with-extensions.xml"));
        SessionDescription sdp = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 8\r\na=label:11\r\nm=audio 4002 RTP/AVP 8\r\na=label:10\r\n");
        List<RecordingMetadata.StreamBinding> b = md.bind(sdp);
        assertEquals(4002, b.get(0).media().port());
        assertEquals("Caller", b.get(0).senders().get(0).name());
        assertEquals(4000, b.get(1).media().port());
        assertEquals("Agent 7001", b.get(1).senders().get(0).name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "metadata/billion-laughs.xml|DOCTYPE",
        "metadata/xxe-external-entity.xml|DOCTYPE",
        "metadata/wrong-root.xml|root is {urn:example:not-siprec}recording",
        "metadata/not-well-formed.xml|not acceptable XML at line",
        "metadata/deep-nesting.xml|maxElementDepth",
    })
    void refusesHostileOrForeignDocuments(String file, String expected) {
        SipParseException e = assertThrows(SipParseException.class, () -> RecordingMetadataParser.parse(Fixtures.bytes(file)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void neverReadsFilesThroughXInclude() throws Exception {
        RecordingMetadata md = RecordingMetadataParser.parse(Fixtures.bytes("metadata/xinclude.xml"));
        assertEquals("", md.participants().get(0).name());
        String host = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).trim() : "";
        for (RecordingMetadata.Extension x : md.extensions()) {
            assertTrue(host.isEmpty() || !x.text().contains(host), x.toString());
        }
        assertEquals("include", md.extensions().get(0).localName());
    }

    @Test
    void refusesDocumentsAboveTheSizeCap() {
        byte[] big = new byte[RecordingMetadataParser.MAX_BYTES + 1];
        SipParseException e = assertThrows(SipParseException.class, () -> RecordingMetadataParser.parse(big));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }

    @Test
    void readsMetadataSentBySippInTheCapturedRecordingInvite() throws Exception {
        SipMessage invite = null;
        for (var m : CaptureFixture.messages("siprec/siprec-488-then-200.sip.json")) {
            SipMessage s = SipParser.parse(java.util.Base64.getDecoder().decode(m.get("payloadBase64").asText()));
            if (s.isRequest() && s.method().equals("INVITE") && s.toTag().isEmpty()) {
                invite = s;
                break;
            }
        }
        assertTrue(invite != null && invite.isRecordingSession());
        RecordingMetadata md = RecordingMetadataParser.parse(invite.part(ContentType.RS_METADATA).orElseThrow().body());
        assertEquals("2f6b1c7e-0a4d-4a83-9d6e-5c1f0b7a9e21", md.extension("conversationId").orElseThrow());
        assertEquals("Agent Smith", md.participants().get(1).name());
        SessionDescription sdp = SdpParser.parse(invite.sdpText().orElseThrow());
        RecordingMetadata.StreamBinding customer = md.bind(sdp).get(0);
        assertEquals(7000, customer.media().port());
        assertEquals("sip:+15551230001@carrier.example.net", customer.senders().get(0).aor());
        assertEquals(List.of("G729"), customer.media().codecNames());
        assertNull(md.bind(SdpParser.parse("v=0\r\nm=audio 1 RTP/AVP 0\r\n")).get(0).media());
        assertTrue(new String(invite.body(), StandardCharsets.UTF_8).contains("--foobar--"));
    }
}
