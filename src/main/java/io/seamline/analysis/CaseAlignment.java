package io.seamline.analysis;

import io.seamline.casefile.UtcTimes;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts every audio lane on the case's reference clock and turns what each lane lacks into gaps with
 * causes.
 *
 * <p>The reference is the capture clock when the case has a capture (the decoded capture lanes of
 * the call mixed on that clock), otherwise the lane with the earliest trusted start time (an edge
 * buffer's {@code bext} first). Each lane is placed coarsely by its metadata and then exactly by
 * GCC-PHAT cross-correlation ({@link Aligner}); a lane that was cut and joined shows an offset jump
 * ({@link SpliceDetector}). A gap's cause comes from the other evidence: a media handoff in the
 * capture, a hold, RTP loss, a recorder that started late, or unknown.
 */
final class CaseAlignment {
    /** Parameters of alignment, stated in every result. */
    record Parameters(double metadataSearchSeconds, double flagOffsetMs, double lateStartToleranceMs,
            double minMissingMs, double minQuietHoldSeconds, double quietHoldBelowDb) {
        static Parameters defaults() {
            return new Parameters(10.0, 500.0, 1000.0, 20.0, 2.0, 20.0);
        }
    }

    private final AnalysisStore store;
    private final Parameters parameters;
    private final GapThresholds thresholds;

    CaseAlignment(AnalysisStore store, Parameters parameters, GapThresholds thresholds) {
        this.store = store;
        this.parameters = parameters;
        this.thresholds = thresholds;
    }

    /** The reference signal and the instant of its first sample. */
    private record Reference(CorrelationInput signal, Instant startUtc, String name, LaneRecord lane) {
    }

    /** Aligns and stores alignment and gaps; returns the number of gaps stored. */
    int run(List<AudioEvidenceAnalyzer.AudioLane> audio, Path scratchDir) throws SQLException, IOException {
        List<LaneRecord> captureLanes = store.lanes().stream().filter(l -> l.kind().equals("capture")).toList();
        List<CallRecord> calls = store.calls();
        List<EventRecord> events = store.events();
        List<StreamRecord> streams = store.streams();
        for (LaneRecord l : captureLanes) {
            store.putAlignment(new AlignmentRecord(l.id(), l.name(), l.evidenceId(), l.metadataStartUtc(), 0, 0, 0, 1,
                    "capture clock", false, "capture clock"));
        }
        if (audio.isEmpty()) {
            return 0;
        }
        Optional<CallRecord> call = chooseCall(audio, calls);
        Reference reference = captureLanes.isEmpty() ? earliestTrusted(audio)
                : captureMix(captureLanes, call.map(CallRecord::callId).orElse(""), scratchDir);
        int gapCount = 0;
        int refRate = reference.signal().sampleRateHz();
        List<Placement> placements = placeAll(reference, audio);
        Map<Long, Double> missingByLane = new java.util.HashMap<>();
        for (int index = 0; index < audio.size(); index++) {
            AudioEvidenceAnalyzer.AudioLane a = audio.get(index);
            LaneRecord lane = a.lane();
            Instant aligned;
            AlignmentRecord record;
            if (placements.get(index) == null) {
                aligned = lane.metadataStartUtc();
                record = new AlignmentRecord(lane.id(), lane.name(), lane.evidenceId(), aligned, 0, 0, 0, 1,
                        "reference (" + lane.startSource() + ")", false, reference.name());
            } else {
                long coarse = placements.get(index).coarse();
                AlignmentResult result = placements.get(index).result();
                boolean correlated = result.method() != AlignmentMethod.METADATA_ONLY;
                List<SpliceFinding> cuts = placements.get(index).cuts();
                double offsetRefSamples = !correlated ? coarse
                        : cuts.isEmpty() ? result.refinedOffsetSamples() : cuts.get(0).offsetBeforeSamples();
                aligned = reference.startUtc() == null ? null : plusSeconds(reference.startUtc(),
                        offsetRefSamples / refRate);
                double correctionMs = lane.metadataStartUtc() == null || aligned == null ? 0
                        : seconds(lane.metadataStartUtc(), aligned) * 1000;
                long correctionSamples = Math.round(correctionMs * lane.sampleRateHz() / 1000);
                boolean flagged = lane.metadataStartUtc() != null && Math.abs(correctionMs) > parameters.flagOffsetMs();
                String method = result.method().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + (lane.metadataStartUtc() == null ? " (no start time in metadata)" : " from " + lane.startSource());
                record = new AlignmentRecord(lane.id(), lane.name(), lane.evidenceId(), aligned, round3(correctionMs),
                        correctionSamples, round3(result.driftPpm()), round3(result.confidence()), method, flagged,
                        reference.name());
                for (SpliceFinding s : cuts) {
                    if (aligned == null) {
                        break;
                    }
                    double laneSec = s.lanePositionSeconds();
                    Instant startUtc = plusSeconds(reference.startUtc(), (s.offsetBeforeSamples()
                            + s.lanePositionSamples()) / (double) refRate);
                    Instant endUtc = plusSeconds(startUtc, s.missingSeconds());
                    store.putGap(withCause(lane, startUtc, endUtc, laneSec, laneSec, s.missingSeconds(),
                            GapKind.MISSING_SPAN, s.confidence(), events, streams, alignmentParameters()));
                    missingByLane.merge(lane.id(), s.missingSeconds(), Double::sum);
                    gapCount++;
                }
            }
            store.putAlignment(record);
            if (aligned == null) {
                continue;
            }
            for (GapFinding f : a.findings()) {
                double startSec = f.startSample() / (double) f.sampleRateHz();
                double endSec = f.endSample() / (double) f.sampleRateHz();
                store.putGap(withCause(lane, plusSeconds(aligned, startSec), plusSeconds(aligned, endSec), startSec,
                        endSec, endSec - startSec, f.kind(), f.confidence(), events, streams, thresholdMap()));
                gapCount++;
            }
            gapCount += quietHolds(a, aligned, events, streams);
            double missingSec = missingByLane.getOrDefault(lane.id(), 0.0);
            gapCount += callEdges(lane, aligned, missingSec, call, events, streams);
        }
        return gapCount;
    }

    /** Where one lane sits on the reference: its coarse offset from metadata, the alignment and any cuts. */
    private record Placement(long coarse, AlignmentResult result, List<SpliceFinding> cuts) {
    }

    /**
     * Places every lane but the reference on it, one lane per thread on up to twice as many threads as there are processors
     * (each with its own {@link Aligner} and {@link SpliceDetector}, which are not thread-safe; the signals are only
     * read); null for the reference lane. The result of each lane depends only on its own signal and the
     * reference's, so it is the same as placing the lanes one after the other.
     */
    private List<Placement> placeAll(Reference reference, List<AudioEvidenceAnalyzer.AudioLane> audio) {
        int threads = Math.max(1, Math.min(audio.size(), 2 * Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "seamline-align");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Placement>> futures = new ArrayList<>();
            for (AudioEvidenceAnalyzer.AudioLane a : audio) {
                boolean isReference = reference.lane() != null && reference.lane().id() == a.lane().id();
                futures.add(isReference ? null : pool.submit(() -> place(reference, a)));
            }
            List<Placement> out = new ArrayList<>();
            for (java.util.concurrent.Future<Placement> f : futures) {
                out.add(f == null ? null : f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while aligning lanes", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException run) {
                throw run;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("aligning a lane failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Placement place(Reference reference, AudioEvidenceAnalyzer.AudioLane a) {
        LaneRecord lane = a.lane();
        int refRate = reference.signal().sampleRateHz();
        long coarse = 0;
        long search;
        if (lane.metadataStartUtc() != null && reference.startUtc() != null) {
            coarse = Math.round(seconds(reference.startUtc(), lane.metadataStartUtc()) * refRate);
            search = Math.round(parameters.metadataSearchSeconds() * refRate);
        } else {
            search = reference.signal().lengthSamples() + Math.round(lane.durationSec() * refRate);
        }
        AlignmentResult result = new Aligner().align(reference.signal(), a.samples(), coarse, search);
        boolean correlated = result.method() != AlignmentMethod.METADATA_ONLY;
        List<SpliceFinding> cuts = List.of();
        if (correlated && mayBeCut(result)) {
            // The whole-lane offset follows the longest stretch; a lane cut and joined has several.
            cuts = new SpliceDetector().detect(reference.signal(), a.samples(), coarse, search).splices().stream()
                    .filter(s -> s.kind() == SpliceFinding.Kind.SPLICE
                            && s.missingSeconds() * 1000 >= parameters.minMissingMs())
                    .toList();
        }
        return new Placement(coarse, result, cuts);
    }

    /**
     * A hold (SDP sendonly/inactive until a resume) during which the recording is far quieter than its
     * own average is reported as silence caused by the hold, so the quiet stretch is explained and never
     * mistaken for a failover: the "Pause Recording on Hold" confusion in the field documents.
     */
    private int quietHolds(AudioEvidenceAnalyzer.AudioLane a, Instant aligned, List<EventRecord> events,
            List<StreamRecord> streams) throws SQLException {
        LaneRecord lane = a.lane();
        int count = 0;
        // The whole lane's level is read only once a hold asks for it: most cases have none.
        double laneDb = Double.NaN;
        for (int i = 0; i < events.size(); i++) {
            EventRecord hold = events.get(i);
            if (!hold.getKind().equals("hold")) {
                continue;
            }
            Instant resume = null;
            for (int j = i + 1; j < events.size() && resume == null; j++) {
                if (events.get(j).getKind().equals("resume") && events.get(j).getCallId().equals(hold.getCallId())) {
                    resume = events.get(j).getTimeUtc();
                }
            }
            double fromSec = Math.max(0, seconds(aligned, hold.getTimeUtc()));
            double toSec = Math.min(lane.durationSec(), resume == null ? lane.durationSec()
                    : seconds(aligned, resume));
            if (toSec - fromSec < parameters.minQuietHoldSeconds()) {
                continue;
            }
            long from = Math.round(fromSec * lane.sampleRateHz());
            long to = Math.round(toSec * lane.sampleRateHz());
            double holdDb = levelDb(a.samples(), from, to);
            if (Double.isNaN(laneDb)) {
                laneDb = levelDb(a.samples(), 0, lane.sampleCount());
            }
            if (holdDb > laneDb - parameters.quietHoldBelowDb()) {
                continue;
            }
            Map<String, Object> stated = alignmentParameters();
            stated.put("holdLevelDbfs", round3(holdDb));
            stated.put("laneLevelDbfs", round3(laneDb));
            store.putGap(withCause(lane, plusSeconds(aligned, fromSec), plusSeconds(aligned, toSec), fromSec, toSec,
                    toSec - fromSec, GapKind.SILENCE, 0.9, events, streams, stated));
            count++;
        }
        return count;
    }

    private static double levelDb(PcmScratchFile samples, long from, long to) {
        double sum = 0;
        long n = Math.max(1, to - from);
        // In blocks: a vaulted lane is read a block at a time. A 16-bit value / 32768 is exact in float and double.
        float[] block = new float[1 << 16];
        for (long p = from; p < to; p += block.length) {
            int count = (int) Math.min(block.length, to - p);
            samples.read(p, block, 0, count);
            for (int i = 0; i < count; i++) {
                double v = block[i];
                sum += v * v;
            }
        }
        return 10 * Math.log10(Math.max(sum / n, 1e-12));
    }

    /**
     * Whether a lane may have spans cut out, so that the (costlier) piecewise splice search is worth
     * running: some correlation window disagreed with the fitted offset. (A lane that is merely shorter
     * than the reference starts late or ends early; the call's answer and BYE judge that.)
     */
    private static boolean mayBeCut(AlignmentResult result) {
        return result.windows().stream().anyMatch(w -> w.status() == AlignmentResult.WindowStatus.OUTLIER
                || w.status() == AlignmentResult.WindowStatus.LOW_CONFIDENCE);
    }

    /** A recording that begins after the call was answered, or ends before it ended. */
    private int callEdges(LaneRecord lane, Instant aligned, double missingSec, Optional<CallRecord> call,
            List<EventRecord> events, List<StreamRecord> streams) throws SQLException {
        if (call.isEmpty() || call.get().answeredUtc() == null) {
            return 0;
        }
        int count = 0;
        double tolerance = parameters.lateStartToleranceMs() / 1000;
        double late = seconds(call.get().answeredUtc(), aligned);
        if (late > tolerance) {
            store.putGap(withCause(lane, call.get().answeredUtc(), aligned, 0, 0, late, GapKind.LATE_START, 0.9,
                    events, streams, alignmentParameters()));
            count++;
        }
        // A lane with spans cut out ends later on the reference clock than its own length says.
        Instant laneEnd = plusSeconds(aligned, lane.durationSec() + missingSec);
        if (call.get().endUtc() != null) {
            double early = seconds(laneEnd, call.get().endUtc());
            if (early > tolerance) {
                store.putGap(withCause(lane, laneEnd, call.get().endUtc(), lane.durationSec(), lane.durationSec(),
                        early, GapKind.EARLY_END, 0.9, events, streams, alignmentParameters()));
                count++;
            }
        }
        return count;
    }

    private GapRecord withCause(LaneRecord lane, Instant start, Instant end, double startSec, double endSec,
            double durationSec, GapKind kind, double confidence, List<EventRecord> events, List<StreamRecord> streams,
            Map<String, Object> stated) {
        String cause = "unknown";
        String detail = "no event in the case explains it";
        for (EventRecord e : events) {
            if (!e.getKind().equals("media-handoff")) {
                continue;
            }
            Instant stopped = UtcTimes.parse((String) e.fields().get("lastPacketUtc"));
            Instant resumed = UtcTimes.parse((String) e.fields().get("firstPacketUtc"));
            if (overlaps(start, end, stopped, resumed)) {
                cause = "media handoff";
                detail = e.getSummary();
                break;
            }
        }
        if (cause.equals("unknown")) {
            Optional<String> hold = holdCovering(start, end, events);
            if (hold.isPresent()) {
                cause = "hold";
                detail = hold.get();
            }
        }
        if (cause.equals("unknown") && kind == GapKind.LATE_START) {
            cause = "recorder late start";
            detail = "the recording began " + String.format(Locale.ROOT, "%.1f s", durationSec)
                    + " after the call was answered (late media forking)";
        }
        if (cause.equals("unknown")) {
            for (StreamRecord s : streams) {
                if (s.lost() > 0 && overlaps(start, end, s.startUtc(), s.endUtc())) {
                    cause = "RTP loss";
                    detail = "stream " + s.ssrc() + " lost " + s.lost() + " packet(s) in this period";
                    break;
                }
            }
        }
        return new GapRecord(lane.id(), lane.name(), lane.evidenceId(), start, end, round6(startSec), round6(endSec),
                round6(durationSec), kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), cause, detail,
                round3(confidence), stated);
    }

    /** A hold that started before the gap ended and was not resumed before the gap started. */
    private static Optional<String> holdCovering(Instant start, Instant end, List<EventRecord> events) {
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            if (!e.getKind().equals("hold") || e.getTimeUtc().isAfter(end)) {
                continue;
            }
            Instant resumed = null;
            for (int j = i + 1; j < events.size(); j++) {
                EventRecord r = events.get(j);
                if (r.getKind().equals("resume") && r.getCallId().equals(e.getCallId())) {
                    resumed = r.getTimeUtc();
                    break;
                }
            }
            if (resumed == null || resumed.isAfter(start)) {
                return Optional.of(e.getSummary() + " at " + UtcTimes.format(e.getTimeUtc())
                        + (resumed == null ? ", never resumed" : ", resumed at " + UtcTimes.format(resumed)));
            }
        }
        return Optional.empty();
    }

    private Optional<CallRecord> chooseCall(List<AudioEvidenceAnalyzer.AudioLane> audio, List<CallRecord> calls) {
        for (AudioEvidenceAnalyzer.AudioLane a : audio) {
            for (CallRecord c : calls) {
                if (!a.lane().callId().isEmpty() && c.callId().equals(a.lane().callId())) {
                    return Optional.of(c);
                }
            }
        }
        return calls.stream().filter(c -> c.answeredUtc() != null && !c.recordingSession()).findFirst()
                .or(() -> calls.stream().filter(c -> c.answeredUtc() != null).findFirst());
    }

    private static Reference earliestTrusted(List<AudioEvidenceAnalyzer.AudioLane> audio) {
        AudioEvidenceAnalyzer.AudioLane best = audio.stream()
                .filter(a -> a.lane().metadataStartUtc() != null)
                .min(Comparator.comparing((AudioEvidenceAnalyzer.AudioLane a) -> !a.lane().kind().equals("edge-buffer"))
                        .thenComparing(a -> a.lane().metadataStartUtc()))
                .orElse(audio.get(0));
        return new Reference(best.samples(), best.lane().metadataStartUtc(), best.lane().name(), best.lane());
    }

    /** Mixes the call's decoded capture lanes of one sample rate on the capture clock into one reference. */
    private Reference captureMix(List<LaneRecord> lanes, String callId, Path scratchDir)
            throws SQLException, IOException {
        List<LaneRecord> chosen = lanes.stream().filter(l -> callId.isEmpty() || l.callId().equals(callId)).toList();
        if (chosen.isEmpty()) {
            chosen = lanes;
        }
        // One rate for the mix: the first lane's (G.711 lanes are 8 kHz, G.722 lanes 16 kHz).
        int rate = chosen.get(0).sampleRateHz();
        chosen = chosen.stream().filter(l -> l.sampleRateHz() == rate).toList();
        Instant start = chosen.stream().map(LaneRecord::metadataStartUtc).min(Instant::compareTo).orElseThrow();
        long length = 0;
        long[] offsets = new long[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            offsets[i] = Math.round(seconds(start, chosen.get(i).metadataStartUtc()) * rate);
            length = Math.max(length, offsets[i] + chosen.get(i).sampleCount());
        }
        PcmScratchFile mix = new PcmScratchFile(scratchDir.resolve("capture-reference.pcm"), rate);
        int block = CaptureDecoder.CHUNK_SAMPLES;
        for (long pos = 0; pos < length; pos += block) {
            int n = (int) Math.min(block, length - pos);
            float[] sum = new float[n];
            for (int i = 0; i < chosen.size(); i++) {
                LaneRecord lane = chosen.get(i);
                long from = Math.max(0, pos - offsets[i]);
                long to = Math.min(lane.sampleCount(), pos + n - offsets[i]);
                for (long chunkStart = from - from % block; chunkStart < to; chunkStart += block) {
                    byte[] data = store.lanePcmChunk(lane.id(), (int) (chunkStart / block)).orElse(new byte[0]);
                    long a = Math.max(from, chunkStart);
                    long b = Math.min(to, Math.min(chunkStart + data.length / 2, chunkStart + block));
                    for (long lanePos = a; lanePos < b; lanePos++) {
                        int at = (int) (lanePos - chunkStart) * 2;
                        sum[(int) (lanePos + offsets[i] - pos)] += (short) ((data[at] & 0xff) | (data[at + 1] << 8))
                                / 32768f;
                    }
                }
            }
            mix.append(sum, n);
        }
        return new Reference(mix.finishWriting(), start, "capture clock (decoded RTP of "
                + (callId.isEmpty() ? "all calls" : "call " + callId) + ")", null);
    }

    private Map<String, Object> thresholdMap() {
        Map<String, Object> m = new LinkedHashMap<>(AnalysisJson.mapper().convertValue(thresholds,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        m.putAll(alignmentParameters());
        return m;
    }

    private Map<String, Object> alignmentParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alignmentSearchSeconds", parameters.metadataSearchSeconds());
        m.put("flagOffsetMs", parameters.flagOffsetMs());
        m.put("lateStartToleranceMs", parameters.lateStartToleranceMs());
        m.put("minMissingMs", parameters.minMissingMs());
        m.put("minQuietHoldSeconds", parameters.minQuietHoldSeconds());
        m.put("quietHoldBelowDb", parameters.quietHoldBelowDb());
        return m;
    }

    private static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant plusSeconds(Instant t, double seconds) {
        return t.plusNanos(Math.round(seconds * 1e6) * 1000L);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
