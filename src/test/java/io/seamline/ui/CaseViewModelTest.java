package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.analysis.GapRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state, driven without the FX toolkit: work runs on the calling thread. */
class CaseViewModelTest {
    private static final Executor DIRECT = Runnable::run;
    private static Path failover;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildFailoverCase() throws Exception {
        failover = FailoverCase.build(shared.resolve("failover"));
    }

    private CaseViewModel model() {
        return new CaseViewModel(DIRECT, DIRECT, new RecentCases(dir.resolve("config/recent.json")),
                new PlaybackViewModel(DIRECT, DIRECT, () -> new RecordingOutput(false, () -> { })));
    }

    private CaseViewModel openedCopy(CaseViewModel model) throws Exception {
        Path copy = Files.copy(failover, dir.resolve("copy.seamline"));
        model.openCase(copy);
        return model;
    }

    @Test
    void newCaseShowsItsDetailsAndTheCreationEntry() {
        CaseViewModel model = model();
        model.newCase(new NewCaseRequest(dir.resolve("a.seamline"), "Call 4711", "C-1", "Dana", ZoneId.of("UTC")));
        assertEquals("Call 4711", model.caseInfoProperty().get().title());
        assertEquals(1, model.custody().size());
        assertTrue(model.statusProperty().get().startsWith("Created a.seamline"));
        assertFalse(model.busyProperty().get());
    }

    @Test
    void exportStitchesThenWritesAVerifiablePackageAndHandsOverItsFolder() throws Exception {
        CaseViewModel model = openedCopy(model());
        Path target = dir.resolve("package");
        model.export(new ExportChoice(target, true, io.seamline.report.PaperSize.A4, null, null, new char[0],
                dir.resolve("keys")));
        assertEquals("", model.lastErrorProperty().get(), model.statusProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Exported stitched package-stitched.wav"),
                model.statusProperty().get());
        assertEquals(target.toAbsolutePath().normalize(), model.packageReadyProperty().get().toAbsolutePath().normalize());
        assertTrue(Files.exists(dir.resolve("package-stitched.wav")));
        assertTrue(Files.exists(target.resolve("SHA256SUMS")));
        assertTrue(Files.list(target.resolve("stitch")).anyMatch(p -> p.toString().endsWith(".wav")));
        var check = new io.seamline.report.PackageVerifier().verify(target, io.seamline.casefile.TaskMonitor.NONE);
        assertTrue(check.problems().isEmpty(), check.problems().toString());
        assertTrue(model.custody().stream().anyMatch(e -> e.action().equals("stitch")));
        assertTrue(model.custody().stream().anyMatch(e -> e.action().equals("export")));
        var stitched = model.dataProperty().get().timeline().lanes().stream()
                .filter(l -> l.kind() == io.seamline.timeline.LaneKind.STITCHED).findFirst().orElseThrow();
        assertTrue(stitched.label().startsWith("stitched package-stitched.wav"), stitched.label());
        assertTrue(model.dataProperty().get().pyramids().containsKey(stitched.laneId()));
        assertTrue(model.dataProperty().get().timeline().markers().stream().anyMatch(m -> m.label().equals("seam")));
    }

    @Test
    void importedFilesAppearAsEvidenceWithCustodyEntries() throws Exception {
        CaseViewModel model = model();
        try (var s = TestCases.newCase(dir)) {
            model.openCase(s.caseFile().path());
        }
        model.importFiles(List.of(TestCases.fixture("recording.wav"), TestCases.fixture("edge-buffer.wav")));
        assertEquals(2, model.evidence().size());
        assertEquals("edge-buffer.wav", model.evidence().get(1).originalName());
        assertEquals(3, model.custody().size());
        assertEquals("", model.lastErrorProperty().get());
    }

    @Test
    void aFailedImportSaysWhatFailedAndThatTheCaseIsUnchanged() throws Exception {
        CaseViewModel model = model();
        try (var s = TestCases.newCase(dir)) {
            model.openCase(s.caseFile().path());
        }
        Path junk = Files.writeString(dir.resolve("junk.dat"), "junk");
        model.importFiles(List.of(TestCases.fixture("recording.wav"), junk));
        assertTrue(model.lastErrorProperty().get().contains("junk.dat: unknown format"),
                model.lastErrorProperty().get());
        assertTrue(model.statusProperty().get().endsWith("The case is unchanged."));
        assertEquals(0, model.evidence().size());
        assertEquals(1, model.custody().size());
    }

    @Test
    void openingSomethingThatIsNotACaseLeavesNoCaseOpen() throws Exception {
        CaseViewModel model = model();
        Path junk = Files.writeString(dir.resolve("junk.seamline"), "junk junk junk junk");
        model.openCase(junk);
        assertNull(model.caseInfoProperty().get());
        assertTrue(model.lastErrorProperty().get().contains("not a Seamline case"));
    }

