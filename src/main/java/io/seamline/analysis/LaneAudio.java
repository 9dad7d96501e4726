package io.seamline.analysis;

import io.seamline.audio.AudioReader;
import io.seamline.audio.OggOpusReader;
import io.seamline.audio.WavReader;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Sample-accurate read access to any lane's audio for playback, close-ups and stitching: capture lanes
 * are decoded chunk by chunk from their packet index and the vaulted capture (or read from their stored
 * PCM, see {@link AnalysisStore#lanePcmChunk}); recordings and edge buffers are decoded once from
 * the vaulted original into scratch files (deleted on {@link #close()}), never from the file on disk
 * the user imported. Decoded 16-bit samples come back as {@code s / 32768} exactly, so
 * {@code round(f * 32768)} restores each original sample bit for bit (stitching relies on it).
 */
public final class LaneAudio implements AutoCloseable {
    private final CaseService cases;
    private final AnalysisStore store;
    private final Map<Long, PcmScratchFile> decoded = new HashMap<>();
    private Path scratch;
    private long cachedLaneId = Long.MIN_VALUE;
    private int cachedIndex = -1;
    private short[] cachedChunk = new short[0];

    public LaneAudio(CaseService cases) {
        this.cases = cases;
        this.store = new AnalysisStore(cases.caseFile().connection());
    }

    /**
     * Reads {@code count} samples of a lane from {@code startSample} as floats in [-1, 1]; positions
     * outside the lane read as 0.
     */
    public float[] read(LaneRecord lane, long startSample, int count) throws CaseFileException {
        float[] out = new float[count];
        try {
            if (lane.kind().equals("capture")) {
                readCapture(lane, startSample, out);
            } else {
                source(lane).read(startSample, out, 0, count);
            }
        } catch (SQLException | IOException | UncheckedIOException e) {
            throw new CaseFileException(cases.caseFile().path(), "audio of lane " + lane.name() + " cannot be read: "
                    + e.getMessage(), e);
        }
        return out;
    }

    private void readCapture(LaneRecord lane, long startSample, float[] out) throws SQLException {
        int chunkSamples = CaptureDecoder.CHUNK_SAMPLES;
        long end = Math.min(startSample + out.length, lane.sampleCount());
        long from = Math.max(0, startSample);
        for (long chunkStart = from - from % chunkSamples; chunkStart < end; chunkStart += chunkSamples) {
            short[] data = captureChunk(lane.id(), (int) (chunkStart / chunkSamples));
            long a = Math.max(from, chunkStart);
            long b = Math.min(end, chunkStart + data.length);
            for (long p = a; p < b; p++) {
                out[(int) (p - startSample)] = data[(int) (p - chunkStart)] / 32768f;
            }
        }
    }

    /** One chunk's samples, with the last one read kept: callers read a lane in consecutive blocks. */
    private short[] captureChunk(long laneId, int index) throws SQLException {
        if (cachedLaneId != laneId || cachedIndex != index) {
            short[] samples = store.derivedChunk(laneId, index);
            if (samples == null) {
                byte[] pcm = store.lanePcmChunk(laneId, index).orElse(new byte[0]);
                samples = new short[pcm.length / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
                }
            }
            cachedChunk = samples;
            cachedLaneId = laneId;
            cachedIndex = index;
        }
        return cachedChunk;
    }

    private PcmScratchFile source(LaneRecord lane) throws CaseFileException, IOException {
        PcmScratchFile cached = decoded.get(lane.id());
        if (cached != null) {
            return cached;
        }
        Evidence e = cases.evidence(lane.evidenceId()).orElseThrow(() -> new CaseFileException(
                cases.caseFile().path(), "evidence " + lane.evidenceId() + " of lane " + lane.name() + " is missing"));
        if (scratch == null) {
            scratch = Files.createTempDirectory("seamline-audio-");
        }
        Path copy = scratch.resolve(e.id() + "-" + Path.of(e.originalName()).getFileName());
        if (!Files.exists(copy)) {
            try (InputStream in = cases.openOriginal(e.id())) {
                Files.copy(in, copy);
            }
        }
        try (AudioReader reader = e.format() == EvidenceFormat.OGG_OPUS ? OggOpusReader.open(copy)
                : WavReader.open(copy)) {
            int channels = reader.info().channelCount();
            PcmScratchFile[] files = new PcmScratchFile[channels];
            for (int c = 0; c < channels; c++) {
                files[c] = new PcmScratchFile(scratch.resolve("lane-" + e.id() + "-" + c + ".pcm"),
                        reader.info().sampleRateHz());
            }
            reader.streamTo((lanes, n) -> {
                for (int c = 0; c < channels; c++) {
                    files[c].append(lanes[c], n);
                }
            });
            for (PcmScratchFile f : files) {
                f.finishWritingOnce();
            }
            for (LaneRecord sibling : store.lanes()) {
                if (sibling.evidenceId() == e.id() && sibling.channel() < channels) {
                    decoded.put(sibling.id(), files[sibling.channel()]);
                }
            }
        } catch (SQLException sql) {
            throw new IOException(sql.getMessage(), sql);
        }
        PcmScratchFile file = decoded.get(lane.id());
        if (file == null) {
            throw new CaseFileException(cases.caseFile().path(), "lane " + lane.name() + " has no audio channel "
                    + lane.channel());
        }
        return file;
    }

    @Override
    public void close() {
        decoded.clear();
        if (scratch != null) {
            try (var paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // Scratch copies only; the case and the originals are unaffected.
            }
        }
    }
}
