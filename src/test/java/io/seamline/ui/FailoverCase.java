package io.seamline.ui;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Builds the failover case the window tests open, as {@code AudioAnalysisTest} does: the media-move
 * capture (a real sipp call whose media moves with a re-INVITE, 15.1 s without RTP) and a cloud
 * recording made from the capture's two decoded lanes laid end to end with the handoff kept as zeros,
 * both imported and analysed. The analysis finds a dropout caused by the media handoff.
 */
final class FailoverCase {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private FailoverCase() {
    }

    static Path mediaMove() throws Exception {
        return Path.of(FailoverCase.class.getResource("/io/seamline/rtp/media-move/media-move.pcap").toURI());
    }

    /** Creates, fills and analyses the case in {@code dir}; returns its path. */
    static Path build(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path capture = mediaMove();
        short[] recording;
        try (CaseService service = CaseService.create(new NewCaseRequest(dir.resolve("capture-only.seamline"),
                "scratch", "", "tester", LONDON))) {
            service.importEvidence(new ImportRequest(List.of(capture), null, ""), TaskMonitor.NONE);
            AnalysisService analysis = new AnalysisService(service);
            analysis.analyze(TaskMonitor.NONE);
            List<LaneRecord> lanes = analysis.results().lanes().stream()
                    .sorted((a, b) -> a.metadataStartUtc().compareTo(b.metadataStartUtc())).toList();
            LaneRecord first = lanes.get(0);
            LaneRecord second = lanes.get(1);
            long secondAt = samples(first.metadataStartUtc(), second.metadataStartUtc());
            recording = new short[(int) (secondAt + second.sampleCount())];
            copy(analysis.results().lanePcm(first.id()), recording, 0);
            copy(analysis.results().lanePcm(second.id()), recording, (int) secondAt);
        }
        Path wav = dir.resolve("cloud-recording.wav");
        writeWav(wav, recording, 8000);
        Path casePath = dir.resolve("failover.seamline");
        try (CaseService service = CaseService.create(new NewCaseRequest(casePath, "Failover on call 4711",
                "C-4711", "Dana Examiner", LONDON))) {
            service.importEvidence(new ImportRequest(List.of(capture, wav), null, ""), TaskMonitor.NONE);
            new AnalysisService(service).analyze(TaskMonitor.NONE);
        }
        return casePath;
    }

    /** Writes 16-bit little-endian mono PCM as a WAV file. */
    static void writeWav(Path wav, short[] samples, int rateHz) throws IOException {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat format = new AudioFormat(rateHz, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }

    private static long samples(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toNanos() / 125_000.0);
    }

    private static void copy(List<byte[]> chunks, short[] into, int at) {
        int pos = at;
        for (byte[] chunk : chunks) {
            for (int i = 0; i + 1 < chunk.length && pos < into.length; i += 2) {
                into[pos++] = (short) ((chunk[i] & 0xff) | (chunk[i + 1] << 8));
            }
        }
    }
}
