package io.seamline.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.capture.CaptureAnalyzer;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import io.seamline.rtp.RtpDecoder;
import io.seamline.rtp.RtpStreamKey;
import io.seamline.rtp.RtpStreamTap;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G.711 capture lanes are decoded on demand from their packet index and the vaulted capture: the
 * samples and holes must be exactly those of decoding the whole stream, and exactly what schema 3 stored.
 */
class CaptureLaneAudioTest {
    @TempDir
    Path dir;

    private static Path heplifyRtp() {
        return TestCases.publicCapture("heplify-rtp_rtcp_sip_ipv4_udp.pcap");
    }

    private CaseService analysed(Path capture) throws Exception {
        CaseService service = TestCases.newCase(dir);
        service.importEvidence(new ImportRequest(List.of(capture), null, ""), TaskMonitor.NONE);
        new AnalysisService(service).analyze(TaskMonitor.NONE);
        return service;
    }

    /** One stream decoded the plain way: every payload placed at its RTP timestamp, later packets winning. */
    private record WholeStream(short[] samples, List<long[]> holes) {
    }

    private static Map<String, WholeStream> decodeWholeStreams(Path capture) throws Exception {
        Map<RtpStreamKey, List<long[]>> timestamps = new LinkedHashMap<>();
        Map<RtpStreamKey, List<byte[]>> payloads = new LinkedHashMap<>();
        Map<RtpStreamKey, Integer> types = new LinkedHashMap<>();
        RtpStreamTap tap = new RtpStreamTap(true);
        tap.addListener((key, frame, time, header, udp) -> {
            int type = types.computeIfAbsent(key, k -> header.payloadType());
            if (type != header.payloadType()) {
                return;
            }
            timestamps.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {header.timestamp()});
            byte[] p = new byte[header.payloadLength()];
            System.arraycopy(udp, header.payloadOffset(), p, 0, p.length);
            payloads.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        });
        try (InputStream in = Files.newInputStream(capture)) {
            CaptureAnalyzer.run(in, capture.getFileName().toString(), List.of(tap), n -> { });
        }
        Map<String, WholeStream> out = new LinkedHashMap<>();
        for (RtpStreamKey key : timestamps.keySet()) {
            RtpDecoder decoder = RtpDecoder.forPayload(types.get(key), null).orElse(null);
            if (decoder == null) {
                continue;
            }
            List<long[]> ts = timestamps.get(key);
            List<byte[]> pl = payloads.get(key);
            long first = ts.get(0)[0];
            long end = 0;
            long[] positions = new long[ts.size()];
            for (int i = 0; i < ts.size(); i++) {
                // These captures never wrap their 32-bit timestamps nor reorder packets by seconds.
                positions[i] = ts.get(i)[0] - first;
                end = Math.max(end, positions[i] + pl.get(i).length);
            }
            short[] samples = new short[(int) end];
            boolean[] covered = new boolean[(int) end];
            for (int i = 0; i < ts.size(); i++) {
                short[] pcm = decoder.decode(pl.get(i), 0, pl.get(i).length);
                System.arraycopy(pcm, 0, samples, (int) positions[i], pcm.length);
                for (int j = 0; j < pcm.length; j++) {
                    covered[(int) positions[i] + j] = true;
                }
            }
            List<long[]> holes = new ArrayList<>();
            for (int i = 0; i < covered.length; i++) {
                if (!covered[i]) {
                    int j = i;
                    while (j < covered.length && !covered[j]) {
                        j++;
                    }
                    holes.add(new long[] {i, j});
                    i = j;
                }
            }
            out.put(String.format(Locale.ROOT, "0x%08X %s:%d->%s:%d", key.ssrc(), key.srcIp(), key.srcPort(),
                    key.dstIp(), key.dstPort()), new WholeStream(samples, holes));
        }
        return out;
    }

    private static WholeStream streamOf(Map<String, WholeStream> streams, LaneRecord lane) {
        return streams.entrySet().stream().filter(e -> lane.name().endsWith(e.getKey())).findFirst().orElseThrow()
                .getValue();
    }

    private static short[] joined(List<byte[]> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        byte[] b = all.toByteArray();
        short[] out = new short[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
        }
        return out;
    }

    private static long count(CaseService service, String sql) throws SQLException {
        try (Statement st = service.caseFile().connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyLaneOfARealCaptureReadsExactlyAsDecodingItsWholeStream() throws Exception {
        Map<String, WholeStream> streams = decodeWholeStreams(heplifyRtp());
        try (CaseService service = analysed(heplifyRtp()); LaneAudio audio = new LaneAudio(service)) {
            AnalysisStore store = new AnalysisService(service).results();
            List<LaneRecord> lanes = store.lanes();
            assertEquals(5, lanes.size());
            assertEquals(0, count(service, "SELECT count(*) FROM lane_pcm"), "G.711 lanes store no PCM");
            assertTrue(count(service, "SELECT count(*) FROM lane_packets") > 0);
            for (LaneRecord lane : lanes) {
                WholeStream whole = streamOf(streams, lane);
                assertEquals(whole.samples().length, lane.sampleCount(), lane.name());
                assertArrayEquals(whole.samples(), joined(store.lanePcm(lane.id())), lane.name());
                float[] read = audio.read(lane, 0, (int) lane.sampleCount());
                for (int i = 0; i < read.length; i++) {
                    if (whole.samples()[i] != Math.round(read[i] * 32768f)) {
                        assertEquals(whole.samples()[i], Math.round(read[i] * 32768f), lane.name() + " sample " + i);
                    }
                }
                assertEquals(whole.holes().size(), lane.holes().size(), lane.name());
                for (int h = 0; h < whole.holes().size(); h++) {
                    assertArrayEquals(whole.holes().get(h), lane.holes().get(h), lane.name() + " hole " + h);
                    long start = lane.holes().get(h)[0];
                    int length = (int) (lane.holes().get(h)[1] - start);
                    for (float f : audio.read(lane, start, length)) {
                        assertEquals(0f, f, "a hole reads as silence");
                    }
                }
            }
        }
    }

    @Test
    void lanesWithLateAndOverlappingPacketsReadAsSchema3StoredThem() throws Exception {
        // SHA-256 of the PCM that schema 3 stored in lane_pcm for these lanes (Seamline before the packet index):
        // the fax call has 1675 packets too late to place and overlapping packets in both directions.
        Map<String, String> stored = Map.of(
                "0x0EAF0EAF 10.35.60.100:15580->10.23.1.52:16756",
                "bc33bf169dda7a883e8f1aca0c547b9427153255a21c59f3553d27268d7b55c0",
                "0x17D90134 10.23.1.52:16756->10.35.60.100:15580",
                "dd1a65661240bef15c3d936bef7d5aaaf203e366f4bbbb2a2fe049661927e618");
        Map<String, String> pyramids = Map.of(
                "0x0EAF0EAF 10.35.60.100:15580->10.23.1.52:16756",
                "da0132b190bd0ef48e3e417ec8a2c72221988f249e11d32b6b3d49596ebcc832",
                "0x17D90134 10.23.1.52:16756->10.35.60.100:15580",
                "e883b5dba533be0d6a01f8a5bd703f02579744573c2ddbd6d95ff18c9127c6c8");
        try (CaseService service = analysed(TestCases.publicCapture("heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap"))) {
            AnalysisStore store = new AnalysisService(service).results();
            List<LaneRecord> lanes = store.lanes();
            assertEquals(2, lanes.size());
            assertTrue(lanes.stream().anyMatch(l -> l.note().contains("1675 late packets not placed")));
            for (LaneRecord lane : lanes) {
                String key = lane.name().substring(lane.name().indexOf("0x"));
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                store.lanePcm(lane.id()).forEach(md::update);
                assertEquals(stored.get(key), HexFormat.of().formatHex(md.digest()), lane.name());
                byte[] pyramid = store.pyramid(lane.id()).orElseThrow();
                assertEquals(pyramids.get(key), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(pyramid)), lane.name() + " pyramid");
            }
        }
    }

    @Test
    void g722LanesStoreTheirPcmBecauseTheDecoderCarriesStateAcrossPackets() throws Exception {
        Path capture = Path.of(getClass().getResource("/io/seamline/analysis/g722/g722-call.pcap").toURI());
        byte[] g722 = Files.readAllBytes(Path.of(getClass().getResource("/io/seamline/rtp/codecs/speech.g722")
                .toURI()));
        // The whole stream through one decoder: 75 packets of 160 octets, none lost.
        short[] whole = RtpDecoder.forPayload(9, null).orElseThrow().decode(g722, 0, 75 * 160);
        try (CaseService service = analysed(capture); LaneAudio audio = new LaneAudio(service)) {
            AnalysisStore store = new AnalysisService(service).results();
            LaneRecord lane = store.lanes().get(0);
            assertEquals(16_000, lane.sampleRateHz());
            assertEquals(whole.length, lane.sampleCount());
            assertEquals(0, count(service, "SELECT count(*) FROM lane_packets"));
            assertEquals(1, count(service, "SELECT count(*) FROM lane_pcm"));
            assertArrayEquals(whole, joined(store.lanePcm(lane.id())));
            float[] read = audio.read(lane, 1000, 5000);
            for (int i = 0; i < read.length; i++) {
                assertEquals(whole[1000 + i], Math.round(read[i] * 32768f), "sample " + (1000 + i));
            }
        }
    }

    @Test
    void laneAudioIsDerivedAgainAfterTheCaseIsClosedAndReopened() throws Exception {
        Path casePath;
        List<short[]> before = new ArrayList<>();
        try (CaseService service = analysed(heplifyRtp())) {
            casePath = service.caseFile().path();
            AnalysisStore store = new AnalysisService(service).results();
            for (LaneRecord lane : store.lanes()) {
                before.add(joined(store.lanePcm(lane.id())));
            }
        }
        try (CaseService reopened = CaseService.open(casePath); LaneAudio audio = new LaneAudio(reopened)) {
            List<LaneRecord> lanes = new AnalysisService(reopened).results().lanes();
            assertEquals(before.size(), lanes.size());
            for (int l = 0; l < lanes.size(); l++) {
                LaneRecord lane = lanes.get(l);
                // Read in odd-sized blocks across chunk boundaries, as playback does.
                short[] got = new short[(int) lane.sampleCount()];
                for (int at = 0; at < got.length; at += 12_345) {
                    float[] block = audio.read(lane, at, Math.min(12_345, got.length - at));
                    for (int i = 0; i < block.length; i++) {
                        got[at + i] = (short) Math.round(block[i] * 32768f);
                    }
                }
                assertArrayEquals(before.get(l), got, lane.name());
            }
            assertTrue(reopened.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void analysingAgainReplacesThePacketIndexWithTheLanes() throws Exception {
        try (CaseService service = analysed(heplifyRtp())) {
            long rows = count(service, "SELECT count(*) FROM lane_packets");
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            assertEquals(rows, count(service, "SELECT count(*) FROM lane_packets"));
            assertEquals(0, count(service, "SELECT count(*) FROM lane_packets WHERE lane_id NOT IN"
                    + " (SELECT id FROM lane)"));
            LaneRecord lane = analysis.results().lanes().get(0);
            assertEquals(lane.sampleCount(), joined(analysis.results().lanePcm(lane.id())).length);
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void aDamagedPacketIndexIsReportedAsACaseErrorNamingTheLane() throws Exception {
        try (CaseService service = analysed(heplifyRtp()); LaneAudio audio = new LaneAudio(service)) {
            LaneRecord lane = new AnalysisService(service).results().lanes().get(0);
            byte[] index;
            try (PreparedStatement ps = service.caseFile().connection().prepareStatement(
                    "SELECT data FROM lane_packets WHERE lane_id = ? AND chunk_index = 0")) {
                ps.setLong(1, lane.id());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    index = rs.getBytes(1);
                }
            }
            assertTrue(index.length > 8);
            // Cut the last entry short.
            byte[] cut = java.util.Arrays.copyOf(index, index.length - 1);
            cut[cut.length - 1] |= (byte) 0x80;
            try (PreparedStatement ps = service.caseFile().connection().prepareStatement(
                    "UPDATE lane_packets SET data = ? WHERE lane_id = ? AND chunk_index = 0")) {
                ps.setBytes(1, cut);
                ps.setLong(2, lane.id());
                ps.executeUpdate();
            }
            CaseFileException e = assertThrows(CaseFileException.class, () -> audio.read(lane, 0, 100));
            assertTrue(e.getMessage().contains("packet index of lane " + lane.id() + " chunk 0 is damaged"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
