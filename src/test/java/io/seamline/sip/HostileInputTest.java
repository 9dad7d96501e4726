package io.seamline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutates real fixtures (RFC 4475 messages, the captured SIPREC INVITE) with a fixed seed and checks
 * that the parsers only ever throw {@link SipParseException} and that the tracker never throws.
 */
@Tag("slow")
class HostileInputTest {

    private static final String[] SEEDS = {
        "rfc4475/valid/wsinv.sip", "rfc4475/valid/esc01.sip", "rfc4475/valid/intmeth.sip",
        "rfc4475/valid/dblreq.sip", "rfc4475/invalid/clerr.sip", "rfc4475/invalid/quotbal.sip",
        "malformed/multipart-bomb.sip",
    };

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 2 -> {
                int at = r.nextInt(b.length);
                byte[] ins = {'\r', '\n', ' ', ':', ';', '"', '<', '-', '\t'};
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = ins[r.nextInt(ins.length)];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                b = out;
            }
            case 3 -> {
                int from = r.nextInt(b.length);
                int to = from + r.nextInt(b.length - from);
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                b = out;
            }
            default -> {
                String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
                String[] swaps = {"Content-Length: ", "Content-Length: 99999999999", "boundary=", "boundary=\"\"",
                    "SIP/2.0", "SIP/2.0 ", "\r\n\r\n", "\r\n", "v=0", "m=audio", "a=label:", "a=rtpmap:x"};
                int k = r.nextInt(swaps.length / 2) * 2;
                b = s.replaceFirst(java.util.regex.Pattern.quote(swaps[k]), swaps[k + 1])
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
        return b;
    }

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String s : SEEDS) {
            out.add(Fixtures.bytes(s));
        }
        for (var m : CaptureFixture.messages("siprec/siprec-488-then-200.sip.json")) {
            if (m.get("frame").asLong() == 5) {
                out.add(java.util.Base64.getDecoder().decode(m.get("payloadBase64").asText()));
            }
        }
        return out;
    }

    @Test
    void mutatedMessagesOnlyEverRaiseSipParseException() throws Exception {
        Random r = new Random(20261122L);
        DialogTracker tracker = new DialogTracker();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        int parsed = 0;
        int rejected = 0;
        int frame = 0;
        for (byte[] seed : seeds()) {
            for (int i = 0; i < 400; i++) {
                byte[] b = mutate(seed, r);
                tracker.accept(b, t.plusMillis(frame), "192.0.2.1", 5060, "192.0.2.2", 5060, "UDP", ++frame);
                try {
                    SipMessage m = SipParser.parse(b);
                    parsed++;
                    for (MimePart p : m.parts()) {
                        try {
                            if (p.contentType().is(ContentType.SDP)) {
                                SdpParser.parse(p.bodyText());
                            } else if (p.contentType().is(ContentType.RS_METADATA)) {
                                RecordingMetadataParser.parse(p.body());
                            }
                        } catch (SipParseException expected) {
                            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
                        }
                    }
                    m.headerValues("via");
                    m.from();
                    m.to();
                    m.cseqNumber();
                    m.isRecordingSession();
                } catch (SipParseException e) {
                    rejected++;
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                }
            }
        }
        SipAnalysis a = tracker.finish();
        assertEquals(parsed, a.statistics().messages());
        assertEquals(frame, parsed + rejected);
        assertTrue(parsed > 0 && rejected > 0, parsed + " parsed, " + rejected + " rejected");
    }
}
