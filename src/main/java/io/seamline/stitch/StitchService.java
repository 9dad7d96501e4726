package io.seamline.stitch;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.AnalysisJson;
import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneAudio;

import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.SeamlineVersion;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.UtcTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one continuous recording on the case's reference clock from the primary recording, filling
 * each of its gaps from the best aligned source (edge buffer, then decoded capture audio, then a
 * duplicate recording), and writes it as a 16-bit Broadcast Wave file with a manifest that traces every
 * output sample to an original evidence file. The command line and the window both call this.
 *
 * <p>Files are written under temporary names beside the target and forced to disk; the transaction that
 * stores the {@code stitch} row and its custody entry also records their renames, which are done after the
 * commit ({@code CaseFile.finishMoves}, finished on the next open if the process dies first). A failure
 * before the commit leaves no file, row or entry; after it, the stitch is complete.
 */
public final class StitchService {
    /** How sources of another rate are converted; stated in every manifest. */
    static final String RESAMPLING = "io.seamline.analysis.CorrelationInput.atRate: zero-delay windowed sinc"
            + " (Kaiser beta 8.6, 16 zero crossings each side, cut-off 0.95 of the lower Nyquist frequency)";
    /** Fill order by evidence kind. */
    static final List<String> PRIORITY = List.of("edge-buffer", "capture", "recording");
    static final String CHANNEL_RULE = "output has the primary's channels; a source with the same channel count fills"
            + " channel to channel, a mono source fills every channel, a capture fills every channel with the sum"
            + " of the call's decoded directions (both sides of the conversation)";
    static final String QUANTIZATION = "16-bit: decoded 16-bit samples are copied unchanged; mixed or resampled"
            + " samples are rounded to the nearest 16-bit value and clamped";

    private final CaseService cases;

    /** A stitcher for one open case; it reads the case's analysis results and writes its custody log. */
    public StitchService(CaseService cases) {
        this.cases = cases;
    }

