package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CaseService;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.casefile.TestCases;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window under Monocle: opening a case fills the header, the evidence table and the custody log. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CaseViewTest {
    @TempDir
    static Path dir;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private CaseViewModel model;

    @Start
    void start(Stage stage) {
        model = new CaseViewModel(worker, Platform::runLater);
        stage.setScene(SeamlineApp.createScene(model));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void openingACaseShowsItsEvidenceAndCustodyLog(FxRobot robot) throws Exception {
        Path casePath;
        Path caseDir = java.nio.file.Files.createTempDirectory(dir, "open");
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
    void importingShowsTheNewRowAndStatus(FxRobot robot) throws Exception {
        Path caseDir = java.nio.file.Files.createTempDirectory(dir, "import");
        Path casePath;
        try (CaseService service = TestCases.newCase(caseDir)) {
            casePath = service.caseFile().path();
        }
        robot.interact(() -> model.openCase(casePath));
        waitUntilIdle();
        robot.interact(() -> model.importFiles(List.of(TestCases.fixture("edge-buffer.wav"))));
        waitUntilIdle();
        assertEquals(1, robot.lookup("#evidenceTable").queryTableView().getItems().size());
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().startsWith("Imported 1 file(s)"));
    }

    private void waitUntilIdle() throws Exception {
        worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
