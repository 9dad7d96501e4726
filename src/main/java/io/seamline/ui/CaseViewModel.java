package io.seamline.ui;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.AnalysisSummary;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneAudio;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.casefile.Annotation;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the inspector window: the open case, its evidence, custody log and stored analysis,
 * what is selected, the timeline ({@link TimelineViewModel}), playback ({@link PlaybackViewModel}),
 * the recent cases, and the one background task that may be running. Every case operation runs on
 * {@code worker}; results and progress are handed to {@code ui} (the FX thread in the application,
 * the calling thread in tests). Call its methods on the UI thread.
 */
public final class CaseViewModel {
    private final Executor worker;
    private final Executor ui;
    private CaseService service;

    private final ObjectProperty<CaseInfo> caseInfo = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> casePath = new SimpleObjectProperty<>();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<CustodyEntry> custody = FXCollections.observableArrayList();
    private final javafx.beans.property.ObjectProperty<Path> packageReady =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Open a case or create a new one (File menu).");
    private final StringProperty taskName = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty lastError = new SimpleStringProperty("");
    private volatile AtomicBoolean cancelFlag = new AtomicBoolean();
    private final ObjectProperty<InspectorData> data = new SimpleObjectProperty<>(InspectorData.EMPTY);
    private final ObservableList<GapRecord> gaps = FXCollections.observableArrayList();
    private final ObservableList<StreamRecord> streams = FXCollections.observableArrayList();
    private final ObservableList<AlignmentRecord> alignments = FXCollections.observableArrayList();
    private final ObservableList<SipMessageRecord> ladderMessages = FXCollections.observableArrayList();
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObjectProperty<String> ladderCallId = new SimpleObjectProperty<>();
    private final ObjectProperty<Object> selection = new SimpleObjectProperty<>();
    private final ObjectProperty<SelectionDetails> details = new SimpleObjectProperty<>(SelectionDetails.NONE);
    private final ObjectProperty<LaneRecord> playLane = new SimpleObjectProperty<>();
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final PlaybackViewModel playback;
    private final RecentCases recentCases;
    private volatile LaneAudio laneAudio;
    private Executor tablesLater = Runnable::run;
    private long applied;