    /**
     * Stitches and records the result.
     *
     * @throws CaseFileException if the case is not analysed, has no usable primary, the output exists
     *     (without {@code force}), or a file cannot be read or written; nothing is left behind
     * @throws CancelledException if the monitor asked to stop; nothing is left behind
     */
    public StitchResult stitch(StitchRequest request, TaskMonitor monitor) throws CaseFileException,
            CancelledException {
        Path caseFile = cases.caseFile().path();
        Path output = request.output().toAbsolutePath().normalize();
        Path manifestPath = manifestPath(output);
        refuseExisting(output, request.force());
        refuseExisting(manifestPath, request.force());
        requireAnalysed();
        Inputs in;
        try {
            in = Inputs.load(new AnalysisStore(cases.caseFile().connection()));
        } catch (SQLException e) {
            throw new CaseFileException(caseFile, "analysis results cannot be read: " + e.getMessage(), e);
        }
        Optional<CallRecord> call = chooseCall(request, in);
        List<LaneRecord> primaryLanes = choosePrimary(request, in, call);
        Evidence primaryEvidence = evidence(primaryLanes.get(0).evidenceId());
        int rate = primaryLanes.get(0).sampleRateHz();
        int channels = primaryLanes.size();
        List<String> warnings = new ArrayList<>();

        Instant origin = in.alignment(primaryLanes.get(0)).alignedStartUtc();
        Span span = span(origin, rate, primaryLanes, in, call);
        Instant t0 = span.startUtc();
        long length = span.lengthSamples();

        List<List<StitchPlanner.Planned>> plans = new ArrayList<>();
        List<List<StitchRenderer.Seam>> seams = new ArrayList<>();
        long half = Math.round(request.crossfadeMs() * rate / 2000.0);
        for (int c = 0; c < channels; c++) {
            LaneRecord lane = primaryLanes.get(c);
            LanePlacement placement = LanePlacement.of(lane, in.alignment(lane), in.gaps(lane), t0, rate);
            warnings.addAll(placement.warnings());
            SourceTrack primary = new SourceTrack(primaryEvidence, lane.kind(), -1, List.of(placement));
            List<SourceTrack> sources = sources(in, primaryEvidence.id(), c, channels, call, t0, rate, warnings);
            List<StitchPlanner.Planned> plan = StitchPlanner.plan(c, length, primary,
                    StitchPlanner.labels(placement, in.gaps(lane), t0), sources);
            plans.add(plan);
            seams.add(StitchRenderer.seams(c, plan, half));
        }

        Path dir = output.getParent();
        Path tmpWav = null;
        Path tmpManifest = null;
        boolean committed = false;
        try {
            Files.createDirectories(dir);
            tmpWav = Files.createTempFile(dir, "." + output.getFileName() + ".", ".partial");
            Files.delete(tmpWav);
            tmpManifest = Files.createTempFile(dir, "." + manifestPath.getFileName() + ".", ".partial");
            Files.delete(tmpManifest);
            CaseInfo info = cases.info();
            String version = SeamlineVersion.get();
            String wavSha;
            long clipped;
            try (LaneAudio audio = new LaneAudio(cases)) {
                StitchRenderer renderer = new StitchRenderer(audio, rate);
                try (BwfWavWriter writer = new BwfWavWriter(tmpWav, rate, channels, length,
                        bext(info, version, t0, rate, channels, plans))) {
                    renderer.render(plans, seams, length, writer, monitor);
                    wavSha = writer.finish();
                }
                clipped = renderer.clippedSamples();
            } catch (StitchRenderer.LaneReadFailure e) {
                throw e.problem();
            }
            if (clipped > 0) {
                warnings.add(clipped + " mixed or resampled output sample(s) were clamped to the 16-bit range");
            }
            int seamCount = seams.stream().mapToInt(List::size).sum();
            StitchManifest manifest = manifest(info, version, call, primaryEvidence, primaryLanes, request.crossfadeMs(),
                    seamCount, rate, channels, t0, length, in.reference(primaryLanes.get(0)), plans, wavSha);
            byte[] manifestBytes = AnalysisJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
            Files.write(tmpManifest, manifestBytes, java.nio.file.StandardOpenOption.CREATE_NEW);
            String manifestSha = sha256(manifestBytes);
            String manifestText = new String(manifestBytes, StandardCharsets.UTF_8);
            forceToDisk(tmpWav);
            forceToDisk(tmpManifest);
            Path wavFrom = tmpWav;
            Path manifestFrom = tmpManifest;
            long[] ids = cases.caseFile().inTransaction(connection -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("output", output.toString());
                details.put("outputSha256", wavSha);
                details.put("manifest", manifestPath.toString());
                details.put("manifestSha256", manifestSha);
                details.put("segments", manifest.segments().size());
                details.put("unfilled", manifest.unfilled().size());
                details.put("primaryEvidenceId", primaryEvidence.id());
                details.put("crossfadeMs", request.crossfadeMs());
                CustodyEntry entry = cases.recordCustody("stitch", output.getFileName().toString(), details);
                long id;
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO stitch (created_utc, output_path,"
                        + " output_sha256, manifest, custody_seq) VALUES (?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, UtcTimes.format(manifest.createdUtc()));
                    ps.setString(2, output.toString());
                    ps.setString(3, wavSha);
                    ps.setString(4, manifestText);
                    ps.setLong(5, entry.seq());
                    ps.executeUpdate();
                    try (var keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                cases.caseFile().recordMove(connection, manifestFrom, manifestPath, request.force());
                cases.caseFile().recordMove(connection, wavFrom, output, request.force());
                return new long[] {id, entry.seq()};
            });
            committed = true;
            cases.caseFile().finishMoves();
            return new StitchResult(output, manifestPath, wavSha, manifestSha, ids[0], ids[1], manifest, warnings);
        } catch (IOException e) {
            throw new CaseFileException(output, "stitched recording cannot be written: " + e.getMessage(), e);
        } finally {
            if (!committed) {
                deleteQuietly(tmpWav);
                deleteQuietly(tmpManifest);
            }
        }
    }

    /** {@code NAME.manifest.json} beside {@code NAME.wav} (or beside any other output name). */
    public static Path manifestPath(Path output) {
        String name = output.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
        return output.resolveSibling(base + ".manifest.json");
    }

    private static void refuseExisting(Path file, boolean force) throws CaseFileException {
        if (Files.exists(file) && !force) {
            throw new CaseFileException(file, "already exists; pass --force to overwrite it");
        }
        if (Files.isDirectory(file)) {
            throw new CaseFileException(file, "is a directory, not a file to write");
        }
    }

    /** On disk before the case records it, so a recorded stitch never names a file still in the page cache. */
    private static void forceToDisk(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A temporary file beside the target; the case is unaffected and the name marks it partial.
        }
    }

