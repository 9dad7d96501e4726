package io.seamline.stitch;

import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.LaneRecord;
import io.seamline.audio.AudioReader;
import io.seamline.audio.OggOpusReader;
import io.seamline.audio.WavReader;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads any lane's samples exactly as 16-bit values for stitching: capture lanes from the case's stored
 * 16-bit PCM chunks, recordings and edge buffers decoded once from the vaulted original (never the file
 * the user imported) into 16-bit little-endian scratch files, deleted on {@link #close()}.
 *
 * <p>Stitching keeps its own decoder rather than {@code analysis.LaneAudio} because a sample copied
 * into the output must be bit-identical to the original: a 16-bit source sample {@code s} is decoded to
 * {@code s / 32768} and restored as {@code round(f * 32768)}, which returns {@code s} exactly.
 */
final class LaneSampleReader implements AutoCloseable {
    private final CaseService cases;
    private final AnalysisStore store;
    private final Map<Long, FileChannel[]> decoded = new HashMap<>();
    private final Map<Long, Long> decodedFrames = new HashMap<>();
    private final Map<Long, short[]> chunkCache = new HashMap<>();
    private final Map<Long, Integer> cachedChunk = new HashMap<>();
    private Path scratch;
    private final Map<Long, Integer> captureChunkSamples = new HashMap<>();

    LaneSampleReader(CaseService cases) {
        this.cases = cases;
        this.store = new AnalysisStore(cases.caseFile().connection());
    }

    /**
     * Reads {@code count} samples of {@code lane} from {@code startSample} (at the lane's rate) as
     * floats {@code s / 32768}; positions outside the lane read as 0.
     */
    float[] read(LaneRecord lane, long startSample, int count) throws CaseFileException {
        float[] out = new float[count];
        try {
            if (lane.kind().equals("capture")) {
                readCapture(lane, startSample, out);
            } else {
                readDecoded(lane, startSample, out);
            }
        } catch (IOException | SQLException e) {
            throw new CaseFileException(cases.caseFile().path(), "audio of lane " + lane.name() + " cannot be read: "
                    + e.getMessage(), e);
        }
        return out;
    }

    private void readCapture(LaneRecord lane, long startSample, float[] out) throws SQLException {
        Integer known = captureChunkSamples.get(lane.id());
        if (known == null) {
            // Every chunk but the last is full, so the first chunk's length is the lane's chunk size.
            known = Math.max(1, chunk(lane.id(), 0).length);
            captureChunkSamples.put(lane.id(), known);
        }
        long from = Math.max(0, startSample);
        long end = Math.min(startSample + out.length, lane.sampleCount());
        int size = known;
        for (long chunkStart = from - from % size; chunkStart < end; chunkStart += size) {
            int index = (int) (chunkStart / size);
            short[] chunk = chunk(lane.id(), index);
            long a = Math.max(from, chunkStart);
            long b = Math.min(end, chunkStart + chunk.length);
            for (long p = a; p < b; p++) {
                out[(int) (p - startSample)] = chunk[(int) (p - chunkStart)] / 32768f;
            }
        }
    }

    private short[] chunk(long laneId, int index) throws SQLException {
        Integer cached = cachedChunk.get(laneId);
        if (cached != null && cached == index) {
            return chunkCache.get(laneId);
        }
        byte[] data = store.lanePcmChunk(laneId, index).orElse(new byte[0]);
        short[] s = new short[data.length / 2];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        chunkCache.put(laneId, s);
        cachedChunk.put(laneId, index);
        return s;
    }

    private void readDecoded(LaneRecord lane, long startSample, float[] out) throws IOException, CaseFileException {
        FileChannel[] channels = decode(lane.evidenceId());
        if (lane.channel() >= channels.length) {
            throw new IOException("the file has no channel " + lane.channel());
        }
        long frames = decodedFrames.get(lane.evidenceId());
        long from = Math.max(0, startSample);
        long end = Math.min(startSample + out.length, frames);
        if (from >= end) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (end - from) * 2).order(ByteOrder.LITTLE_ENDIAN);
        FileChannel ch = channels[lane.channel()];
        long pos = from * 2;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("scratch copy ended early");
            }
            pos += n;
        }
        buf.flip();
        for (long p = from; p < end; p++) {
            out[(int) (p - startSample)] = buf.getShort() / 32768f;
        }
    }

    private FileChannel[] decode(long evidenceId) throws IOException, CaseFileException {
        FileChannel[] cached = decoded.get(evidenceId);
        if (cached != null) {
            return cached;
        }
        Evidence e = cases.evidence(evidenceId).orElseThrow(() -> new CaseFileException(cases.caseFile().path(),
                "evidence " + evidenceId + " named by the analysis is missing"));
        if (scratch == null) {
            scratch = Files.createTempDirectory("seamline-stitch-");
        }
        Path copy = scratch.resolve("evidence-" + e.id());
        try (InputStream in = cases.openOriginal(e.id())) {
            Files.copy(in, copy);
        }
        try (AudioReader reader = e.format() == EvidenceFormat.OGG_OPUS ? OggOpusReader.open(copy)
                : WavReader.open(copy)) {
            int n = reader.info().channelCount();
            FileChannel[] files = new FileChannel[n];
            for (int c = 0; c < n; c++) {
                files[c] = FileChannel.open(scratch.resolve("evidence-" + e.id() + "-" + c + ".s16"),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            ByteBuffer block = ByteBuffer.allocate(AudioReader.BLOCK_FRAMES * 2).order(ByteOrder.LITTLE_ENDIAN);
            long[] frames = new long[1];
            IOException[] failure = new IOException[1];
            reader.streamTo((lanes, count) -> {
                for (int c = 0; c < n && failure[0] == null; c++) {
                    block.clear();
                    for (int i = 0; i < count; i++) {
                        block.putShort(toPcm16(lanes[c][i]));
                    }
                    block.flip();
                    try {
                        while (block.hasRemaining()) {
                            files[c].write(block);
                        }
                    } catch (IOException io) {
                        failure[0] = io;
                    }
                }
                frames[0] += count;
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            decoded.put(evidenceId, files);
            decodedFrames.put(evidenceId, frames[0]);
            return files;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** A decoded sample as 16-bit: exact for 16-bit and G.711 sources, rounded for wider ones. */
    static short toPcm16(float f) {
        if (!Float.isFinite(f)) {
            return 0;
        }
        long s = Math.round(f * 32768.0);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
    }

    @Override
    public void close() {
        for (FileChannel[] files : decoded.values()) {
            for (FileChannel f : files) {
                try {
                    f.close();
                } catch (IOException ignored) {
                    // Scratch copy only; closing it cannot affect the case or the output.
                }
            }
        }
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
