package io.seamline.analysis;

import io.seamline.audio.AudioReader;
import io.seamline.audio.BwfStart;
import io.seamline.audio.OggOpusReader;
import io.seamline.audio.SampleEncoding;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one recording or edge buffer (a WAV straight from the case's evidence vault, or a file copied out of it
 * under its original name) in a single streamed pass: one lane per channel, each with its waveform pyramid, its
 * within-lane gap findings (dropout, silence, corrupt), its 10 ms energy envelope and a scratch copy of its samples
 * for alignment (for a mono 16-bit WAV, its own {@code data} chunk where it lies, not a copy). The start
 * time its metadata claims comes from the BWF {@code bext} chunk, a sidecar JSON, or the SBC's file
 * name, in that order.
 *
 * <p>{@link #read} touches no database, so several files can be read at once ({@link AudioEvidenceBatch});
 * {@link #store} then writes the lanes in evidence order, so lane ids do not depend on which file finished first.
 */
final class AudioEvidenceAnalyzer {
    /** A lane read from an audio evidence file, waiting for alignment. */
    record AudioLane(LaneRecord lane, PcmScratchFile samples, List<GapFinding> findings, List<String> warnings) {
    }

    /** Everything read from one file, before it is stored: one entry per channel in each list. */
    record FileRead(Evidence evidence, List<LaneRecord> lanes, List<byte[]> pyramids, List<PcmScratchFile> samples,
            List<GapFinding> findings, List<String> warnings) {
    }

    private final AnalysisStore store;
    private final GapThresholds thresholds;
    private final Connection vault;

    AudioEvidenceAnalyzer(AnalysisStore store, GapThresholds thresholds) {
        this(store, thresholds, null);
    }

    /**
     * @param store where {@link #store} writes
     * @param thresholds thresholds of the gap detectors
     * @param vault the case file's connection, for WAV evidence read in place ({@link #readVaulted}); null for none
     */
    AudioEvidenceAnalyzer(AnalysisStore store, GapThresholds thresholds, Connection vault) {
        this.store = store;
        this.thresholds = thresholds;
        this.vault = vault;
    }

    /** Whether {@link #readVaulted} can read this evidence in place (a WAV, RF64 or BWF file, with a vault). */
    boolean readsInPlace(Evidence evidence) {
        return vault != null && evidence.format() != EvidenceFormat.OGG_OPUS;
    }

    /** Reads and stores one file: {@link #store}({@link #read}). */
    List<AudioLane> analyze(Evidence evidence, Path audioFile, ZoneId caseZone, Path scratchDir)
            throws IOException, SQLException {
        return store(read(evidence, audioFile, caseZone, scratchDir));
    }

    /** Reads one file in one streamed pass; uses no database, safe to run for several files at once. */
    FileRead read(Evidence evidence, Path audioFile, ZoneId caseZone, Path scratchDir) throws IOException {
        return read(evidence, audioFile, false, caseZone, scratchDir);
    }

    /**
     * Reads one WAV evidence in one streamed pass straight from the vault ({@link #readsInPlace}); safe to run for
     * several files at once (vault reads hold the connection's monitor).
     *
     * @param audioFile where the file would lie if copied out under its original name: its name (the SBC's naming
     *     habit) and its folder (sidecars copied out beside it) are used, and errors name it; it need not exist
     */
    FileRead readVaulted(Evidence evidence, Path audioFile, ZoneId caseZone, Path scratchDir) throws IOException {
        return read(evidence, audioFile, true, caseZone, scratchDir);
    }

    private FileRead read(Evidence evidence, Path audioFile, boolean inPlace, ZoneId caseZone, Path scratchDir)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        try (AudioReader reader = inPlace ? WavReader.open(original(evidence), audioFile) : open(evidence, audioFile)) {
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

            SampleEncoding encoding = reader.info().encoding();
            // Mono 16-bit PCM WAV: the data chunk already is the scratch copy alignment reads.
            boolean mapData = reader instanceof WavReader wavData && channels == 1
                    && encoding == SampleEncoding.PCM_S16 && wavData.blockAlignBytes() == 2
                    && reader.info().frameCount() * 2 <= Integer.MAX_VALUE;
            LaneTaps taps = new LaneTaps(rate, channels, thresholds, exactIn16Bits(encoding),
                    mapData ? null : scratchDir.resolve("lane-" + evidence.id()));
            long frames = reader.streamTo(taps);
            warnings.addAll(reader.warnings());
            long dataOffset = mapData ? ((WavReader) reader).dataOffsetBytes() : 0;
            List<PcmScratchFile> samples = !mapData ? taps.finishScratch()
                    : List.of((inPlace ? PcmScratchFile.ofVaultedWavData(original(evidence), dataOffset, frames, rate)
                            : PcmScratchFile.ofWavData(audioFile, dataOffset, frames, rate))
                            .withEnvelope(taps.envelope(0)));
            List<LaneRecord> lanes = new ArrayList<>();
            List<byte[]> pyramids = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                String name = evidence.originalName() + (channels > 1 ? " ch" + (c + 1) : "");
                lanes.add(new LaneRecord(0, evidence.id(), c, name, evidence.kind().cliName(), callId, rate,
                        frames, start.orElse(null), startSource, encoding.name().toLowerCase(
                                java.util.Locale.ROOT) + ", " + rate + " Hz", List.of()));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                new WaveformPyramidWriter().write(taps.pyramid(c), bytes);
                pyramids.add(bytes.toByteArray());
            }
            return new FileRead(evidence, lanes, pyramids, samples, taps.findings(), warnings);
        }
    }

    /** Stores the lanes of one file read by {@link #read} and returns them with their ids, ready for alignment. */
    List<AudioLane> store(FileRead read) throws SQLException {
        if (vault == null) {
            return storeLanes(read);
        }
        // Other files may still be read from the vault on worker threads over the same connection.
        synchronized (vault) {
            return storeLanes(read);
        }
    }

    private List<AudioLane> storeLanes(FileRead read) throws SQLException {
        List<AudioLane> out = new ArrayList<>();
        for (int c = 0; c < read.lanes().size(); c++) {
            LaneRecord lane = read.lanes().get(c);
            long id = store.putLane(lane, read.pyramids().get(c));
            LaneRecord stored = new LaneRecord(id, lane.evidenceId(), c, lane.name(), lane.kind(), lane.callId(),
                    lane.sampleRateHz(), lane.sampleCount(), lane.metadataStartUtc(), lane.startSource(), lane.note(),
                    List.of());
            int channel = c;
            out.add(new AudioLane(stored, read.samples().get(c),
                    read.findings().stream().filter(f -> f.lane() == channel).toList(), read.warnings()));
        }
        return out;
    }

    /** Encodings whose samples are exactly a 16-bit value / 32768, so the scratch copy holds them unchanged. */
    private static boolean exactIn16Bits(SampleEncoding encoding) {
        return encoding == SampleEncoding.PCM_S16 || encoding == SampleEncoding.PCM_U8
                || encoding == SampleEncoding.MULAW || encoding == SampleEncoding.ALAW;
    }

    private VaultEvidenceReader original(Evidence evidence) {
        return new VaultEvidenceReader(vault, evidence.id(), evidence.sizeBytes());
    }

    private static AudioReader open(Evidence evidence, Path file) throws IOException {
        return evidence.format() == EvidenceFormat.OGG_OPUS ? OggOpusReader.open(file) : WavReader.open(file);
    }
}