    /** The case must have analysis results newer than its last import. */
    private void requireAnalysed() throws CaseFileException {
        List<CustodyEntry> custody = cases.custody();
        long lastImport = custody.stream().filter(e -> e.action().equals("import")).mapToLong(CustodyEntry::seq)
                .max().orElse(0);
        long lastAnalyze = custody.stream().filter(e -> e.action().equals("analyze")).mapToLong(CustodyEntry::seq)
                .max().orElse(-1);
        if (lastAnalyze < lastImport) {
            throw new CaseFileException(cases.caseFile().path(), lastAnalyze < 0
                    ? "the case has not been analysed; run `seamline analyze` first"
                    : "evidence was added after the last analysis; run `seamline analyze` again first");
        }
    }

    private Evidence evidence(long id) throws CaseFileException {
        return cases.evidence(id).orElseThrow(() -> new CaseFileException(cases.caseFile().path(),
                "evidence " + id + " named by the analysis is missing"));
    }

    private Optional<CallRecord> chooseCall(StitchRequest request, Inputs in) throws CaseFileException {
        if (request.callId() != null) {
            return Optional.of(in.calls.stream().filter(c -> c.callId().equals(request.callId())).findFirst()
                    .orElseThrow(() -> new CaseFileException(cases.caseFile().path(), "no call with Call-ID "
                            + request.callId() + " in the analysis")));
        }
        for (LaneRecord l : in.lanes) {
            if (!l.kind().equals("capture") && !l.callId().isEmpty()) {
                Optional<CallRecord> match = in.calls.stream().filter(c -> c.callId().equals(l.callId())).findFirst();
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return in.calls.stream().filter(c -> c.answeredUtc() != null && !c.recordingSession()).findFirst()
                .or(() -> in.calls.stream().filter(c -> c.answeredUtc() != null).findFirst());
    }

    private List<LaneRecord> choosePrimary(StitchRequest request, Inputs in, Optional<CallRecord> call)
            throws CaseFileException {
        Path caseFile = cases.caseFile().path();
        List<LaneRecord> candidates;
        if (request.primaryEvidenceId() != null) {
            long id = request.primaryEvidenceId();
            candidates = in.lanes.stream().filter(l -> l.evidenceId() == id).toList();
            if (candidates.isEmpty()) {
                throw new CaseFileException(caseFile, "evidence " + id + " has no audio lanes to use as primary");
            }
            if (candidates.get(0).kind().equals("capture")) {
                throw new CaseFileException(caseFile, "evidence " + id + " is a capture; the primary must be a"
                        + " recording or edge buffer");
            }
        } else {
            List<LaneRecord> recordings = in.lanes.stream().filter(l -> l.kind().equals("recording"))
                    .filter(l -> call.isEmpty() || l.callId().isEmpty() || l.callId().equals(call.get().callId()))
                    .toList();
            if (recordings.isEmpty()) {
                throw new CaseFileException(caseFile, "the case has no recording lane"
                        + call.map(c -> " for call " + c.callId()).orElse("")
                        + "; name a primary with --primary EVIDENCE-ID");
            }
            long best = recordings.stream().filter(l -> in.alignment(l) != null)
                    .max(Comparator.comparingLong(LaneRecord::sampleCount)
                            .thenComparing(Comparator.comparingLong(LaneRecord::evidenceId).reversed()))
                    .map(LaneRecord::evidenceId).orElse(recordings.get(0).evidenceId());
            candidates = in.lanes.stream().filter(l -> l.evidenceId() == best).toList();
        }
        List<LaneRecord> sorted = candidates.stream().sorted(Comparator.comparingInt(LaneRecord::channel)).toList();
        for (LaneRecord l : sorted) {
            AlignmentRecord a = in.alignment(l);
            if (a == null || a.alignedStartUtc() == null) {
                throw new CaseFileException(caseFile, "lane " + l.name() + " of the primary could not be placed on the"
                        + " reference clock; it cannot be stitched");
            }
            if (l.sampleRateHz() != sorted.get(0).sampleRateHz()) {
                throw new CaseFileException(caseFile, "the primary's channels have different sample rates");
            }
        }
        return sorted;
    }

    /** Output span: the call from answer to end when known, always widened to the whole primary. */
    private record Span(Instant startUtc, long lengthSamples) {
    }

    private Span span(Instant origin, int rate, List<LaneRecord> primaryLanes, Inputs in, Optional<CallRecord> call) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (LaneRecord l : primaryLanes) {
            for (long[] r : LanePlacement.of(l, in.alignment(l), in.gaps(l), origin, rate).extent()) {
                from = Math.min(from, r[0]);
                to = Math.max(to, r[1]);
            }
        }
        if (call.isPresent() && call.get().answeredUtc() != null && call.get().endUtc() != null) {
            from = Math.min(from, LanePlacement.samplesBetween(origin, call.get().answeredUtc(), rate));
            to = Math.max(to, LanePlacement.samplesBetween(origin, call.get().endUtc(), rate));
        } else {
            for (LaneRecord l : in.lanes) {
                AlignmentRecord a = in.alignment(l);
                if (a == null || a.alignedStartUtc() == null || l.evidenceId() == primaryLanes.get(0).evidenceId()) {
                    continue;
                }
                for (long[] r : LanePlacement.of(l, a, in.gaps(l), origin, rate).extent()) {
                    from = Math.min(from, r[0]);
                    to = Math.max(to, r[1]);
                }
            }
        }
        if (from == Long.MAX_VALUE || to <= from) {
            from = 0;
            to = 0;
        }
        // Whole output samples from the primary's first sample (to the microsecond the case stores times in),
        // so the primary lands on whole output samples and is copied without resampling.
        Instant start = origin.plusNanos(Math.round(from * 1e9 / rate)).truncatedTo(ChronoUnit.MICROS);
        return new Span(start, to - from);
    }

    private List<SourceTrack> sources(Inputs in, long primaryId, int channel, int channels, Optional<CallRecord> call,
            Instant t0, int rate, List<String> warnings) throws CaseFileException {
        Map<Long, List<LaneRecord>> byEvidence = new LinkedHashMap<>();
        for (LaneRecord l : in.lanes) {
            AlignmentRecord a = in.alignment(l);
            if (l.evidenceId() == primaryId || a == null || a.alignedStartUtc() == null) {
                continue;
            }
            if (l.kind().equals("capture") && call.isPresent() && !l.callId().isEmpty()
                    && !l.callId().equals(call.get().callId())) {
                continue;
            }
            byEvidence.computeIfAbsent(l.evidenceId(), k -> new ArrayList<>()).add(l);
        }
        List<SourceTrack> out = new ArrayList<>();
        for (Map.Entry<Long, List<LaneRecord>> e : byEvidence.entrySet()) {
            List<LaneRecord> lanes = e.getValue();
            String kind = lanes.get(0).kind();
            List<LaneRecord> chosen;
            if (kind.equals("capture") || lanes.size() == 1) {
                chosen = lanes;
            } else if (lanes.size() == channels) {
                chosen = lanes.stream().filter(l -> l.channel() == channel).toList();
            } else {
                chosen = lanes;
            }
            List<LanePlacement> placements = new ArrayList<>();
            for (LaneRecord l : chosen) {
                LanePlacement p = LanePlacement.of(l, in.alignment(l), in.gaps(l), t0, rate);
                if (channel == 0) {
                    warnings.addAll(p.warnings());
                }
                placements.add(p);
            }
            int rank = PRIORITY.indexOf(kind);
            out.add(new SourceTrack(evidence(e.getKey()), kind, rank < 0 ? PRIORITY.size() : rank, placements));
        }
        out.sort(Comparator.comparingInt(SourceTrack::rank)
                .thenComparing(Comparator.comparingDouble(SourceTrack::confidence).reversed())
                .thenComparingLong(t -> t.evidence().id()));
        return out;
    }

    private static BwfWavWriter.Bext bext(CaseInfo info, String version, Instant t0, int rate, int channels,
            List<List<StitchPlanner.Planned>> plans) {
        ZonedDateTime local = t0.atZone(info.timeZone());
        LocalDateTime midnight = local.toLocalDate().atStartOfDay();
        long nanos = Duration.between(midnight.atZone(info.timeZone()).toInstant(), t0).toNanos();
        long timeReference = Math.round(nanos * (double) rate / 1e9);
        String mode = channels == 1 ? "mono" : channels == 2 ? "stereo" : "multichannel";
        StringBuilder history = new StringBuilder();
        List<Long> seen = new ArrayList<>();
        for (List<StitchPlanner.Planned> plan : plans) {
            for (StitchPlanner.Planned p : plan) {
                if (p.track() != null && !seen.contains(p.track().evidence().id())) {
                    seen.add(p.track().evidence().id());
                    Evidence e = p.track().evidence();
                    // EBU R 98: one line per process; the sources first, then the stitch that made this file.
                    history.append("A=PCM,F=").append(p.track().lanes().get(0).lane().sampleRateHz())
                            .append(",T=evidence ").append(e.id()).append(' ')
                            .append(ascii(e.originalName())).append("\r\n");
                }
            }
        }
        history.append("A=PCM,F=").append(rate).append(",W=16,M=").append(mode).append(",T=Seamline ")
                .append(version).append(" stitch\r\n");
        String title = info.caseNumber().isEmpty() ? info.title() : info.caseNumber() + " " + info.title();
        return new BwfWavWriter.Bext(ascii("Stitched recording, case " + title), "Seamline " + version,
                "seamline-" + t0.toEpochMilli(), local.toLocalDate().toString(),
                local.toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                timeReference, history.toString());
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        return b.toString();
    }

    private StitchManifest manifest(CaseInfo info, String version, Optional<CallRecord> call, Evidence primary,
            List<LaneRecord> primaryLanes, int crossfadeMs, int seamCount, int rate, int channels, Instant t0,
            long length, String reference, List<List<StitchPlanner.Planned>> plans, String wavSha) {
        List<StitchManifest.Segment> segments = new ArrayList<>();
        List<StitchManifest.Unfilled> unfilled = new ArrayList<>();
        for (List<StitchPlanner.Planned> plan : plans) {
            for (StitchPlanner.Planned p : plan) {
                Instant start = at(t0, p.start(), rate);
                Instant end = at(t0, p.end(), rate);
                if (p.track() == null || p.role().equals("kept")) {
                    unfilled.add(new StitchManifest.Unfilled(p.channel(), p.gapNumber(), p.gapKind(), p.gapCause(),
                            p.start(), p.end(), start, end, p.track() == null ? StitchManifest.Unfilled.SILENCE
                                    : StitchManifest.Unfilled.KEPT));
                }
                if (p.track() == null) {
                    continue;
                }
                List<StitchManifest.SegmentSource> from = new ArrayList<>();
                for (SourceTrack.Contribution k : p.track().contributorsAt(p.start())) {
                    LanePlacement lp = k.lane();
                    AlignmentRecord a = lp.alignment();
                    from.add(new StitchManifest.SegmentSource(lp.lane().id(), lp.lane().name(), lp.lane().channel(),
                            lp.lane().sampleRateHz(), lp.laneSampleOfView(k.viewAt(p.start())),
                            lp.laneSampleOfView(k.viewAt(p.end())), a.offsetMs(), a.confidence(), a.method(),
                            lp.resampled()));
                }
                String gap = "gap " + p.gapNumber() + " " + p.gapKind() + " (" + p.gapCause() + ")";
                String reason = switch (p.role()) {
                    case "primary" -> "primary";
                    case "kept" -> "unfilled " + gap + ": primary samples kept";
                    default -> "filled " + gap;
                };
                Evidence e = p.track().evidence();
                segments.add(new StitchManifest.Segment(p.channel(), p.start(), p.end(), start, end, p.role(), reason,
                        p.gapNumber(), e.id(), e.sha256(), e.originalName(), p.track().kind(), from));
            }
        }
        return new StitchManifest(StitchManifest.FORMAT, info.title(), info.caseNumber(), version,
                UtcTimes.now(), call.map(CallRecord::callId).orElse(""),
                new StitchManifest.Primary(primary.id(), primary.sha256(), primary.originalName(),
                        primaryLanes.stream().map(LaneRecord::name).toList()),
                new StitchManifest.Parameters(crossfadeMs, seamCount, RESAMPLING, PRIORITY, CHANNEL_RULE, QUANTIZATION),
                rate, channels, t0, length, reference, segments, unfilled, wavSha);
    }

    private static Instant at(Instant t0, long sample, int rate) {
        return t0.plusNanos(Math.round(sample * 1e9 / rate)).truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The analysis records stitching reads, loaded once. */
    private record Inputs(List<LaneRecord> lanes, List<GapRecord> gapList, List<AlignmentRecord> alignments,
            List<CallRecord> calls) {
        static Inputs load(AnalysisStore store) throws SQLException {
            return new Inputs(store.lanes(), store.gaps(), store.alignments(), store.calls());
        }

        AlignmentRecord alignment(LaneRecord lane) {
            return alignments.stream().filter(a -> a.laneId() == lane.id()).findFirst().orElse(null);
        }

        List<GapRecord> gaps(LaneRecord lane) {
            return gapList.stream().filter(g -> g.laneId() == lane.id()).toList();
        }

        String reference(LaneRecord lane) {
            AlignmentRecord a = alignment(lane);
            return a == null ? "" : a.reference();
        }
    }
}
