package io.seamline.analysis;

import io.seamline.casefile.Evidence;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads audio evidence files on up to twice as many threads as there are processors (each file in one streamed pass,
 * {@link AudioEvidenceAnalyzer#read}, a WAV straight from the vault) while the caller submits the next one, and hands the lanes
 * back stored in the order the files were submitted, so results and lane ids are the same as reading them one by
 * one. Close it to stop reads still running.
 */
final class AudioEvidenceBatch implements AutoCloseable {
    private final AudioEvidenceAnalyzer analyzer;
    private final ZoneId caseZone;
    private final Path scratchDir;
    private final ExecutorService pool;
    private final Deque<Future<AudioEvidenceAnalyzer.FileRead>> pending = new ArrayDeque<>();

    /**
     * @param analyzer reads and stores each file
     * @param caseZone zone for local times in metadata
     * @param scratchDir folder for scratch copies
     * @param files number of files that will be submitted (bounds the threads)
     */
    AudioEvidenceBatch(AudioEvidenceAnalyzer analyzer, ZoneId caseZone, Path scratchDir, int files) {
        this.analyzer = analyzer;
        this.caseZone = caseZone;
        this.scratchDir = scratchDir;
        // One thread per file up to twice the processors: files differ in length, and the scheduler evens out
        // two 8 kHz files and one 16 kHz file on two cores better than a queue of whole files does.
        int threads = Math.max(1, Math.min(files, 2 * Runtime.getRuntime().availableProcessors()));
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "seamline-audio-read");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reading {@code audioFile} (the copy of {@code evidence}) on a worker thread. */
    void submit(Evidence evidence, Path audioFile) {
        pending.add(pool.submit(() -> analyzer.read(evidence, audioFile, caseZone, scratchDir)));
    }

    /**
     * Starts reading {@code evidence} straight from the vault on a worker thread
     * ({@link AudioEvidenceAnalyzer#readVaulted}); {@code audioFile} is where a copy would lie.
     */
    void submitVaulted(Evidence evidence, Path audioFile) {
        pending.add(pool.submit(() -> analyzer.readVaulted(evidence, audioFile, caseZone, scratchDir)));
    }

    /**
     * Waits for the earliest submitted file still pending and stores its lanes.
     *
     * @throws IOException what reading that file threw (an {@link io.seamline.audio.AudioFormatException} for a
     *     malformed file)
     */
    List<AudioEvidenceAnalyzer.AudioLane> next() throws IOException, SQLException {
        Future<AudioEvidenceAnalyzer.FileRead> next = pending.remove();
        AudioEvidenceAnalyzer.FileRead read;
        try {
            read = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading audio evidence", e);
        } catch (CancellationException e) {
            throw new IOException("reading audio evidence was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException run) {
                throw run;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
        return analyzer.store(read);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
