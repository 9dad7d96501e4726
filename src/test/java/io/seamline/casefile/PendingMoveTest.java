package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file move recorded with a committed operation (stitch, export) is finished right after the commit or,
 * when the process died in between, on the next open: the roll forward that keeps such an operation
 * complete or absent.
 */
class PendingMoveTest {
    @TempDir
    Path dir;

    @Test
    void aMoveRecordedButNotDoneIsFinishedWhenTheCaseIsNextOpened() throws Exception {
        Path from = dir.resolve(".stitched.wav.123.partial");
        Path to = dir.resolve("stitched.wav");
        Files.writeString(from, "whole file");
        Path casePath;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
            service.caseFile().inTransaction(c -> {
                service.recordCustody("note", "stitched.wav", java.util.Map.of("text", "a recorded operation"));
                service.caseFile().recordMove(c, from, to, false);
                return null;
            });
            assertTrue(Files.exists(from), "the process 'dies' here, before finishMoves");
            assertFalse(Files.exists(to));
        }
        try (CaseService service = CaseService.open(casePath)) {
            assertEquals("whole file", Files.readString(to));
            assertFalse(Files.exists(from));
            assertEquals(0, pendingMoves(service));
            assertTrue(service.verify(TaskMonitor.NONE).intact());
        }
    }

    @Test
    void aRolledBackOperationLeavesNoMoveBehind() throws Exception {
        Path from = dir.resolve(".package.zip.partial");
        Files.writeString(from, "zip");
        try (CaseService service = TestCases.newCase(dir)) {
            assertThrows(CaseFileException.class, () -> service.caseFile().inTransaction(c -> {
                service.caseFile().recordMove(c, from, dir.resolve("package.zip"), false);
                throw new CaseFileException(from, "the export failed");
            }));
            assertEquals(0, pendingMoves(service));
            service.caseFile().finishMoves();
            assertFalse(Files.exists(dir.resolve("package.zip")));
        }
    }

    @Test
    void aMoveOntoAnExistingFileStaysRecordedAndIsNamed() throws Exception {
        Path from = dir.resolve(".stitched.wav.9.partial");
        Path to = dir.resolve("stitched.wav");
        Files.writeString(from, "new");
        Files.writeString(to, "someone else's file");
        Path casePath;
        try (CaseService service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
            service.caseFile().inTransaction(c -> {
                service.caseFile().recordMove(c, from, to, false);
                return null;
            });
        }
        try (CaseService service = CaseService.open(casePath)) {
            assertEquals("someone else's file", Files.readString(to), "an open never overwrites");
            CaseFileException e = assertThrows(CaseFileException.class, () -> service.caseFile().finishMoves());
            assertTrue(e.getMessage().contains("stitched.wav") && e.getMessage().contains(from.toString()),
                    e.getMessage());
            assertEquals(1, pendingMoves(service));
            Files.delete(to);
            service.caseFile().finishMoves();
            assertEquals("new", Files.readString(to));
            assertEquals(0, pendingMoves(service));
        }
    }

    private static long pendingMoves(CaseService service) throws Exception {
        try (Statement st = service.caseFile().connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pending_move")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
