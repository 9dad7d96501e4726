package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {
    @TempDir
    Path dir;

    @Test
    void caseDetailsSurviveCloseAndReopen() throws Exception {
        CaseInfo created;
        try (CaseService service = TestCases.newCase(dir)) {
            created = service.info();
        }
        try (CaseService reopened = CaseService.open(dir.resolve("case.seamline"))) {
            CaseInfo info = reopened.info();
            assertEquals(created, info);
            assertEquals("Failover on call 4711", info.title());
            assertEquals("C-2026-17", info.caseNumber());
            assertEquals("Dana Examiner", info.examiner());
            assertEquals(ZoneId.of("Europe/London"), info.timeZone());
            List<CustodyEntry> custody = reopened.custody();
            assertEquals(1, custody.size());
            assertEquals("create-case", custody.get(0).action());
            assertEquals(CustodyLog.GENESIS_HASH, custody.get(0).prevHash());
        }
    }

    @Test
    void newCaseUsesWalForeignKeysAndTheLatestSchema() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            Connection c = service.caseFile().connection();
            assertEquals("wal", pragma(c, "journal_mode"));
            assertEquals("1", pragma(c, "foreign_keys"));
            assertEquals(Integer.toString(Migrations.LATEST), pragma(c, "user_version"));
            assertEquals(Integer.toString(CaseFile.APPLICATION_ID), pragma(c, "application_id"));
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".creating-")),
                    "no temporary file is left beside the case");
        }
    }

    @Test
    void refusesToCreateOverAnExistingFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("case.seamline"), "precious");
        CaseFileException e = assertThrows(CaseFileException.class, () -> TestCases.newCase(dir));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(existing));
    }

    @Test
    void refusesAMissingCase() {
        CaseFileException e = assertThrows(CaseFileException.class,
                () -> CaseService.open(dir.resolve("nope.seamline")));
        assertTrue(e.getMessage().endsWith("nope.seamline: no such case file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nope.seamline")), "opening must not create the file");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.seamline"), "just some text, long enough to read");
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseService.open(text));
        assertTrue(e.getMessage().contains("not a Seamline case (not a SQLite database)"), e.getMessage());
        assertEquals("just some text, long enough to read", Files.readString(text));
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.seamline"));
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseService.open(empty));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void refusesASqliteDatabaseThatIsNotASeamlineCase() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x)");
        }
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseService.open(other));
        assertTrue(e.getMessage().contains("SQLite database but not a Seamline case"), e.getMessage());
    }

    @Test
    void refusesACaseFromANewerSchemaWithoutChangingIt() throws Exception {
        Path path;
        try (CaseService service = TestCases.newCase(dir)) {
            path = service.caseFile().path();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (Migrations.LATEST + 5));
        }
        byte[] before = Files.readAllBytes(path);
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseService.open(path));
        assertTrue(e.getMessage().contains("newer Seamline (schema " + (Migrations.LATEST + 5)), e.getMessage());
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(path)));
    }

    @Test
    void custodyLogRefusesUpdatesAndDeletesThroughSql() throws Exception {
        try (CaseService service = TestCases.newCase(dir)) {
            Connection c = service.caseFile().connection();
            try (Statement st = c.createStatement()) {
                var update = assertThrows(java.sql.SQLException.class,
                        () -> st.execute("UPDATE custody SET action = 'x'"));
                assertTrue(update.getMessage().contains("append-only"));
                var delete = assertThrows(java.sql.SQLException.class, () -> st.execute("DELETE FROM custody"));
                assertTrue(delete.getMessage().contains("append-only"));
            }
        }
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
