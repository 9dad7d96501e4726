package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-case list in the user's configuration directory. */
class RecentCasesTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheNewestFirstWithoutDuplicatesAndAtMostTen() throws Exception {
        RecentCases recent = new RecentCases(dir.resolve("seamline/recent.json"));
        for (int i = 0; i < 12; i++) {
            recent.add(dir.resolve("case" + i + ".seamline"));
        }
        recent.add(dir.resolve("case5.seamline"));
        List<Path> list = recent.list();
        assertEquals(RecentCases.MAX_ENTRIES, list.size());
        assertEquals(dir.resolve("case5.seamline"), list.get(0));
        assertEquals(dir.resolve("case11.seamline"), list.get(1));
        assertEquals(1, list.stream().filter(p -> p.endsWith("case5.seamline")).count());
    }

    @Test
    void aDamagedListReadsAsEmpty() throws Exception {
        Path file = dir.resolve("recent.json");
        Files.writeString(file, "{not json");
        assertTrue(new RecentCases(file).list().isEmpty());
        assertTrue(new RecentCases(dir.resolve("missing.json")).list().isEmpty());
    }
}
