package io.seamline.analysis;

import io.seamline.audio.AudioReader;
import io.seamline.audio.BwfStart;
import io.seamline.audio.OggOpusReader;
import io.seamline.audio.SidecarMetadata;
import io.seamline.audio.SidecarMetadataReader;
import io.seamline.audio.WavReader;
import io.seamline.audio.WaveformPyramidBuilder;
import io.seamline.audio.WaveformPyramidWriter;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one recording or edge buffer (already copied out of the vault under its original name) in a
 * single streamed pass: one lane per channel, each with its waveform pyramid, its within-lane gap
 * findings (dropout, silence, corrupt) and a scratch copy of its samples for alignment. The start
 * time its metadata claims comes from the BWF {@code bext} chunk, a sidecar JSON, or the SBC's file
 * name, in that order.
 */
final class AudioEvidenceAnalyzer {
    /** A lane read from an audio evidence file, waiting for alignment. */
    record AudioLane(LaneRecord lane, PcmScratchFile samples, List<GapFinding> findings, List<String> warnings) {
    }

    private final AnalysisStore store;
    private final GapThresholds thresholds;

    AudioEvidenceAnalyzer(AnalysisStore store, GapThresholds thresholds) {
        this.store = store;
        this.thresholds = thresholds;
    }

    List<AudioLane> analyze(Evidence evidence, Path audioFile, ZoneId caseZone, Path scratchDir)
            throws IOException, SQLException {
        List<String> warnings = new ArrayList<>();
        try (AudioReader reader = open(evidence, audioFile)) {
            int rate = reader.info().sampleRateHz();
            int channels = reader.info().channelCount();
            Optional<Instant> start = Optional.empty();
            String startSource = "unknown";
            String callId = "";
            if (reader instanceof WavReader wav && wav.metadata().bext().isPresent()) {
                BwfStart bwf = wav.metadata().bext().get().startInstant(rate, caseZone);
                warnings.addAll(bwf.warnings());
                if (bwf.startUtc().isPresent()) {
                    start = bwf.startUtc();
                    startSource = "bext";
                }
            }
            SidecarMetadata sidecar = new SidecarMetadataReader().read(audioFile, caseZone);
            warnings.addAll(sidecar.warnings());
            if (start.isEmpty() && sidecar.startUtc().isPresent()) {
                start = sidecar.startUtc();
                startSource = String.join("+", sidecar.sources());
            }
            callId = sidecar.callId().orElse("");

            WaveformPyramidBuilder[] pyramids = new WaveformPyramidBuilder[channels];
            PcmScratchFile[] scratch = new PcmScratchFile[channels];
            for (int c = 0; c < channels; c++) {
                pyramids[c] = new WaveformPyramidBuilder(rate, 1);
                scratch[c] = new PcmScratchFile(scratchDir.resolve("lane-" + evidence.id() + "-" + c + ".pcm"), rate);
            }
            AllLanesGapDetector gaps = new AllLanesGapDetector(rate, channels, thresholds);
            long frames = reader.streamTo(gaps, (lanes, n) -> {
                for (int c = 0; c < channels; c++) {
                    pyramids[c].accept(new float[][] {lanes[c]}, n);
                    scratch[c].append(lanes[c], n);
                }
            });
            warnings.addAll(reader.warnings());
            List<GapFinding> findings = gaps.finish();
            List<AudioLane> out = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                String name = evidence.originalName() + (channels > 1 ? " ch" + (c + 1) : "");
                LaneRecord lane = new LaneRecord(0, evidence.id(), c, name, evidence.kind().cliName(), callId, rate,
                        frames, start.orElse(null), startSource, reader.info().encoding().name().toLowerCase(
                                java.util.Locale.ROOT) + ", " + rate + " Hz", List.of());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                new WaveformPyramidWriter().write(pyramids[c].build(), bytes);
                long id = store.putLane(lane, bytes.toByteArray());
                LaneRecord stored = new LaneRecord(id, lane.evidenceId(), c, name, lane.kind(), callId, rate, frames,
                        lane.metadataStartUtc(), startSource, lane.note(), List.of());
                int channel = c;
                out.add(new AudioLane(stored, scratch[c].finishWriting(),
                        findings.stream().filter(f -> f.lane() == channel).toList(), warnings));
            }
            return out;
        }
    }

    private static AudioReader open(Evidence evidence, Path file) throws IOException {
        return evidence.format() == EvidenceFormat.OGG_OPUS ? OggOpusReader.open(file) : WavReader.open(file);
    }
}
