package io.seamline.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of recently opened cases, newest first, kept as a JSON array of absolute paths in the
 * user's configuration directory ({@code $XDG_CONFIG_HOME/seamline/recent.json}, by default
 * {@code ~/.config/seamline/recent.json}). A missing or unreadable file is an empty list: the list is
 * a convenience, never evidence.
 */
public final class RecentCases {
    /** Most entries kept. */
    public static final int MAX_ENTRIES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public RecentCases(Path file) {
        this.file = file;
    }

    /** The list in the user's configuration directory. */
    public static RecentCases inUserConfig() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentCases(base.resolve("seamline").resolve("recent.json"));
    }

    /** The JSON file behind the list. */
    public Path file() {
        return file;
    }

    /** The recent case paths, newest first; empty when the file is missing or unreadable. */
    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> names = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {
            });
            return names.stream().limit(MAX_ENTRIES).map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Puts a case first in the list and saves it.
     *
     * @throws IOException naming the list file when it cannot be written
     */
    public List<Path> add(Path caseFile) throws IOException {
        Path absolute = caseFile.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>();
        next.add(absolute);
        for (Path p : list()) {
            if (!p.equals(absolute) && next.size() < MAX_ENTRIES) {
                next.add(p);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), next.stream().map(Path::toString).toList());
        } catch (IOException e) {
            throw new IOException(file + ": recent cases cannot be saved: " + e.getMessage(), e);
        }
        return List.copyOf(next);
    }
}
