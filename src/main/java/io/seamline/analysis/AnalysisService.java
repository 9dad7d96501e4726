package io.seamline.analysis;

import io.seamline.capture.CaptureFormatException;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.DerivedTables;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceKind;
import io.seamline.casefile.SeamlineVersion;
import io.seamline.casefile.TaskMonitor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The {@code analyze} operation both front ends call: reads every capture (and, with the audio
 * analysis, every recording) from the vault, replaces the case's derived tables in one transaction,
 * and records the run in the custody log with a digest of what it wrote.
 */
public final class AnalysisService {
    private final CaseService cases;

    public AnalysisService(CaseService cases) {
        this.cases = cases;
    }

    /** Read access to the stored results. */
    public AnalysisStore results() {
        return new AnalysisStore(cases.caseFile().connection());
    }

    /** Analyses the whole case; on any error or cancellation the previous results stay as they were. */
    public AnalysisSummary analyze(TaskMonitor monitor) throws CaseFileException, CancelledException {
        List<Evidence> evidence = cases.evidence();
        long totalBytes = evidence.stream().filter(e -> e.kind() == EvidenceKind.CAPTURE)
                .mapToLong(Evidence::sizeBytes).sum();
        AtomicLong done = new AtomicLong();
        return cases.caseFile().inTransaction(c -> {
            DerivedTables.clear(c);
            AnalysisStore store = new AnalysisStore(c);
            List<String> warnings = new ArrayList<>();
            List<Map<String, Object>> perEvidence = new ArrayList<>();
            int captures = 0;
            long frames = 0;
            int calls = 0;
            int messages = 0;
            int streams = 0;
            int handoffs = 0;
            for (Evidence e : evidence) {
                if (e.kind() != EvidenceKind.CAPTURE) {
                    continue;
                }
                long before = done.get();
                LongConsumer progress = bytesRead -> {
                    if (monitor.isCancelled()) {
                        throw new CancelSignal();
                    }
                    done.set(before + bytesRead);
                    monitor.progress("analyze", done.get(), totalBytes);
                };
                CaptureEvidenceAnalyzer.Outcome outcome;
                try (InputStream in = cases.openOriginal(e.id())) {
                    outcome = new CaptureEvidenceAnalyzer(store).analyze(e, in, progress);
                } catch (CaptureFormatException bad) {
                    throw new CaseFileException(Path.of(e.originalName()), "evidence " + e.id() + ": "
                            + bad.getMessage() + "; the case is unchanged", bad);
                } catch (CancelSignal cancelled) {
                    throw new CancelledException("analysis");
                }
                captures++;
                frames += outcome.frames();
                calls += outcome.calls();
                messages += outcome.messages();
                streams += outcome.streams();
                handoffs += outcome.handoffs();
                for (String w : outcome.warnings()) {
                    warnings.add(e.originalName() + ": " + w);
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("evidenceId", e.id());
                item.put("sha256", e.sha256());
                item.put("frames", outcome.frames());
                item.put("calls", outcome.calls());
                item.put("streams", outcome.streams());
                item.put("handoffs", outcome.handoffs());
                perEvidence.add(item);
            }
            int gaps = analyzeAudio(evidence, store, warnings, perEvidence, monitor);
            int lanes = store.lanes().size();
            Map<String, Object> derived = DerivedTables.custodyDetails(c);
            String digest = (String) derived.get(DerivedTables.DIGEST_FIELD);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("toolVersion", SeamlineVersion.get());
            details.put("evidence", perEvidence);
            details.put("warnings", warnings);
            details.putAll(derived);
            cases.recordCustody("analyze", "case", details);
            return new AnalysisSummary(captures, frames, calls, messages, streams, handoffs, lanes, gaps, warnings,
                    digest);
        });
    }

    /**
     * Reads every recording and edge buffer into lanes, then aligns all lanes and stores the gaps.
     * WAV audio is read straight from the vault; other audio and the JSON sidecars are copied out under their
     * original names into a scratch folder (file-name conventions and sidecars depend on the name) that is
     * deleted afterwards.
     */
    private int analyzeAudio(List<Evidence> evidence, AnalysisStore store, List<String> warnings,
            List<Map<String, Object>> perEvidence, TaskMonitor monitor)
            throws java.sql.SQLException, java.io.IOException, CaseFileException, CancelledException {
        List<Evidence> audio = evidence.stream()
                .filter(e -> e.kind() == EvidenceKind.RECORDING || e.kind() == EvidenceKind.EDGE_BUFFER).toList();
        Path scratch = java.nio.file.Files.createTempDirectory("seamline-analysis-");
        try {
            for (Evidence e : evidence) {
                if (e.format() == io.seamline.casefile.EvidenceFormat.JSON) {
                    copyOut(e, scratch);
                }
            }
            java.time.ZoneId zone = cases.info().timeZone();
            GapThresholds thresholds = GapThresholds.defaults();
            List<AudioEvidenceAnalyzer.AudioLane> lanes = new ArrayList<>();
            int done = 0;
            List<Path> files = new ArrayList<>();
            AudioEvidenceAnalyzer analyzer = new AudioEvidenceAnalyzer(store, thresholds, cases.caseFile().connection());
            java.util.Set<Path> placed = new java.util.HashSet<>();
            try (AudioEvidenceBatch batch = new AudioEvidenceBatch(analyzer, zone, scratch, audio.size())) {
                // Files are read on worker threads: a WAV straight from the vault, anything else copied out first.
                for (Evidence e : audio) {
                    if (monitor.isCancelled()) {
                        throw new CancelledException("analysis");
                    }
                    monitor.progress("audio", done++, audio.size());
                    Path file = placeFor(e, scratch, placed);
                    files.add(file);
                    if (analyzer.readsInPlace(e)) {
                        batch.submitVaulted(e, file);
                    } else {
                        copyTo(e, file);
                        batch.submit(e, file);
                    }
                }
                for (int i = 0; i < audio.size(); i++) {
                    Evidence e = audio.get(i);
                    if (monitor.isCancelled()) {
                        throw new CancelledException("analysis");
                    }
                    List<AudioEvidenceAnalyzer.AudioLane> read;
                    try {
                        read = batch.next();
                    } catch (io.seamline.audio.AudioFormatException bad) {
                        throw new CaseFileException(Path.of(e.originalName()), "evidence " + e.id() + ": "
                                + bad.getMessage().replace(files.get(i).toString() + ": ", "")
                                + "; the case is unchanged", bad);
                    }
                    lanes.addAll(read);
                    if (!read.isEmpty()) {
                        for (String w : read.get(0).warnings()) {
                            warnings.add(e.originalName() + ": " + w);
                        }
                    }
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("evidenceId", e.id());
                    item.put("sha256", e.sha256());
                    item.put("lanes", read.size());
                    perEvidence.add(item);
                }
            }
            monitor.progress("align", 0, 1);
            return new CaseAlignment(store, CaseAlignment.Parameters.defaults(), thresholds).run(lanes, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Where an audio file is copied out, or would lie when it is read in place: its original name, or the name
     * prefixed with the evidence id when a sidecar or an earlier audio file already has it.
     */
    private static Path placeFor(Evidence e, Path dir, java.util.Set<Path> placed) {
        String name = Path.of(e.originalName()).getFileName().toString();
        Path target = dir.resolve(name);
        if (java.nio.file.Files.exists(target) || placed.contains(target)) {
            target = dir.resolve(e.id() + "-" + name);
        }
        placed.add(target);
        return target;
    }

    private Path copyOut(Evidence e, Path dir) throws CaseFileException, java.io.IOException {
        String name = Path.of(e.originalName()).getFileName().toString();
        Path target = dir.resolve(name);
        if (java.nio.file.Files.exists(target)) {
            target = dir.resolve(e.id() + "-" + name);
        }
        copyTo(e, target);
        return target;
    }

    private void copyTo(Evidence e, Path target) throws CaseFileException, java.io.IOException {
        // Whole vault chunks in one write each: Files.copy's 8 KB writes cost more than the vault read.
        try (InputStream in = cases.openOriginal(e.id());
                java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(target,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[io.seamline.casefile.EvidenceVault.CHUNK_BYTES];
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // A scratch folder left in the temp directory holds only copies; the case is unaffected.
        }
    }

    /** Thrown from inside a capture pass when the user cancels; never escapes this class. */
    private static final class CancelSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelSignal() {
            super("cancelled", null, false, false);
        }
    }
}
