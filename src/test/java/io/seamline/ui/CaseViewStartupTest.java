package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
 * The window as the application builds it for a fast first picture (Monocle): the bottom tabs, the
 * case explorer, details pane, lane chooser and the task's progress bar and Cancel are empty slots and the buttons have no
 * tooltips until the deferred tasks run (or, for a hidden tab, until it is selected), and the timeline
 * reports when it first drew an opened case's lanes (what {@code seamline.exitAfterFirstPaint} waits for).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CaseViewStartupTest {
    @TempDir
    static Path dir;
    private static Path failover;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final List<Runnable> deferred = new ArrayList<>();
    private CaseViewModel model;
    private CaseView view;

    @BeforeAll
    static void buildCase() throws Exception {
        failover = FailoverCase.build(dir.resolve("failover"));
    }

    @Start
    void start(Stage stage) {
        model = new CaseViewModel(worker, Platform::runLater);
        view = new CaseView(model, deferred::add);
        stage.setScene(new Scene(view.root(), 1260, 780));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void partsTheFirstPictureDoesNotNeedAreBuiltByTheDeferredTasks(FxRobot robot) {
        assertTrue(robot.lookup("#timeline").tryQuery().isPresent());
        assertNull(robot.lookup("#fitButton").queryButton().getTooltip());
        for (String part : List.of("#bottomTabs", "#gapsTable", "#caseTree", "#detailsText", "#playLane",
                "#custodyTable", "#analyzeButton", "#taskProgress", "#cancelTask")) {
            assertTrue(robot.lookup(part).tryQuery().isEmpty(), part + " is built before the first picture");
        }
        runDeferredOnce(robot);
        assertNull(tab(robot, "ladderTab").getContent(), "a hidden tab waits for the next round");
        runDeferred(robot);
        assertTrue(robot.lookup("#gapsTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#detailsText").tryQuery().isPresent());
        assertTrue(robot.lookup("#playLane").tryQuery().isPresent());
        assertEquals("Read every capture and recording of the case (Ctrl+R)",
                robot.lookup("#analyzeButton").queryButton().getTooltip().getText());
        assertTrue(robot.lookup("#custodyTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#evidenceTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#taskProgress").tryQuery().isPresent());
        assertTrue(robot.lookup("#cancelTask").tryQuery().isPresent());
        assertNotNull(tab(robot, "ladderTab").getContent());
        assertEquals("Show the whole case (F or 0)", robot.lookup("#fitButton").queryButton().getTooltip().getText());
        assertEquals(5, robot.lookup("#caseTree").queryAs(javafx.scene.control.TreeView.class).getRoot()
                .getChildren().size());
    }

    @Test
    void selectingAHiddenTabBuildsItAtOnce(FxRobot robot) {
        runDeferredOnce(robot);
        robot.clickOn("Streams");
        assertTrue(robot.lookup("#streamsTable").tryQuery().isPresent());
        assertTrue(robot.lookup("#alignmentTable").tryQuery().isEmpty());
        Object streams = tab(robot, "streamsTab").getContent();
        runDeferred(robot);
        assertTrue(streams == tab(robot, "streamsTab").getContent(), "a built tab is not built again");
    }

    @Test
    void theTimelineTellsWhenItFirstDrewLanes(FxRobot robot) throws Exception {
        assertFalse(view.timelineView().lanesShownProperty().get());
        Path copy = Files.copy(failover, Files.createTempDirectory(dir, "open").resolve("failover.seamline"));
        robot.interact(() -> model.openCase(copy));
        worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.timelineView().lanesShownProperty().get());
    }

    /** Runs the deferred tasks as the window's executor does, including those they defer in turn. */
    private void runDeferred(FxRobot robot) {
        robot.interact(() -> {
            while (!deferred.isEmpty()) {
                deferred.remove(0).run();
            }
        });
    }

    /** Runs the tasks deferred so far; what they defer in turn waits for the next round. */
    private void runDeferredOnce(FxRobot robot) {
        robot.interact(() -> {
            List<Runnable> round = List.copyOf(deferred);
            deferred.clear();
            round.forEach(Runnable::run);
        });
    }

    private static Tab tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }
}
