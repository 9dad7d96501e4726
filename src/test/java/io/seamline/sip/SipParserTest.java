package io.seamline.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipParserTest {

    private static boolean anyWarning(SipMessage m, String fragment) {
        return m.warnings().stream().anyMatch(w -> w.contains(fragment));
    }

    @Test
    void parsesShortTortuousInviteWithFoldingCompactFormsAndOddCase() throws Exception {
        SipMessage m = Fixtures.sip("rfc4475/valid/wsinv.sip");
        assertTrue(m.isRequest());
        assertEquals("INVITE", m.method());
        assertEquals("sip:vivekg@chair-dnrc.example.com;unknownparam", m.requestUri());
        assertEquals("wsinv.ndaksdj@192.0.2.1", m.callId());
        assertEquals("1918181833n", m.toTag());
        assertEquals("98asjd8", m.fromTag());
        assertEquals("J Rosenberg \\\"", m.from().orElseThrow().displayName());
        assertEquals(9, m.cseqNumber());
        assertEquals("INVITE", m.cseqMethod());
        assertEquals("0068", m.header("max-forwards").orElseThrow());
        assertEquals("", m.header("subject").orElseThrow());
        assertEquals("newfangled value continued newfangled value", m.header("NewFangledHeader").orElseThrow());
        assertEquals(";;,,;;,;", m.header("unknownheaderwithunusualvalue").orElseThrow());
        List<String> vias = m.headerValues("Via");
        assertEquals(3, vias.size());
        assertEquals("390skdjuw", m.topViaBranch());
        assertTrue(vias.get(2).contains("192.168.255.111"));
        NameAddress contact = NameAddress.parse(m.headerValues("contact").get(0));
        assertEquals("sip:jdrosen@example.com", contact.uri());
        assertEquals("newvalue", contact.parameters().get("newparam"));
        assertEquals("0.33", contact.parameters().get("q"));
        assertEquals("MaX-fOrWaRdS", m.headers().get(2).name());
        assertEquals("m", m.headers().get(m.headers().size() - 1).name());
        assertEquals(150, m.body().length);
        assertEquals(ContentType.SDP, m.parts().get(0).contentType().mediaType());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void keepsEscapedUrisAndCompactHeadersOfEsc01() throws Exception {
        SipMessage m = Fixtures.sip("rfc4475/valid/esc01.sip");
        assertEquals("sip:sips%3Auser%40example.com@example.net", m.requestUri());
        assertEquals("esc01.239409asdfakjkn23onasd0-3234", m.callId());
        assertEquals("application/sdp", m.contentType().orElseThrow().mediaType());
        assertEquals("<sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>", m.header("contact").orElseThrow());
        assertTrue(m.sdpText().orElseThrow().startsWith("v=0"));
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void treatsEscapedHeaderNameAsUnknownHeader() throws Exception {
        SipMessage m = Fixtures.sip("rfc4475/valid/esc02.sip");
        assertEquals("RE%47IST%45R", m.method());
        assertEquals(2, m.headerValues("Contact").size());
        assertEquals("<sip:alias2@host2.example.com>", m.header("C%6Fntact").orElseThrow());
    }

    @Test
    void ignoresBytesAfterContentLengthPerRfc3261Section18_3() throws Exception {
        SipMessage m = Fixtures.sip("rfc4475/valid/dblreq.sip");
        assertEquals("REGISTER", m.method());
        assertEquals(0, m.body().length);
        assertTrue(m.parts().isEmpty());
        assertTrue(anyWarning(m, "bytes after the Content-Length body ignored"), m.warnings().toString());
    }

    @Test
    void readsUtf8ReasonPhraseAndEmptyReasonPhrase() throws Exception {
        SipMessage unreason = Fixtures.sip("rfc4475/valid/unreason.sip");
        assertEquals(200, unreason.statusCode());
        assertTrue(unreason.reasonPhrase().endsWith("простое"));
        SipMessage noreason = Fixtures.sip("rfc4475/valid/noreason.sip");
        assertEquals(100, noreason.statusCode());
        assertEquals("", noreason.reasonPhrase());
        assertFalse(noreason.isRequest());
    }

    @Test
    void acceptsUnusualTokenCharactersInMethodAndHeaderName() throws Exception {
        SipMessage m = Fixtures.sip("rfc4475/valid/intmeth.sip");
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", m.method());
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", m.cseqMethod());
        assertEquals(139122385, m.cseqNumber());
        assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.callId());
        assertEquals("\uFEFF大停電", m.header("extensionHeader-!.%*+_`'~").orElseThrow());
        assertEquals("_token~1'+`*%!-.", m.fromTag());
    }

    @ParameterizedTest
    @CsvSource({
        "rfc4475/valid/escnull.sip, REGISTER, 2",
        "rfc4475/valid/lwsdisp.sip, OPTIONS, 0",
        "rfc4475/valid/semiuri.sip, OPTIONS, 0",
        "rfc4475/valid/transports.sip, OPTIONS, 0",
    })
    void parsesOtherValidTortureMessagesWithoutWarnings(String file, String method, int contacts) throws Exception {
        SipMessage m = Fixtures.sip(file);
        assertEquals(method, m.method());
        assertEquals(contacts, m.headerValues("m").size());
        assertTrue(m.warnings().isEmpty(), file + " " + m.warnings());
    }

    @Test
    void splitsFoldedCommaListAndRepeatedVias() throws Exception {
        assertEquals(6, Fixtures.sip("rfc4475/valid/semiuri.sip").headerValues("Accept").size());
        assertEquals(5, Fixtures.sip("rfc4475/valid/transports.sip").headerValues("v").size());
        assertEquals("sip:caller@example.com", Fixtures.sip("rfc4475/valid/lwsdisp.sip").from().orElseThrow().uri());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rfc4475/invalid/ncl.sip|Content-Length -999 is negative",
        "rfc4475/invalid/ltgtruri.sip|Request-URI is enclosed in <>",
        "rfc4475/invalid/lwsruri.sip|request line has 4 elements",
        "rfc4475/invalid/badvers.sip|unsupported SIP version \"SIP/7.0\"",
        "rfc4475/invalid/bigcode.sip|no 3-digit status code",
        "rfc4475/invalid/mcl01.sip|conflicting Content-Length headers 13 and 5",
        "malformed/header-without-colon.sip|line 8 has no ':' (\"Foobar roobar\")",
        "malformed/continuation-before-any-header.sip|continuation with no header before it",
        "malformed/keepalive-only.sip|only CRLF keep-alive bytes",
        "malformed/content-length-not-number.sip|Content-Length \"twelve\" is not a number",
        "malformed/method-not-token.sip|request method \"OPT@IONS\" is not an RFC 3261 token",
        "malformed/too-many-headers.sip|more than 256 header lines",
    })
    void rejectsUnreadableMessageNamingTheProblem(String file, String expected) {
        SipParseException e = assertThrows(SipParseException.class, () -> Fixtures.sip(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rfc4475/invalid/clerr.sip|Content-Length 9999 exceeds the 154 body bytes present",
        "rfc4475/invalid/scalar02.sip|has no sequence number below 2^31",
        "rfc4475/invalid/scalarlg.sip|has no sequence number below 2^31",
        "rfc4475/invalid/quotbal.sip|To header has an unbalanced quote",
        "rfc4475/invalid/lwsstart.sip|extra whitespace in the request line",
        "rfc4475/invalid/trws.sip|extra whitespace in the request line",
        "rfc4475/invalid/mismatch01.sip|CSeq method INVITE differs from request method OPTIONS",
        "rfc4475/invalid/mismatch02.sip|CSeq method INVITE differs from request method NEWMETHOD",
        "rfc4475/invalid/insuf.sip|missing mandatory header Call-ID",
        "rfc4475/invalid/badinv01.sip|has an empty parameter",
    })
    void keepsReadableInvalidMessageWithWarning(String file, String expected) throws Exception {
        SipMessage m = Fixtures.sip(file);
        assertTrue(anyWarning(m, expected), file + " " + m.warnings());
    }

    @Test
    void insufficientHeadersStillYieldBodyAndMissingFieldWarnings() throws Exception {
        SipMessage m = Fixtures.sip("rfc4475/invalid/insuf.sip");
        assertEquals("", m.callId());
        assertEquals(152, m.body().length);
        assertTrue(anyWarning(m, "missing mandatory header From"));
        assertTrue(anyWarning(m, "missing mandatory header To"));
    }

    @Test
    void boundsNestedMultipartBomb() throws Exception {
        SipMessage m = Fixtures.sip("malformed/multipart-bomb.sip");
        assertEquals(SipParser.MAX_PARTS, m.parts().size());
        assertTrue(anyWarning(m, "more than 32 body parts"), m.warnings().toString());
    }

    @Test
    void splitsMultipartBodyAtBoundariesWithoutTheDelimiterCrlf() throws Exception {
        String body = "--XyZ\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--XyZ\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n<x/>\r\n--XyZ--\r\n";
        String msg = "INVITE sip:srs@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n"
                + "From: <sip:src@example.com>;tag=1\r\nTo: <sip:srs@example.com>\r\nCall-ID: mp1\r\nCSeq: 1 INVITE\r\n"
                + "Content-Type: multipart/mixed;boundary=\"XyZ\"\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        SipMessage m = SipParser.parse(msg.getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, m.parts().size());
        assertEquals("v=0\r\n", m.sdpText().orElseThrow());
        assertArrayEquals("<x/>".getBytes(StandardCharsets.US_ASCII), m.part(ContentType.RS_METADATA).orElseThrow().body());
        assertTrue(m.isRecordingSession());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sngrep-aaa", "heplify-rtp_rtcp_sip_ipv4_udp", "heplify-FAX-Call-t38-CA-TDM-SIP-FB-1",
        "heplify-sip_ipv6_udp", "heplify-sip_ipv4_tcp", "heplify-sip_ipv4_tcp_retrans", "heplify-sip_tcp_websocket",
        "heplify-erspan_sip_ipv4_udp", "sngrep-ipv6frag", "sngrep-ipip"})
    void readsEveryCapturedMessageWithTheMethodOrStatusTsharkSees(String capture) throws Exception {
        int n = 0;
        for (var m : CaptureFixture.messages("captures/" + capture + ".sip.json")) {
            SipMessage msg = SipParser.parse(java.util.Base64.getDecoder().decode(m.get("payloadBase64").asText()));
            String method = m.get("tsharkMethod").asText();
            if (method.isEmpty()) {
                assertEquals(m.get("tsharkStatusCode").asInt(), msg.statusCode(), "frame " + m.get("frame"));
            } else {
                assertEquals(method, msg.method(), "frame " + m.get("frame"));
            }
            assertFalse(msg.callId().isEmpty(), "frame " + m.get("frame"));
            for (MimePart p : msg.parts()) {
                if (p.contentType().is(ContentType.SDP)) {
                    SdpParser.parse(p.bodyText());
                }
            }
            n++;
        }
        assertTrue(n > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SIP/2.0", "INVITE", "\r\n\r\nX", "SIP/2.0 99 x\r\n\r\n", "A B SIP/2.0\r\n:\r\n\r\n"})
    void rejectsFragmentsWithCheckedExceptionOnly(String text) {
        assertThrows(SipParseException.class, () -> SipParser.parse(text.getBytes(StandardCharsets.UTF_8)));
    }
}
