package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state, driven without the FX toolkit: work runs on the calling thread. */
class CaseViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private CaseViewModel model() {
        return new CaseViewModel(DIRECT, DIRECT);
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
    void addingEvidenceWithNoCaseOpenAsksForACase() {
        CaseViewModel model = model();
        model.importFiles(List.of(Path.of("x.wav")));
        assertTrue(model.statusProperty().get().contains("Open or create a case"));
    }
}
