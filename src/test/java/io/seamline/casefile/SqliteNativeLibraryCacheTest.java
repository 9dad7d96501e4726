package io.seamline.casefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryCacheTest {
    private static final String VERSION = SQLiteJDBCLoader.getVersion();

    private static byte[] jarLibrary() throws Exception {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    @Test
    void copiesTheJarsLibraryOnceIntoAFolderNamedByItsSha256(@TempDir Path root) throws Exception {
        Path library = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        byte[] expected = jarLibrary();
        assertArrayEquals(expected, Files.readAllBytes(library));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected));
        assertEquals(sha, library.getParent().getFileName().toString());
        assertTrue(library.getParent().getParent().getFileName().toString().startsWith(VERSION + "-"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(library)));

        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);
        Path again = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        assertEquals(library, again);
        assertEquals(written, Files.getLastModifiedTime(again), "a verified copy is used as it is");
    }

    @Test
    void replacesACopyWhoseBytesNoLongerMatchTheRecord(@TempDir Path root) throws Exception {
        Path library = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        byte[] bytes = Files.readAllBytes(library);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(library, bytes);
        Path repaired = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        assertArrayEquals(jarLibrary(), Files.readAllBytes(repaired));
    }

    @Test
    void refusesACopyOthersCanWriteAndMakesItAgain(@TempDir Path root) throws Exception {
        Path library = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path again = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again)));
    }

    @Test
    void ignoresAGarbledRecord(@TempDir Path root) throws Exception {
        Path library = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        Path index = library.getParent().resolveSibling("current");
        Files.writeString(index, "../../etc 0 0 passwd\n", StandardCharsets.US_ASCII);
        Path again = SqliteNativeLibraryCache.prepare(root, VERSION).orElseThrow();
        assertEquals(library, again);
        assertArrayEquals(jarLibrary(), Files.readAllBytes(again));
    }

    @Test
    void casesOpenWithTheCachedLibrary(@TempDir Path dir) throws Exception {
        try (CaseService opened = TestCases.newCase(dir)) {
            assertTrue(opened.caseFile().schemaVersion() > 0);
        }
        Path library = Path.of(System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name"));
        assertArrayEquals(jarLibrary(), Files.readAllBytes(library));
    }
}
