package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import io.seamline.timeline.Viewport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real inspector window under Monocle: a failover case (the media-move capture and a recording
 * built from it, analysed) opened, zoomed and panned; a gap row centring the timeline; a ladder
 * message showing its raw text; play and pause with space; evidence dropped on the window; a long
 * task cancelled.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CaseViewTest {
    @TempDir
    static Path dir;
    private static Path failover;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService player = Executors.newSingleThreadExecutor();
    private CaseViewModel model;
    private CaseView view;

    @BeforeAll
    static void buildCase() throws Exception {
        failover = FailoverCase.build(dir.resolve("failover"));
    }

    @Start
    void start(Stage stage) {
        // A device that takes 10 ms per 50 ms block: playback lasts long enough to pause it.
        model = new CaseViewModel(worker, Platform::runLater, new RecentCases(dir.resolve("recent.json")),
                new PlaybackViewModel(player, Platform::runLater, () -> new RecordingOutput(false, () -> sleep(10))));
        view = new CaseView(model);
        javafx.scene.Scene scene = new javafx.scene.Scene(view.root(), 1260, 780);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        Platform.runLater(() -> model.playback().stop());
        worker.shutdownNow();
        player.shutdownNow();
    }

    private Path copyOfFailover(String name) throws Exception {
        return Files.copy(failover, Files.createTempDirectory(dir, name).resolve("failover.seamline"));
    }

    private void openFailover(FxRobot robot) throws Exception {
        Path copy = copyOfFailover("open");
        robot.interact(() -> model.openCase(copy));
        waitUntilIdle();
    }

    @Test
    void openingACaseShowsItsEvidenceAndCustodyLog(FxRobot robot) throws Exception {
        Path casePath;
        Path caseDir = Files.createTempDirectory(dir, "plain");
        try (CaseService service = TestCases.newCase(caseDir)) {
            casePath = service.caseFile().path();
            service.importEvidence(new ImportRequest(List.of(TestCases.fixture("recording.wav")), null, ""),
                    TaskMonitor.NONE);
        }
        robot.interact(() -> model.openCase(casePath));
        waitUntilIdle();
        assertEquals("Failover on call 4711", robot.lookup("#caseTitle").queryAs(Label.class).getText());
        TableView<Evidence> evidence = robot.lookup("#evidenceTable").queryTableView();
        assertEquals(1, evidence.getItems().size());
        assertEquals("recording.wav", evidence.getItems().get(0).originalName());
        assertEquals(2, robot.lookup("#custodyTable").queryTableView().getItems().size());
        assertTrue(robot.lookup("#caseDetails").queryAs(Label.class).getText().contains("Europe/London"));
    }

    @Test
    void anAnalysedCaseOpensWithItsLanesAndZoomsAndPans(FxRobot robot) throws Exception {
        openFailover(robot);
        assertEquals(3, view.timelineView().laneLabels().size());
        assertEquals(3, robot.lookup("#gapsTable").queryTableView().getItems().size() > 0 ? 3 : 0);
        Viewport fitted = model.timeline().viewportProperty().get();
        assertEquals(robot.lookup("#timelineCanvas").query().getBoundsInLocal().getWidth() - TimelineView.GUTTER_PX,
                fitted.widthPx(), 1.0);
        robot.clickOn("#zoomInButton");
        assertEquals(fitted.nanosPerPixel() / TimelineViewModel.ZOOM_STEP,
                model.timeline().viewportProperty().get().nanosPerPixel(), 1e-3);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertEquals(fitted.nanosPerPixel() * TimelineViewModel.ZOOM_STEP,
                model.timeline().viewportProperty().get().nanosPerPixel(), 1e-3);
        robot.type(KeyCode.EQUALS);
        robot.type(KeyCode.EQUALS);
        robot.type(KeyCode.EQUALS);
        Instant leftBefore = model.timeline().viewportProperty().get().startUtc();
        Node canvas = robot.lookup("#timelineCanvas").query();
        Point2D from = canvas.localToScreen(TimelineView.GUTTER_PX + 500, 20);
        robot.drag(from, MouseButton.PRIMARY).moveBy(-100, 0).moveBy(-100, 0).release(MouseButton.PRIMARY);
        Instant leftAfter = model.timeline().viewportProperty().get().startUtc();
        double movedPx = Duration.between(leftBefore, leftAfter).toNanos()
                / model.timeline().viewportProperty().get().nanosPerPixel();
        assertEquals(200, movedPx, 3, "dragging left by 200 px shows later time");
        robot.press(KeyCode.SHIFT);
        robot.drag(canvas.localToScreen(TimelineView.GUTTER_PX + 300, 200), MouseButton.PRIMARY).moveBy(60, 0)
                .moveBy(60, 0).release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        assertTrue(model.timeline().hasSelection(), "shift-drag selects a range");
        assertTrue(robot.lookup("#selectionLabel").queryAs(Label.class).getText().startsWith("Selection "));
        robot.moveTo(canvas.localToScreen(TimelineView.GUTTER_PX + 400, 120));
        assertTrue(robot.lookup("#cursorReadout").queryAs(Label.class).getText().contains("Europe/London"));
        robot.clickOn("#fitButton");
        assertEquals(fitted.nanosPerPixel(), model.timeline().viewportProperty().get().nanosPerPixel(), 1e-3);
        robot.clickOn("#zoneToggle");
        assertEquals("Europe/London", model.timeline().axisZone().getId());
    }

    @Test
    void selectingAGapRowCentresTheTimelineAndDoubleClickZoomsToIt(FxRobot robot) throws Exception {
        openFailover(robot);
        TableView<GapRecord> gaps = robot.lookup("#gapsTable").queryTableView();
        int row = indexOf(gaps.getItems(), "dropout");
        GapRecord gap = gaps.getItems().get(row);
        Node cell = robot.lookup("#gapsTable .table-row-cell").nth(row).query();
        robot.clickOn(cell);
        Viewport v = model.timeline().viewportProperty().get();
        Instant mid = gap.startUtc().plus(Duration.between(gap.startUtc(), gap.endUtc()).dividedBy(2));
        assertEquals(v.widthPx() / 2, v.xOf(mid), 1.0);
        assertTrue(robot.lookup("#detailsText").queryAs(TextArea.class).getText().contains("media handoff"));
        robot.doubleClickOn(cell);
        v = model.timeline().viewportProperty().get();
        assertTrue(v.xOf(gap.endUtc()) - v.xOf(gap.startUtc()) > v.widthPx() / 3, "zoomed to the gap: " + v);
        Node canvas = robot.lookup("#timelineCanvas").query();
        int laneIndex = view.timelineView().laneLabels().indexOf(gap.lane());
        double laneY = TimelineView.AXIS_PX + TimelineView.MARKER_ROWS * TimelineView.MARKER_ROW_PX
                + (laneIndex + 0.5) * laneHeight(canvas);
        robot.moveTo(canvas.localToScreen(TimelineView.GUTTER_PX + v.xOf(mid), laneY));
        String tip = view.timelineView().gapTooltip().getText();
        assertTrue(tip != null && tip.contains("Cause: media handoff") && tip.contains("confidence"), tip);
    }

    @Test
    void clickingALadderMessageShowsItsRawTextAndMovesTheTimeline(FxRobot robot) throws Exception {
        openFailover(robot);
        robot.clickOn("SIP ladder");
        Node first = robot.lookup("#ladderMsg-0").query();
        SipMessageRecord invite = (SipMessageRecord) first.getUserData();
        assertTrue(invite.label().startsWith("INVITE"), invite.label());
        int byeRow = indexOfMessage(model.ladderMessages(), "BYE");
        robot.interact(() -> view.ladder().scrollTo(byeRow));
        WaitForAsyncUtils.waitForFxEvents();
        Node byeNode = robot.lookup("#ladderMsg-" + byeRow).query();
        Point2D onArrow = byeNode.localToScreen(SipLadderView.TIME_PX + 40, SipLadderView.ROW_PX - 7);
        robot.clickOn(onArrow, MouseButton.PRIMARY);
        SipMessageRecord bye = model.ladderMessages().get(byeRow);
        String text = robot.lookup("#detailsText").queryAs(TextArea.class).getText();
        assertTrue(text.contains("BYE sip:") && text.contains("Call-ID"), text);
        assertEquals(bye.timeUtc(), model.timeline().markUtcProperty().get());
        Viewport v = model.timeline().viewportProperty().get();
        assertEquals(v.widthPx() / 2, v.xOf(bye.timeUtc()), 1.0);
        assertTrue(robot.lookup("#ladderMsg-" + byeRow).query().getStyleClass().contains("ladder-row-selected"));
    }

    @Test
    void spaceStartsAndPausesPlayback(FxRobot robot) throws Exception {
        openFailover(robot);
        assertNotNull(model.playLaneProperty().get());
        robot.clickOn("#fitButton");
        robot.type(KeyCode.SPACE);
        assertTrue(model.playback().playingProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.timeline().playheadUtcProperty().get() != null);
        assertEquals("\u23f8 Pause", robot.lookup("#playButton").queryButton().getText());
        robot.type(KeyCode.SPACE);
        assertFalse(model.playback().playingProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Paused"));
        assertNotNull(model.timeline().playheadUtcProperty().get(), "a pause leaves the playhead where it stopped");
        assertEquals("\u25b6 Play", robot.lookup("#playButton").queryButton().getText());
    }

    @Test
    void droppingFilesOnTheWindowImportsThem(FxRobot robot) throws Exception {
        Path caseDir = Files.createTempDirectory(dir, "drop");
        Path casePath;
        try (CaseService service = TestCases.newCase(caseDir)) {
            casePath = service.caseFile().path();
        }
        robot.interact(() -> model.openCase(casePath));
        waitUntilIdle();
        File wav = TestCases.fixture("edge-buffer.wav").toFile();
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
            board.setContent(Map.of(DataFormat.FILES, List.of(wav)));
            DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, board, 300, 300, 300, 300, TransferMode.COPY,
                    null, null, null);
            Event.fireEvent(view.root(), drop);
        });
        waitUntilIdle();
        assertEquals(1, robot.lookup("#evidenceTable").queryTableView().getItems().size());
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().startsWith("Imported 1 file(s)"));
    }

    @Test
    void cancellingALongTaskLeavesTheCaseUnchanged(FxRobot robot) throws Exception {
        Path caseDir = Files.createTempDirectory(dir, "cancel");
        Path casePath;
        try (CaseService service = TestCases.newCase(caseDir)) {
            casePath = service.caseFile().path();
            service.importEvidence(new ImportRequest(List.of(FailoverCase.mediaMove()), null, ""), TaskMonitor.NONE);
        }
        robot.interact(() -> model.openCase(casePath));
        waitUntilIdle();
        int custodyBefore = model.custody().size();
        CountDownLatch hold = new CountDownLatch(1);
        worker.execute(() -> {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        robot.clickOn("#analyzeButton");
        assertTrue(model.busyProperty().get());
        assertTrue(robot.lookup("#taskProgress").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Node cancel = robot.lookup("#cancelTask").query();
        assertTrue(cancel.isVisible() && cancel.localToScene(cancel.getBoundsInLocal()).getMaxX()
                <= cancel.getScene().getWidth(), "Cancel shows while the task runs: " + cancel.localToScene(
                cancel.getBoundsInLocal()) + " in " + cancel.getScene().getWidth() + "x" + cancel.getScene().getHeight());
        robot.clickOn("#cancelTask");
        hold.countDown();
        waitUntilIdle();
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertTrue(status.contains("cancelled") && status.contains("the case is unchanged"), status);
        assertEquals(custodyBefore, model.custody().size());
        assertTrue(model.dataProperty().get().timeline().isEmpty());
        assertFalse(robot.lookup("#cancelTask").query().isVisible());
    }

    @Test
    void theTimelineDrawsEachLaneInItsPaletteColourAndShadesTheGapByKind(FxRobot robot) throws Exception {
        openFailover(robot);
        TimelineView timeline = view.timelineView();
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> timeline.snapshot(null, null))
                .get(30, TimeUnit.SECONDS);
        javafx.scene.image.PixelReader pixels = shot.getPixelReader();
        Node canvas = robot.lookup("#timelineCanvas").query();
        double laneH = laneHeight(canvas);
        double lanesTop = TimelineView.AXIS_PX + TimelineView.MARKER_ROWS * TimelineView.MARKER_ROW_PX;
        var lanes = model.timeline().modelProperty().get().lanes();
        for (int i = 0; i < lanes.size(); i++) {
            int colour = TimelineView.argb(javafx.scene.paint.Color.web(
                    io.seamline.timeline.Palette.lane(lanes.get(i).kind())));
            int solid = 0;
            for (int y = (int) (lanesTop + i * laneH); y < lanesTop + (i + 1) * laneH; y++) {
                for (int x = (int) TimelineView.GUTTER_PX; x < shot.getWidth(); x++) {
                    solid += pixels.getArgb(x, y) == colour ? 1 : 0;
                }
            }
            assertTrue(solid > 50, lanes.get(i).label() + " has " + solid + " pixels of its colour");
        }
        GapRecord gap = model.gaps().get(indexOf(model.gaps(), "dropout"));
        int laneIndex = timeline.laneLabels().indexOf(gap.lane());
        Viewport v = model.timeline().viewportProperty().get();
        Instant mid = gap.startUtc().plus(Duration.between(gap.startUtc(), gap.endUtc()).dividedBy(2));
        int x = (int) Math.round(TimelineView.GUTTER_PX + v.xOf(mid));
        // Just above the lane's bottom edge: under the gap is only the lane's background.
        int y = (int) Math.floor(lanesTop + (laneIndex + 1) * laneH - 2.5);
        javafx.scene.paint.Color shade = javafx.scene.paint.Color.web(io.seamline.timeline.Palette.gap("dropout"));
        javafx.scene.paint.Color background = javafx.scene.paint.Color.web(laneIndex % 2 == 1 ? "#f6f6f2" : "#fbfbf9");
        javafx.scene.paint.Color seen = pixels.getColor(x, y);
        javafx.scene.paint.Color expected = background.interpolate(shade, 0.38);
        assertEquals(expected.getRed(), seen.getRed(), 0.02, "shaded " + seen + ", expected " + expected);
        assertEquals(expected.getGreen(), seen.getGreen(), 0.02, "shaded " + seen + ", expected " + expected);
        assertEquals(expected.getBlue(), seen.getBlue(), 0.02, "shaded " + seen + ", expected " + expected);
    }

    private static double laneHeight(Node canvas) {
        double free = canvas.getBoundsInLocal().getHeight() - TimelineView.AXIS_PX
                - TimelineView.MARKER_ROWS * TimelineView.MARKER_ROW_PX - TimelineView.NOTES_PX;
        return Math.max(TimelineView.MIN_LANE_PX, free / 3);
    }

    private static int indexOf(List<GapRecord> gaps, String kind) {
        for (int i = 0; i < gaps.size(); i++) {
            if (gaps.get(i).kind().equals(kind)) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " in " + gaps);
    }

    private static int indexOfMessage(List<SipMessageRecord> messages, String method) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).label().startsWith(method)) {
                return i;
            }
        }
        throw new AssertionError("no " + method);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitUntilIdle() throws Exception {
        worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
