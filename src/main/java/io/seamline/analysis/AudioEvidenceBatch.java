package io.seamline.analysis;

import io.seamline.casefile.Evidence;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Reads audio evidence files on one thread per processor (each file in one streamed pass,
 * {@link AudioEvidenceAnalyzer#read}, a WAV straight from the vault), largest file first, and hands the lanes back
 * stored in the order the files were submitted, so results and lane ids are the same as reading them one by one.
 * Close it to stop reads still running.
 */
final class AudioEvidenceBatch implements AutoCloseable {
    private final AudioEvidenceAnalyzer analyzer;
    private final ZoneId caseZone;
    private final Path scratchDir;
    private final ExecutorService pool;
    /** Reads in submission order, the order {@link #next} hands them back. */
    private final Deque<FutureTask<AudioEvidenceAnalyzer.FileRead>> pending = new ArrayDeque<>();
    /** Reads not started yet, with the size of their file. */
    private final List<Waiting> waiting = new ArrayList<>();

    private record Waiting(FutureTask<AudioEvidenceAnalyzer.FileRead> task, long sizeBytes) {
    }

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
        // One thread per processor, the largest file first (longest processing time first, Graham 1969): two 8 kHz
        // files and one 16 kHz file end together on two cores, where a thread per file leaves one core idle while
        // the 16 kHz file finishes alone.
        int threads = Math.max(1, Math.min(files, Runtime.getRuntime().availableProcessors()));
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "seamline-audio-read");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues reading {@code audioFile} (the copy of {@code evidence}); reads start at the first {@link #next}. */
    void submit(Evidence evidence, Path audioFile) {
        queue(evidence, () -> analyzer.read(evidence, audioFile, caseZone, scratchDir));
    }

    /**
     * Queues reading {@code evidence} straight from the vault ({@link AudioEvidenceAnalyzer#readVaulted});
     * {@code audioFile} is where a copy would lie. Reads start at the first {@link #next}.
     */
    void submitVaulted(Evidence evidence, Path audioFile) {
        queue(evidence, () -> analyzer.readVaulted(evidence, audioFile, caseZone, scratchDir));
    }

    private void queue(Evidence evidence, Callable<AudioEvidenceAnalyzer.FileRead> read) {
        FutureTask<AudioEvidenceAnalyzer.FileRead> task = new FutureTask<>(() -> {
            AudioEvidenceAnalyzer.FileRead done = read.call();
            // Queued behind the reads still waiting: a thread with no file left computes them while the other
            // threads read, and alignment then finds them ready.
            for (PcmScratchFile samples : done.samples()) {
                samples.prepareEnvelopeSpectrum(pool);
            }
            return done;
        });
        pending.add(task);
        waiting.add(new Waiting(task, evidence.sizeBytes()));
    }

    /** Starts every queued read, largest file first (the sort is stable: equal sizes keep their order). */
    private void startWaiting() {
        waiting.sort(Comparator.comparingLong(Waiting::sizeBytes).reversed());
        for (Waiting w : waiting) {
            pool.execute(w.task());
        }
        waiting.clear();
    }

    /**
     * Waits for the earliest submitted file still pending and stores its lanes.
     *
     * @throws IOException what reading that file threw (an {@link io.seamline.audio.AudioFormatException} for a
     *     malformed file)
     */
    List<AudioEvidenceAnalyzer.AudioLane> next() throws IOException, SQLException {
        startWaiting();
        FutureTask<AudioEvidenceAnalyzer.FileRead> next = pending.remove();
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

    /**
     * Stops reads still running or waiting; envelope spectra already queued still run (alignment would otherwise
     * compute them itself), and the threads end when the queue is empty.
     */
    @Override
    public void close() {
        for (Waiting w : waiting) {
            w.task().cancel(true);
        }
        for (FutureTask<AudioEvidenceAnalyzer.FileRead> task : pending) {
            task.cancel(true);
        }
        pool.shutdown();
    }
}
