package io.seamline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialogTrackerTest {

    private static final String FAX = "captures/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.sip.json";
    private static final String AAA = "captures/sngrep-aaa.sip.json";
    private static final String SIPREC = "siprec/siprec-488-then-200.sip.json";
    private static final String HOLD = "calls/hold-resume.sip.json";

    private static SipCall call(SipAnalysis a, String callIdPrefix) {
        return a.calls().stream().filter(c -> c.callId().startsWith(callIdPrefix)).findFirst().orElseThrow();
    }

    private static List<SipEvent> events(SipAnalysis a, String callIdPrefix, SipEventKind kind) {
        return a.events().stream().filter(e -> e.callId().startsWith(callIdPrefix) && e.kind() == kind).toList();
    }

    /** The figures of tshark's {@code -z sip,stat} report from /work/shared/captures/reference. */
    private record TsharkSipStat(int messages, int resent, Map<String, Integer> methods, Map<Integer, Integer> codes) {
        static TsharkSipStat read(String capture) throws IOException {
            Path p = Path.of(System.getProperty("seamline.shared", "../shared"), "captures", "reference",
                    capture + ".sip-stat.txt");
            return parse(Files.readString(p, StandardCharsets.UTF_8));
        }

        static TsharkSipStat parse(String text) {
            Map<String, Integer> methods = new TreeMap<>();
            Map<Integer, Integer> codes = new TreeMap<>();
            Matcher code = Pattern.compile("(?m)^\\s+SIP (\\d{3}) .*:\\s+(\\d+) Packets").matcher(text);
            while (code.find()) {
                codes.put(Integer.parseInt(code.group(1)), Integer.parseInt(code.group(2)));
            }
            Matcher method = Pattern.compile("(?m)^\\s+([A-Z]+)\\s+:\\s+(\\d+) Packets").matcher(text);
            while (method.find()) {
                methods.put(method.group(1), Integer.parseInt(method.group(2)));
            }
            return new TsharkSipStat(number(text, "Number of SIP messages: (\\d+)"),
                    number(text, "Number of resent SIP messages: (\\d+)"), methods, codes);
        }

        private static int number(String text, String regex) {
            Matcher m = Pattern.compile(regex).matcher(text);
            if (!m.find()) {
                throw new AssertionError("tshark report lacks " + regex);
            }
            return Integer.parseInt(m.group(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sngrep-aaa", "heplify-rtp_rtcp_sip_ipv4_udp", "heplify-FAX-Call-t38-CA-TDM-SIP-FB-1",
        "heplify-sip_ipv6_udp", "heplify-sip_ipv4_tcp", "heplify-sip_ipv4_tcp_retrans", "heplify-sip_tcp_websocket",
        "heplify-erspan_sip_ipv4_udp", "sngrep-ipv6frag", "sngrep-ipip"})
    void countsMessagesMethodsCodesAndResendsLikeTsharkSipStat(String capture) throws Exception {
        TsharkSipStat expected = TsharkSipStat.read(capture);
        SipStatistics got = CaptureFixture.analyse("captures/" + capture + ".sip.json").statistics();
        assertEquals(expected.messages(), got.messages());
        assertEquals(expected.resent(), got.resent());
        assertEquals(expected.methods(), new TreeMap<>(got.requestsByMethod()));
        assertEquals(expected.codes(), new TreeMap<>(got.responsesByCode()));
        assertEquals(0, got.parseFailures());
    }

    @ParameterizedTest
    @ValueSource(strings = {"siprec/siprec-488-then-200", "calls/hold-resume"})
    void countsSippCapturesLikeTsharkSipStat(String fixture) throws Exception {
        TsharkSipStat expected = TsharkSipStat.parse(new String(Fixtures.bytes(fixture + ".sip-stat.txt"),
                StandardCharsets.UTF_8));
        SipStatistics got = CaptureFixture.analyse(fixture + ".sip.json").statistics();
        assertEquals(expected.messages(), got.messages());
        assertEquals(expected.resent(), got.resent());
        assertEquals(expected.methods(), new TreeMap<>(got.requestsByMethod()));
        assertEquals(expected.codes(), new TreeMap<>(got.responsesByCode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {AAA, FAX, SIPREC, "captures/heplify-erspan_sip_ipv4_udp.sip.json",
        "captures/sngrep-ipv6frag.sip.json"})
    void flagsExactlyTheFramesTsharkCallsResent(String fixture) throws Exception {
        Map<Long, Boolean> ours = new HashMap<>();
        for (SipCall c : CaptureFixture.analyse(fixture).calls()) {
            for (CapturedSipMessage m : c.messages()) {
                ours.put(m.frameNumber(), m.resent());
            }
        }
        for (JsonNode m : CaptureFixture.messages(fixture)) {
            assertEquals(m.get("tsharkResend").asBoolean(), ours.get(m.get("frame").asLong()), "frame " + m.get("frame"));
        }
    }

    @Test
    void followsFaxCallThroughT38ReinviteRejectedWith488() throws Exception {
        SipAnalysis a = CaptureFixture.analyse(FAX);
        SipCall call = call(a, "00e9d4a500e9d48");
        assertEquals(CallOutcome.ANSWERED, call.outcome());
        assertEquals(169, call.ringingSetupMs());
        assertEquals(6841, call.answerSetupMs());
        assertEquals(CallSide.CALLER, call.hangupBy());
        assertEquals(Instant.parse("2008-12-05T09:24:02.379188Z"), call.endUtc());
        List<SipEvent> rejected = events(a, "00e9d4a500e9d48", SipEventKind.REJECTED);
        assertEquals(1, rejected.size());
        assertEquals(488, rejected.get(0).statusCode());
        assertEquals(List.of("t38"), rejected.get(0).codecs());
        assertEquals(CallSide.CALLEE, rejected.get(0).side());
        assertTrue(events(a, "00e9d4a500e9d48", SipEventKind.CODEC_CHANGE).stream()
                .anyMatch(e -> e.codecs().equals(List.of("t38")) && e.side() == CallSide.CALLER));
        SipTransaction reinvite = call.transactions().stream()
                .filter(t -> t.method().equals("INVITE") && t.cseqNumber() == 3).findFirst().orElseThrow();
        assertEquals(488, reinvite.finalStatusCode());
        assertEquals(3, reinvite.requestCopies());
        assertTrue(reinvite.inDialog());
    }

    @Test
    void knowsEachSideMediaAddressAtAnyMoment() throws Exception {
        SipCall call = call(CaptureFixture.analyse(FAX), "00e9d4a500e9d48");
        Instant afterAnswer = Instant.parse("2008-12-05T09:22:46Z");
        SdpExchange callee = call.latestSdp(CallSide.CALLEE, afterAnswer).orElseThrow();
        assertEquals(200, callee.statusCode());
        assertEquals(15580, callee.sdp().firstAudio().orElseThrow().port());
        SdpExchange caller = call.latestSdp(CallSide.CALLER, afterAnswer).orElseThrow();
        assertEquals(16756, caller.sdp().firstAudio().orElseThrow().port());
        assertTrue(caller.offer());
    }

    @Test
    void reportsRecordingRejectedForG729ThenAnsweredPausedMovedAndHungUp() throws Exception {
        SipAnalysis a = CaptureFixture.analyse(SIPREC);
        List<SipCall> recordings = a.recordingSessions();
        assertEquals(2, recordings.size());
        SipCall rejected = recordings.get(0);
        SipCall answered = recordings.get(1);
        String second = answered.callId();
        assertTrue(rejected.recording());
        assertEquals(CallOutcome.REJECTED, rejected.outcome());
        assertEquals(488, rejected.finalStatusCode());
        SipEvent r = events(a, rejected.callId(), SipEventKind.REJECTED).get(0);
        assertEquals(List.of("G729"), r.codecs());

        assertEquals(CallOutcome.ANSWERED, answered.outcome());
        assertEquals(CallSide.CALLER, answered.hangupBy());
        assertNotNull(answered.recordingMetadata());
        assertEquals("2f6b1c7e-0a4d-4a83-9d6e-5c1f0b7a9e21",
                answered.recordingMetadata().extension("conversationId").orElseThrow());
        assertEquals(1, events(a, second, SipEventKind.RECORDING_SESSION).size());

        List<SipEvent> holds = events(a, second, SipEventKind.HOLD);
        assertEquals(List.of(CallSide.CALLER, CallSide.CALLEE), holds.stream().map(SipEvent::side).toList());
        assertEquals(2, events(a, second, SipEventKind.RESUME).size());
        List<SipEvent> moves = events(a, second, SipEventKind.MEDIA_ADDRESS_CHANGE);
        assertEquals(2, moves.size());
        assertEquals(new SipEndpoint("127.0.0.1", 7000), moves.get(0).oldMedia());
        assertEquals(new SipEndpoint("127.0.0.1", 7100), moves.get(0).newMedia());
        assertEquals(new SipEndpoint("127.0.0.1", 7102), moves.get(1).newMedia());
        assertTrue(holds.get(0).timeUtc().isBefore(moves.get(0).timeUtc()));
        assertEquals(1, events(a, second, SipEventKind.HANGUP).size());
        List<RecordingMetadata.StreamBinding> streams = answered.recordingStreams();
        assertEquals(7100, streams.get(0).media().port());
        assertEquals("Customer", streams.get(0).senders().get(0).name());
        assertEquals("Agent Smith", streams.get(1).senders().get(0).name());
    }

    @Test
    void reportsSendonlyAndZeroAddressHoldsResumeOnNewPortAndCalleeHangup() throws Exception {
        SipAnalysis a = CaptureFixture.analyse(HOLD);
        assertEquals(1, a.calls().size());
        SipCall c = a.calls().get(0);
        assertEquals(CallOutcome.ANSWERED, c.outcome());
        assertEquals(CallSide.CALLEE, c.hangupBy());
        List<SipEvent> holds = events(a, c.callId(), SipEventKind.HOLD);
        List<SipEvent> resumes = events(a, c.callId(), SipEventKind.RESUME);
        assertEquals(2, holds.size());
        assertEquals(2, resumes.size());
        assertTrue(holds.stream().allMatch(e -> e.side() == CallSide.CALLER));
        assertTrue(holds.get(0).summary().contains("sendonly"), holds.get(0).summary());
        assertTrue(holds.get(1).summary().contains("c=0.0.0.0"), holds.get(1).summary());
        assertTrue(holds.get(0).timeUtc().isBefore(resumes.get(0).timeUtc()));
        assertTrue(resumes.get(0).timeUtc().isBefore(holds.get(1).timeUtc()));
        List<SipEvent> moves = events(a, c.callId(), SipEventKind.MEDIA_ADDRESS_CHANGE);
        assertEquals(1, moves.size());
        assertEquals(new SipEndpoint("127.0.0.1", 6000), moves.get(0).oldMedia());
        assertEquals(new SipEndpoint("127.0.0.1", 6100), moves.get(0).newMedia());
        assertEquals(resumes.get(1).timeUtc(), moves.get(0).timeUtc());
        SipEvent busy = events(a, c.callId(), SipEventKind.REJECTED).get(0);
        assertEquals(503, busy.statusCode());
        assertEquals("OPTIONS", busy.method());
        assertEquals(MediaDirection.RECVONLY, c.latestSdp(CallSide.CALLEE, holds.get(0).timeUtc().plusMillis(1))
                .orElseThrow().sdp().media().get(0).direction());
        assertTrue(c.answerSetupMs() >= 400, "answered after " + c.answerSetupMs() + " ms");
    }

    @Test
    void reportsOptionsThatNeverGotAnAnswer() throws Exception {
        SipAnalysis a = CaptureFixture.analyse(SIPREC);
        List<SipEvent> unanswered = a.events().stream().filter(e -> e.kind() == SipEventKind.OPTIONS_UNANSWERED).toList();
        assertEquals(1, unanswered.size());
        assertEquals(new SipEndpoint("127.0.0.1", 5090), unanswered.get(0).destination());
        SipCall options = call(a, unanswered.get(0).callId());
        assertEquals(CallOutcome.NOT_A_CALL, options.outcome());
        assertTrue(options.transactions().get(0).unanswered());
    }

    @Test
    void classifiesTheManyDialogsOfSngrepCapture() throws Exception {
        SipAnalysis a = CaptureFixture.analyse(AAA);
        assertEquals(6, a.calls().size());
        SipCall cancelled = call(a, "105090259-446faf7a");
        assertEquals(CallOutcome.CANCELLED, cancelled.outcome());
        assertEquals(CallSide.CALLER, cancelled.hangupBy());
        assertTrue(events(a, "105090259-446faf7a", SipEventKind.REJECTED).stream()
                .anyMatch(e -> e.statusCode() == 408 && e.method().equals("INVITE")));
        SipCall unavailable = call(a, "11894297-4432a9f8");
        assertEquals(CallOutcome.REJECTED, unavailable.outcome());
        assertEquals(480, unavailable.finalStatusCode());
        assertEquals(426, unavailable.ringingSetupMs());
        assertEquals(CallOutcome.NOT_A_CALL, call(a, "578222729-4665d775").outcome());
        assertEquals(2, a.calls().stream().filter(c -> c.finalStatusCode() == 403).count());
        assertTrue(events(a, "578222729-4665d775", SipEventKind.REJECTED).stream().allMatch(e -> e.side() == CallSide.CALLEE));
    }

    @Test
    void reportsInviteStillUnansweredWhenCaptureEnds() throws Exception {
        SipAnalysis a = CaptureFixture.analyse("captures/heplify-rtp_rtcp_sip_ipv4_udp.sip.json");
        SipCall second = call(a, "12015624@");
        assertEquals(CallOutcome.TIMED_OUT, second.outcome());
        assertEquals(1, events(a, "12015624@", SipEventKind.NO_FINAL_RESPONSE).size());
        assertEquals(8477, call(a, "12013223@").answerSetupMs());
    }

    @Test
    void formatsIpv6EndpointsWithBrackets() throws Exception {
        SipCall c = CaptureFixture.analyse("captures/heplify-sip_ipv6_udp.sip.json").calls().get(0);
        assertTrue(c.caller().toString().startsWith("["), c.caller().toString());
        // The 200 OK carries SDP without Content-Type: it is still read as the callee's answer.
        SdpExchange answer = c.latestSdp(CallSide.CALLEE, c.answeredUtc()).orElseThrow();
        assertEquals(5008, answer.sdp().firstAudio().orElseThrow().port());
        assertTrue(c.warnings().get(0).contains("read as SDP"), c.warnings().toString());
        assertEquals(CallOutcome.ANSWERED, c.outcome());
    }

    @Test
    void recordsUnparseablePayloadsAndCountsKeepAlivesWithoutStopping() {
        DialogTracker t = new DialogTracker();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        t.accept("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), now, "192.0.2.1", 5060, "192.0.2.2", 5060, "UDP", 1);
        t.accept(Fixtures.bytes("rfc4475/invalid/bigcode.sip"), now, "192.0.2.1", 5060, "192.0.2.2", 5060, "UDP", 2);
        t.accept(Fixtures.bytes("rfc4475/valid/wsinv.sip"), now, "192.0.2.1", 5060, "192.0.2.2", 5060, "UDP", 3);
        SipAnalysis a = t.finish();
        assertEquals(1, a.statistics().keepAlives());
        assertEquals(1, a.parseFailures().size());
        assertEquals(2, a.parseFailures().get(0).frameNumber());
        assertEquals(1, a.statistics().messages());
        assertEquals(1, a.events().stream().filter(e -> e.kind() == SipEventKind.PARSE_ERROR).count());
        assertThrows(IllegalStateException.class,
                () -> t.accept(new byte[0], now, "192.0.2.1", 5060, "192.0.2.2", 5060, "UDP", 4));
    }
}
