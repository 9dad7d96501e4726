package io.seamline.report;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.UtcTimes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failover case made from real tool output, as AudioAnalysisTest builds it: the sipp media-move
 * capture (a re-INVITE moves the media, 15.1 s without RTP) plus a "cloud recording" WAV assembled from
 * the capture's own decoded lanes at their capture-clock positions, so the recording has a dropout the
 * analysis ties to the media handoff. Built once per test run and copied for each test.
 */
final class FailoverCase {
    static final String RECORDING = "cloud-recording.wav";
    private static Path template;

    private FailoverCase() {
    }

    static Path capture() throws Exception {
        return Path.of(FailoverCase.class.getResource("/io/seamline/rtp/media-move/media-move.pcap").toURI());
    }

    /** A fresh copy of the analysed failover case in {@code dir}. */
    static synchronized Path copyInto(Path dir) throws Exception {
        if (template == null) {
            Path work = Files.createTempDirectory("seamline-failover-");
            // The template outlives every test's @TempDir; remove it when the test JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    ExportService.deleteTree(work);
                } catch (IOException ignored) {
                    // A leftover temporary folder is harmless.
                }
            }));
            template = build(work);
        }
        Path copy = dir.resolve("failover.seamline");
        Files.copy(template, copy);
        return copy;
    }

    private static Path build(Path dir) throws Exception {
        Path capture = capture();
        short[] recording;
        try (CaseService service = CaseService.create(new NewCaseRequest(dir.resolve("capture-only.seamline"), "t", "",
                "e", ZoneId.of("Europe/London")))) {
            service.importEvidence(new ImportRequest(List.of(capture), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            List<LaneRecord> lanes = analysis.results().lanes().stream()
                    .sorted(Comparator.comparing(LaneRecord::metadataStartUtc)).toList();
            LaneRecord first = lanes.get(0);
            LaneRecord second = lanes.get(1);
            long secondAt = Math.round(Duration.between(first.metadataStartUtc(), second.metadataStartUtc()).toNanos()
                    / 125_000.0);
            recording = new short[(int) (secondAt + second.sampleCount())];
            copyLane(analysis, first, recording, 0);
            copyLane(analysis, second, recording, (int) secondAt);
        }
        Path wav = dir.resolve(RECORDING);
        writeWav(wav, recording, 8000);
        Path casePath = dir.resolve("failover.seamline");
        try (CaseService service = CaseService.create(new NewCaseRequest(casePath, "Contact centre failover, 22 November",
                "CC-2026-0117", "Ada Examiner", ZoneId.of("Europe/London")))) {
            service.importEvidence(new ImportRequest(List.of(capture, wav), null, ""), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
        }
        return casePath;
    }

    /**
     * Records a stitch the way the stitching service does (a row in {@code stitch} with its custody entry
     * in one transaction): {@code output} stands for the stitched WAV; the manifest says the gap was taken
     * from an edge buffer with alignment confidence 0.98.
     */
    static String addStitch(CaseService service, Path output, Instant gapStart, Instant gapEnd) throws Exception {
        String sha = Sha256Sums.of(output);
        String manifest = "{\"output\":\"" + output.getFileName() + "\",\"sampleRateHz\":8000,\"segments\":["
                + "{\"source\":\"" + RECORDING + "\",\"startUtc\":\"" + UtcTimes.format(gapStart.minusSeconds(5))
                + "\",\"endUtc\":\"" + UtcTimes.format(gapStart) + "\"},"
                + "{\"source\":\"sbc01-edge-buffer.wav\",\"startUtc\":\"" + UtcTimes.format(gapStart)
                + "\",\"endUtc\":\"" + UtcTimes.format(gapEnd) + "\",\"confidence\":0.98},"
                + "{\"source\":\"" + RECORDING + "\",\"startUtc\":\"" + UtcTimes.format(gapEnd)
                + "\",\"endUtc\":\"" + UtcTimes.format(gapEnd.plusSeconds(5)) + "\"}]}";
        service.caseFile().inTransaction(c -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("outputPath", output.toString());
            details.put("sha256", sha);
            long seq = service.recordCustody("stitch", output.getFileName().toString(), details).seq();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stitch (created_utc, output_path, output_sha256,"
                    + " manifest, custody_seq) VALUES (?,?,?,?,?)")) {
                ps.setString(1, UtcTimes.format(UtcTimes.now()));
                ps.setString(2, output.toString());
                ps.setString(3, sha);
                ps.setString(4, manifest);
                ps.setLong(5, seq);
                ps.executeUpdate();
            }
            return null;
        });
        return manifest;
    }

    private static void copyLane(AnalysisService analysis, LaneRecord lane, short[] into, int at) throws Exception {
        int pos = at;
        for (byte[] chunk : analysis.results().lanePcm(lane.id())) {
            for (int i = 0; i + 1 < chunk.length && pos < into.length; i += 2) {
                into[pos++] = (short) ((chunk[i] & 0xff) | (chunk[i + 1] << 8));
            }
        }
    }

    /** A 16-bit mono PCM WAV (RIFF, little-endian). */
    static void writeWav(Path wav, short[] samples, int rateHz) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(out.capacity() - 8)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rateHz).putInt(rateHz * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short s : samples) {
            out.putShort(s);
        }
        Files.write(wav, out.array());
    }
}
