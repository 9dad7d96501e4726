package io.seamline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.CaseFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one line {@code seamline} prints for each kind of failure a command can end with. */
class ErrorLineTest {
    private static final Path CASE = Path.of("/cases/call-4711.seamline");

    @Test
    void aCaseFileExceptionIsItsMessageFoldedOntoOneLine() {
        assertEquals("/cases/x.wav: bad chunk at offset 12 (next line)",
                SeamlineCommand.errorLine(new CaseFileException(Path.of("/cases/x.wav"), "bad chunk at offset 12\n(next line)"),
                        CASE));
    }

    @Test
    void aFileSystemErrorNamesItsFileAndReasonWithoutTheExceptionClass() {
        assertEquals("/cases/sample: no such file or folder",
                SeamlineCommand.errorLine(new NoSuchFileException("/cases/sample"), CASE));
        assertEquals("/cases/sample: permission denied",
                SeamlineCommand.errorLine(new UncheckedIOException(new AccessDeniedException("/cases/sample")), CASE));
        assertTrue(SeamlineCommand.isInputError(new UncheckedIOException(new IOException("x"))));
    }

    @Test
    void anOtherIoErrorIsPrefixedWithTheFileTheCommandWasGiven() {
        assertEquals(CASE + ": Input/output error", SeamlineCommand.errorLine(new IOException("Input/output error"), CASE));
    }

    @Test
    void aDefectNamesTheFileAndAsksForDebugOnOneLine() {
        String line = SeamlineCommand.errorLine(new IllegalStateException("lane 3\nhas no rate"), CASE);
        assertEquals(CASE + ": internal error (IllegalStateException: lane 3 has no rate); run again with --debug"
                + " for details", line);
        assertFalse(SeamlineCommand.isInputError(new IllegalStateException()));
    }
}