    /** A window model with no recent-case list and the sound card for playback. */
    public CaseViewModel(Executor worker, Executor ui) {
        this(worker, ui, null, new PlaybackViewModel(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "seamline-playback");
            t.setDaemon(true);
            return t;
        }), ui, SoundCardOutput::new));
    }

    /**
     * @param recentCases the recent-case list to keep, or null for none
     * @param playback    plays lanes
     */
    public CaseViewModel(Executor worker, Executor ui, RecentCases recentCases, PlaybackViewModel playback) {
        this.worker = worker;
        this.ui = ui;
        this.recentCases = recentCases;
        this.playback = playback;
        if (recentCases != null) {
            // Read on the worker, before any case it opens is remembered: the JSON reader's first use
            // (building Jackson's ObjectMapper) would otherwise hold up the FX thread while the window starts.
            worker.execute(() -> {
                List<Path> listed = recentCases.list();
                ui.execute(() -> recent.setAll(listed));
            });
        }
        ladderCallId.addListener((o, a, b) -> refreshLadder());
    }

    /** The timeline's state. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** Playback state. */
    public PlaybackViewModel playback() {
        return playback;
    }

    /** The stored analysis of the open case (empty when none). */
    public ObjectProperty<InspectorData> dataProperty() {
        return data;
    }

    /** Gaps of the open case, by start time. */
    public ObservableList<GapRecord> gaps() {
        return gaps;
    }

    /** RTP streams of the open case. */
    public ObservableList<StreamRecord> streams() {
        return streams;
    }

    /** Lane alignments of the open case. */
    public ObservableList<AlignmentRecord> alignments() {
        return alignments;
    }

    /** The SIP messages the ladder shows: those of {@link #ladderCallIdProperty()}, or all when it is null. */
    public ObservableList<SipMessageRecord> ladderMessages() {
        return ladderMessages;
    }

    /** The examiner's notes, by start time. */
    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    /** Recently opened cases, newest first. */
    public ObservableList<Path> recentCases() {
        return recent;
    }

    /** The call the ladder shows, or null for every message. */
    public ObjectProperty<String> ladderCallIdProperty() {
        return ladderCallId;
    }

    /** The selected item (gap, message, stream, lane, evidence, call, note), or null. */
    public ObjectProperty<Object> selectionProperty() {
        return selection;
    }

    /** The details pane's text for the selection. */
    public ObjectProperty<SelectionDetails> detailsProperty() {
        return details;
    }

    /** The lane that playback plays. */
    public ObjectProperty<LaneRecord> playLaneProperty() {
        return playLane;
    }

    /** The open case's details, or null when none is open. */
    public ObjectProperty<CaseInfo> caseInfoProperty() {
        return caseInfo;
    }

    /** The open case's file, or null. */
    public ObjectProperty<Path> casePathProperty() {
        return casePath;
    }

    /** Evidence of the open case, in import order. */
    public ObservableList<Evidence> evidence() {
        return evidence;
    }

    /** The custody log of the open case. */
    public ObservableList<CustodyEntry> custody() {
        return custody;
    }

    /** One line telling the user what happened last. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The running task's name, empty when idle. */
    public StringProperty taskNameProperty() {
        return taskName;
    }

    /** Progress of the running task, 0..1, or -1 when its size is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** True while a background task runs. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The last failure's message, for a dialog; empty when the last task succeeded. */
    public StringProperty lastErrorProperty() {
        return lastError;
    }

    /** Opens an existing case in the background. */
    public void openCase(Path path) {
        openCase(path, null);
    }

    /**
     * Opens a case in the background whose file is already being opened ({@code opening}, started
     * before the toolkit, so that loading the database driver overlaps building the window); when
     * {@code opening} is null the worker opens it. A failure to open is reported as from
     * {@link #openCase(Path)}.
     */
    public void openCase(Path path, java.util.concurrent.CompletableFuture<CaseService> opening) {
        long startNanos = System.nanoTime();
        run("Opening " + path.getFileName(), monitor -> {
            CaseService opened = opening == null ? CaseService.open(path) : opened(path, opening);
            replaceService(opened);
            remember(path);
            return "Opened " + path.getFileName() + " (read in " + (System.nanoTime() - startNanos) / 1_000_000
                    + " ms)";
        });
    }

    private static CaseService opened(Path path, java.util.concurrent.CompletableFuture<CaseService> opening)
            throws CaseFileException {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof CaseFileException c) {
                throw c;
            }
            throw new CaseFileException(path, "cannot be opened: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Where the tables of a newly opened case (evidence, custody, gaps, streams, alignment, SIP
     * ladder) are filled: at once by default; the window passes an executor that runs after the frame
     * showing the timeline, so the lanes are on screen before the tables' cells are built.
     */
    public void fillTablesWith(Executor later) {
        this.tablesLater = Objects.requireNonNull(later);
    }

    /** Creates a new case in the background and opens it. */
    public void newCase(NewCaseRequest request) {
        run("Creating " + request.path().getFileName(), monitor -> {
            CaseService created = CaseService.create(request);
            replaceService(created);
            remember(request.path());
            return "Created " + request.path().getFileName();
        });
    }

    /** Imports files into the open case in the background (all or none). */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        if (service == null && casePath.get() == null) {
            status.set("Open or create a case before adding evidence.");
            return;
        }
        run("Importing " + files.size() + " file(s)", monitor -> {
            List<Evidence> added = service.importEvidence(new ImportRequest(files, null, ""), monitor);
            return "Imported " + added.size() + " file(s): "
                    + String.join(", ", added.stream().map(Evidence::originalName).toList());
        });
    }

    /** Analyses the open case in the background (replaces earlier results only when it succeeds). */
    public void analyze() {
        if (service == null && casePath.get() == null) {
            status.set("Open or create a case before analysing it.");
            return;
        }
        run("Analysing " + casePath.get().getFileName(), monitor -> {
            AnalysisSummary summary = new AnalysisService(service).analyze(monitor);
            return "Analysed: " + summary.calls() + " call(s), " + summary.streams() + " stream(s), " + summary.lanes() + " lane(s), " + summary.gaps() + " gap(s), "
                    + summary.handoffs() + " media handoff(s).";
        });
    }

    /**
     * Writes the evidence package in the background: optionally a stitch first (written beside the
     * package as CASE-stitched.wav with its manifest), then the signed report, originals, case copy and
     * SHA256SUMS, each step recorded in custody. The package's folder is handed to
     * {@link #packageReadyProperty()} when done so the view can open it.
     */
    public void export(ExportChoice choice) {
        if (casePath.get() == null) {
            status.set("Open a case before exporting it.");
            return;
        }
        run("Exporting to " + choice.target().getFileName(), monitor -> {
            io.seamline.report.SigningIdentity identity = null;
            if (choice.keystore() != null) {
                try {
                    identity = io.seamline.report.ExaminerKeyStore.loadPkcs12(choice.keystore(), choice.alias(),
                            choice.password());
                } catch (io.seamline.report.SigningException e) {
                    throw new CaseFileException(choice.keystore(), e.getMessage(), e);
                }
            }
            String stitched = "";
            if (choice.stitchFirst()) {
                var result = new io.seamline.stitch.StitchService(service).stitch(
                        io.seamline.stitch.StitchRequest.besidePackage(choice.target()), monitor);
                stitched = "stitched " + result.output().getFileName() + ", ";
            }
            var exported = new io.seamline.report.ExportService(service).export(new io.seamline.report.ExportRequest(
                    choice.target(), choice.paper(), identity, choice.examinerKeyDirectory(), null, null), monitor);
            Path folder = exported.zip() ? exported.target().getParent() : exported.target();
            ui.execute(() -> packageReady.set(folder));
            return "Exported " + stitched + exported.files() + " file(s) to " + exported.target()
                    + " (SHA256SUMS " + exported.sha256SumsSha256().substring(0, 16) + "...)";
        });
    }

    /** The folder of the last finished export, for the view to open. */
    public javafx.beans.property.ObjectProperty<Path> packageReadyProperty() {
        return packageReady;
    }

    /**
     * Records an examiner's note on the selected time range (on the play lane when one is chosen),
     * with its custody entry, in the background.
     */
    public void annotate(String text) {
        if (casePath.get() == null) {
            status.set("Open a case before adding a note.");
            return;
        }
        if (!timeline.hasSelection()) {
            status.set("Shift-drag on the timeline to select the time range the note is about.");
            return;
        }
        Instant from = timeline.selectionStartUtcProperty().get();
        Instant to = timeline.selectionEndUtcProperty().get();
        LaneRecord lane = playLane.get();
        Long laneId = lane == null ? null : lane.id();
        run("Adding a note", monitor -> {
            Annotation a = service.annotate(from, to, laneId, text);
            return "Added note " + a.id() + " (custody entry " + a.custodySeq() + ").";
        });
    }

    /** Shows the details of an item and, for items with a time, moves the timeline there. */
    public void select(Object item) {
        selection.set(item);
        details.set(SelectionDetails.of(item, zone(), data.get()));
        if (item instanceof GapRecord g) {
            timeline.centreOn(midpoint(g.startUtc(), g.endUtc()));
            data.get().lane(g.laneId()).ifPresent(playLane::set);
        } else if (item instanceof SipMessageRecord m) {
            timeline.markUtcProperty().set(m.timeUtc());
            timeline.centreOn(m.timeUtc());
        } else if (item instanceof LaneRecord l) {
            playLane.set(l);
        } else if (item instanceof CallRecord c) {
            ladderCallId.set(c.callId());
        } else if (item instanceof Annotation a) {
            timeline.selectRange(a.startUtc(), a.endUtc());
            timeline.centreOn(midpoint(a.startUtc(), a.endUtc()));
        } else if (item instanceof StreamRecord s && s.startUtc() != null && s.endUtc() != null) {
            timeline.selectRange(s.startUtc(), s.endUtc());
        }
    }

    /** Zooms the timeline to a gap with context on both sides and selects it. */
    public void zoomToGap(GapRecord gap) {
        select(gap);
        timeline.zoomTo(gap.startUtc(), gap.endUtc());
    }

    /**
     * Space: pauses when playing, otherwise plays the play lane over the selected range, or from the
     * playhead (or the view's left edge) to the lane's end.
     */
    public void togglePlay() {
        if (playback.playingProperty().get()) {
            playback.stop();
            return;
        }
        LaneRecord lane = playLane.get();
        if (lane == null) {
            status.set("Choose a lane to play (click it in the case tree or on the timeline).");
            return;
        }
        if (busy.get() || laneAudio == null) {
            status.set(laneAudio == null ? "Open an analysed case to play its lanes."
                    : "Wait for \"" + taskName.get() + "\" to finish before playing.");
            return;
        }
        var timelineLane = data.get().timeline().lanes().stream().filter(l -> l.laneId() == lane.id()).findFirst();
        if (timelineLane.isEmpty()) {
            status.set("Lane " + lane.name() + " has no place on the timeline.");
            return;
        }
        var tl = timelineLane.get();
        Instant from;
        Instant to;
        if (timeline.hasSelection()) {
            from = timeline.selectionStartUtcProperty().get();
            to = timeline.selectionEndUtcProperty().get();
        } else {
            Instant head = timeline.playheadUtcProperty().get();
            from = head != null ? head : timeline.viewportProperty().get().startUtc();
            to = Instant.MAX;
        }
        LaneClock clock = LaneClock.of(tl, data.get().timeline().gapsOf(tl.laneId()));
        long fromSample = clock.sampleAt(from);
        long toSample = Math.min(lane.sampleCount(), clock.sampleAt(to));
        if (fromSample >= lane.sampleCount()) {
            fromSample = 0;
        }
        LaneAudio audio = laneAudio;
        status.set("Playing " + lane.name() + " (space pauses)...");
        playback.play(lane, clock::timeOf, fromSample, toSample, (l, start, count) -> {
            synchronized (audio) {
                return audio.read(l, start, count);
            }
        }, t -> timeline.playheadUtcProperty().set(t), status::set);
    }

    /** Asks the running task to stop; it rolls back and leaves the case unchanged. */
    public void cancel() {
        cancelFlag.set(true);
    }

    /** Closes the case (on the worker, after any running task). */
    public void close() {
        worker.execute(() -> {
            closeAudio();
            if (service != null) {
                service.close();
                service = null;
            }
        });
    }

    private java.time.ZoneId zone() {
        CaseInfo info = caseInfo.get();
        return info == null ? java.time.ZoneOffset.UTC : info.timeZone();
    }

    private static Instant midpoint(Instant a, Instant b) {
        return a.plus(java.time.Duration.between(a, b).dividedBy(2));
    }

    private void remember(Path path) {
        if (recentCases == null) {
            return;
        }
        try {
            List<Path> next = recentCases.add(path);
            ui.execute(() -> recent.setAll(next));
        } catch (IOException e) {
            ui.execute(() -> status.set(e.getMessage()));
        }
    }

    private void refreshLadder() {
        String callId = ladderCallId.get();
        ladderMessages.setAll(data.get().messages().stream()
                .filter(m -> callId == null || Objects.equals(callId, m.callId())).toList());
    }

    private void closeAudio() {
        LaneAudio audio = laneAudio;
        laneAudio = null;
        if (audio != null) {
            // Waits for a playback read in progress (they hold the same lock).
            synchronized (audio) {
                audio.close();
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        String run(TaskMonitor monitor) throws CaseFileException, CancelledException;
    }

    private void replaceService(CaseService next) {
        closeAudio();
        if (service != null) {
            service.close();
        }
        service = next;
        laneAudio = new LaneAudio(next);
    }

    private void run(String name, Work work) {
        playback.stop();
        if (busy.get()) {
            status.set("Wait for \"" + taskName.get() + "\" to finish, or cancel it.");
            return;
        }
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlag = flag;
        busy.set(true);
        taskName.set(name);
        progress.set(-1);
        lastError.set("");
        status.set(name + "...");
        TaskMonitor monitor = new TaskMonitor() {
            private long lastNanos;

            @Override
            public void progress(String stage, long done, long total) {
                long now = System.nanoTime();
                if (now - lastNanos < 50_000_000L && done < total) {
                    return;
                }
                lastNanos = now;
                double value = total > 0 ? Math.min(1.0, (double) done / total) : -1;
                ui.execute(() -> progress.set(value));
            }

            @Override
            public boolean isCancelled() {
                return flag.get();
            }
        };
        worker.execute(() -> {
            String message;
            String error = "";
            try {
                message = work.run(monitor);
            } catch (CancelledException e) {
                message = capitalised(e.getMessage()) + ".";
            } catch (CaseFileException e) {
                message = "Failed: " + e.getMessage() + " The case is unchanged.";
                error = message;
            } catch (RuntimeException e) {
                message = "Failed: " + e + ". The case is unchanged.";
                error = message;
            }
            Snapshot snapshot = snapshot();
            if (!snapshot.problem().isEmpty() && error.isEmpty()) {
                error = "Failed: " + snapshot.problem();
                message = error;
            }
            String finalMessage = message;
            String finalError = error;
            ui.execute(() -> {
                apply(snapshot);
                busy.set(false);
                taskName.set("");
                progress.set(0);
                status.set(finalMessage);
                lastError.set(finalError);
            });
        });
    }

    private record Snapshot(Path path, CaseInfo info, List<Evidence> evidence, List<CustodyEntry> custody,
            InspectorData data, String problem) {
    }

    private Snapshot snapshot() {
        if (service == null) {
            return new Snapshot(null, null, List.of(), List.of(), InspectorData.EMPTY, "");
        }
        try {
            return new Snapshot(service.caseFile().path(), service.info(), service.evidence(), service.custody(),
                    InspectorData.read(service), "");
        } catch (CaseFileException e) {
            return new Snapshot(service.caseFile().path(), null, List.of(), List.of(), InspectorData.EMPTY,
                    e.getMessage());
        }
    }

    private void apply(Snapshot s) {
        boolean sameCase = Objects.equals(casePath.get(), s.path());
        boolean sameTimeline = sameCase && data.get().timeline().equals(s.data().timeline());
        long mine = ++applied;
        casePath.set(s.path());
        caseInfo.set(s.info());
        data.set(s.data());
        annotations.setAll(s.data().annotations());
        Runnable tables = () -> {
            // A later result has filled them already.
            if (applied != mine) {
                return;
            }
            evidence.setAll(s.evidence());
            custody.setAll(s.custody());
            gaps.setAll(s.data().gaps());
            streams.setAll(s.data().streams());
            alignments.setAll(s.data().alignments());
            refreshLadder();
        };
        if (!sameCase) {
            ladderCallId.set(null);
            selection.set(null);
            details.set(SelectionDetails.NONE);
            playLane.set(firstLane(s.data()));
        } else if (playLane.get() == null) {
            playLane.set(firstLane(s.data()));
        } else {
            playLane.set(s.data().lane(playLane.get().id()).orElse(firstLane(s.data())));
        }
        if (!sameTimeline) {
            timeline.show(s.data().timeline());
        } else {
            timeline.modelProperty().set(s.data().timeline());
        }
        if (sameCase) {
            tables.run();
        } else {
            tablesLater.execute(tables);
        }
    }

    /** The top lane of the timeline (recordings first), which playback starts with. */
    private static LaneRecord firstLane(InspectorData d) {
        return d.timeline().lanes().stream().findFirst().flatMap(l -> d.lane(l.laneId())).orElse(null);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