    @Test
    void aCaseOpenedAheadOfTheWindowIsReadAndShownLikeAnyOther() throws Exception {
        CaseViewModel model = model();
        Path copy = Files.copy(failover, dir.resolve("ahead.seamline"));
        model.openCase(copy, java.util.concurrent.CompletableFuture.completedFuture(CaseService.open(copy)));
        assertEquals(copy, model.casePathProperty().get());
        assertEquals(3, model.dataProperty().get().timeline().lanes().size());
        assertFalse(model.gaps().isEmpty());
        assertTrue(model.statusProperty().get().startsWith("Opened ahead.seamline (read in "));
    }

    @Test
    void aCaseThatFailedToOpenAheadSaysWhatFailedAndLeavesNoCaseOpen() throws Exception {
        CaseViewModel model = model();
        Path junk = Files.writeString(dir.resolve("junk.seamline"), "junk junk junk junk");
        var opening = java.util.concurrent.CompletableFuture.<CaseService>supplyAsync(() -> {
            try {
                return CaseService.open(junk);
            } catch (io.seamline.casefile.CaseFileException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        model.openCase(junk, opening);
        assertNull(model.caseInfoProperty().get());
        assertTrue(model.lastErrorProperty().get().contains("not a Seamline case"), model.lastErrorProperty().get());
    }

    @Test
    void addingEvidenceWithNoCaseOpenAsksForACase() {
        CaseViewModel model = model();
        model.importFiles(List.of(Path.of("x.wav")));
        assertTrue(model.statusProperty().get().contains("Open or create a case"));
    }

    @Test
    void openingAnAnalysedCaseFillsTheTimelineTablesAndLadder() throws Exception {
        CaseViewModel model = openedCopy(model());
        InspectorData data = model.dataProperty().get();
        assertEquals(3, data.timeline().lanes().size(), "two decoded directions and the recording");
        assertEquals(3, data.pyramids().size());
        GapRecord dropout = model.gaps().stream().filter(g -> g.kind().equals("dropout")).findFirst().orElseThrow();
        assertEquals("media handoff", dropout.cause());
        assertFalse(model.streams().isEmpty());
        assertEquals(data.messages().size(), model.ladderMessages().size());
        assertTrue(model.ladderMessages().stream().anyMatch(m -> m.label().startsWith("INVITE")));
        assertTrue(model.ladderMessages().stream().anyMatch(m -> m.label().startsWith("BYE")));
        assertEquals(data.timeline().lanes().size(), model.alignments().size());
        assertTrue(model.playLaneProperty().get() != null);
    }

    @Test
    void anOpenedCasesTablesAreFilledWhenTheGivenExecutorRunsAfterItsTimeline() throws Exception {
        CaseViewModel model = model();
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        model.fillTablesWith(later::add);
        openedCopy(model);
        assertEquals(3, model.timeline().modelProperty().get().lanes().size(), "the timeline is shown at once");
        assertTrue(model.gaps().isEmpty() && model.streams().isEmpty() && model.evidence().isEmpty()
                && model.ladderMessages().isEmpty(), "the tables wait");
        assertEquals(1, later.size());
        later.get(0).run();
        assertFalse(model.gaps().isEmpty());
        assertFalse(model.streams().isEmpty());
        assertFalse(model.evidence().isEmpty());
        assertEquals(model.dataProperty().get().messages().size(), model.ladderMessages().size());
    }

    @Test
    void analysingFromTheWindowReplacesResultsAndLogsCustody() throws Exception {
        CaseViewModel model = model();
        Path casePath;
        try (CaseService s = TestCases.newCase(dir)) {
            casePath = s.caseFile().path();
        }
        model.openCase(casePath);
        model.importFiles(List.of(FailoverCase.mediaMove()));
        assertTrue(model.dataProperty().get().timeline().isEmpty());
        model.analyze();
        assertEquals("", model.lastErrorProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Analysed: 1 call(s)"), model.statusProperty().get());
        assertEquals(2, model.dataProperty().get().timeline().lanes().size());
        assertEquals("analyze", model.custody().get(model.custody().size() - 1).action());
    }

    @Test
    void selectingAGapCentresTheTimelineOnItAndDoubleClickZoomsToIt() throws Exception {
        CaseViewModel model = openedCopy(model());
        model.timeline().setWidth(1200);
        GapRecord gap = model.gaps().stream().filter(g -> g.kind().equals("dropout")).findFirst().orElseThrow();
        double before = model.timeline().viewportProperty().get().nanosPerPixel();
        model.select(gap);
        Instant mid = gap.startUtc().plus(Duration.between(gap.startUtc(), gap.endUtc()).dividedBy(2));
        assertEquals(600, model.timeline().viewportProperty().get().xOf(mid), 1.0);
        assertEquals(before, model.timeline().viewportProperty().get().nanosPerPixel(), 1e-6);
        assertTrue(model.detailsProperty().get().body().contains("media handoff"));
        model.zoomToGap(gap);
        var v = model.timeline().viewportProperty().get();
        assertTrue(v.xOf(gap.startUtc()) > 0 && v.xOf(gap.endUtc()) < 1200, v.toString());
        assertTrue(v.xOf(gap.endUtc()) - v.xOf(gap.startUtc()) > 400, "the gap fills much of the view");
    }

    @Test
    void selectingAMessageShowsItsRawTextAndMarksItsTime() throws Exception {
        CaseViewModel model = openedCopy(model());
        SipMessageRecord bye = model.ladderMessages().stream().filter(m -> m.label().startsWith("BYE")).findFirst()
                .orElseThrow();
        model.select(bye);
        assertTrue(model.detailsProperty().get().body().contains("BYE sip:"), model.detailsProperty().get().body());
        assertEquals(bye.timeUtc(), model.timeline().markUtcProperty().get());
        assertEquals(model.timeline().viewportProperty().get().widthPx() / 2,
                model.timeline().viewportProperty().get().xOf(bye.timeUtc()), 1.0);
    }

    @Test
    void choosingACallFiltersTheLadder() throws Exception {
        CaseViewModel model = openedCopy(model());
        var call = model.dataProperty().get().calls().get(0);
        model.select(call);
        assertTrue(model.ladderMessages().stream().allMatch(m -> m.callId().equals(call.callId())));
        model.ladderCallIdProperty().set("no-such-call");
        assertTrue(model.ladderMessages().isEmpty());
    }

    @Test
    void aNoteOnTheSelectedRangeIsRecordedWithItsCustodyEntry() throws Exception {
        CaseViewModel model = openedCopy(model());
        model.annotate("handoff heard here");
        assertTrue(model.statusProperty().get().contains("Shift-drag"));
        GapRecord gap = model.gaps().get(0);
        model.timeline().selectRange(gap.startUtc(), gap.endUtc());
        model.annotate("handoff heard here");
        assertEquals(1, model.annotations().size(), model.statusProperty().get());
        assertEquals("handoff heard here", model.annotations().get(0).text());
        assertEquals(gap.startUtc(), model.annotations().get(0).startUtc());
        assertEquals("annotate", model.custody().get(model.custody().size() - 1).action());
        model.select(model.annotations().get(0));
        assertTrue(model.detailsProperty().get().body().contains("handoff heard here"));
    }

    @Test
    void openedCasesAreRememberedNewestFirst() throws Exception {
        CaseViewModel model = openedCopy(model());
        Path other = dir.resolve("other.seamline");
        model.newCase(new NewCaseRequest(other, "Other", "", "Dana", ZoneId.of("UTC")));
        assertEquals(List.of(other.toAbsolutePath(), dir.resolve("copy.seamline").toAbsolutePath()),
                model.recentCases());
        assertEquals(model.recentCases(), new RecentCases(dir.resolve("config/recent.json")).list());
    }

    @Test
    void playingASelectionSendsItsSamplesAndEndsWithThePlayheadCleared() throws Exception {
        RecordingOutput out = new RecordingOutput(false, () -> { });
        CaseViewModel model = new CaseViewModel(DIRECT, DIRECT, null,
                new PlaybackViewModel(DIRECT, DIRECT, () -> out));
        openedCopy(model);
        var lane = model.playLaneProperty().get();
        var tl = model.dataProperty().get().timeline().lanes().stream().filter(l -> l.laneId() == lane.id())
                .findFirst().orElseThrow();
        model.timeline().selectRange(tl.alignedStartUtc(), tl.alignedStartUtc().plusSeconds(2));
        model.togglePlay();
        assertEquals(16_000, out.samples.get(), 8);
        assertEquals(lane.sampleRateHz(), out.openedAtHz);
        assertTrue(out.closed);
        assertFalse(model.playback().playingProperty().get());
        assertNull(model.timeline().playheadUtcProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Played"), model.statusProperty().get());
    }

    @Test
    void withoutAnAudioDevicePlaybackSaysSoAndStops() throws Exception {
        CaseViewModel model = new CaseViewModel(DIRECT, DIRECT, null,
                new PlaybackViewModel(DIRECT, DIRECT, () -> new RecordingOutput(true, () -> { })));
        openedCopy(model);
        model.togglePlay();
        assertFalse(model.playback().playingProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Cannot play: No audio device"),
                model.statusProperty().get());
    }
}
