package io.seamline.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Owns the per-user copy of sqlite-jdbc's native library, so the driver loads it with one
 * {@code System.load} instead of extracting it from the jar into the temp folder on every start.
 *
 * <p>sqlite-jdbc (3.46, {@code SQLiteJDBCLoader}) tries {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}
 * first; otherwise it finds the platform (running {@code uname -o} in a child process on Linux), copies the
 * 1 MB library out of the jar under a fresh name and compares the copy byte by byte, about 0.1 s of a start.
 *
 * <p>Layout under the cache root: {@code <driver version>-<os.name>-<os.arch>/current} names the copy in use
 * as one line {@code <sha256 hex> <crc32 hex> <size bytes> <file name>}; the copy itself lies in
 * {@code <sha256 hex>/<file name>} beside it, so a different library never reuses another's folder. The
 * SHA-256 is computed once, when the copy is made from the jar. Before every use the copy is verified
 * against {@code current}: a regular file owned by this user, not writable by group or others (on POSIX
 * file systems), of the recorded size and CRC-32. The CRC-32 catches a torn or damaged copy for 0.2 ms; a
 * SHA-256 of 1 MB costs 80-110 ms in a starting JVM (its intrinsic exists only in compiled code), most of
 * what the cache saves. Anyone able to write a file owned by this user could as well change the jar itself.
 * On any failure the properties stay unset and the driver loads its library the usual way.
 */
public final class SqliteNativeLibraryCache {
    private static final String INDEX = "current";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_LIBRARY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_RECORD = PosixFilePermissions.fromString("rw-------");

    private SqliteNativeLibraryCache() {
    }

    /**
     * Points sqlite-jdbc at the cached copy of its native library, making the copy on first use, unless
     * {@code org.sqlite.lib.path} is already set. Call before the driver opens its first connection; never
     * throws.
     */
    public static synchronized void install() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            Optional<Path> root = defaultRoot();
            if (root.isEmpty()) {
                return;
            }
            Optional<Path> library = prepare(root.get(), SQLiteJDBCLoader.getVersion());
            if (library.isPresent()) {
                System.setProperty("org.sqlite.lib.path", library.get().getParent().toString());
                System.setProperty("org.sqlite.lib.name", library.get().getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            // The driver's own extraction into the temp folder still works; only the start-up saving is lost.
        }
    }

    /**
     * The verified cached library under {@code root} for driver {@code version}, copied out of the jar first
     * when missing or not matching its record.
     *
     * @return the library file, or empty when the jar holds no library for this platform
     * @throws IOException if the cache cannot be read or written
     */
    static Optional<Path> prepare(Path root, String version) throws IOException {
        Path platform = root.resolve(safe(version + "-" + System.getProperty("os.name") + "-"
                + System.getProperty("os.arch")));
        Optional<Path> cached = verified(platform);
        if (cached.isPresent()) {
            return cached;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        byte[] library;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            library = in.readAllBytes();
        }
        String sha256 = HexFormat.of().formatHex(sha256(library));
        Path folder = platform.resolve(sha256);
        createPrivateDirectories(folder);
        Path target = folder.resolve(name);
        writeAtomically(target, library, OWNER_ONLY_LIBRARY);
        writeAtomically(platform.resolve(INDEX), (sha256 + " " + Long.toHexString(crc32(library)) + " "
                + library.length + " " + name + "\n").getBytes(StandardCharsets.US_ASCII), OWNER_ONLY_RECORD);
        return verified(platform);
    }

    /** The library {@code platform/current} names, if it is there, private to this user and unchanged. */
    private static Optional<Path> verified(Path platform) throws IOException {
        Path index = platform.resolve(INDEX);
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS) || Files.size(index) > 512) {
            return Optional.empty();
        }
        String[] fields = Files.readString(index, StandardCharsets.US_ASCII).strip().split(" ");
        if (fields.length != 4 || !fields[0].matches("[0-9a-f]{64}") || !fields[3].matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        Path library = platform.resolve(fields[0]).resolve(fields[3]);
        if (!Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS) || !privateToUser(library)) {
            return Optional.empty();
        }
        long size;
        long crc;
        try {
            crc = Long.parseLong(fields[1], 16);
            size = Long.parseLong(fields[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Files.size(library) != size || size > Integer.MAX_VALUE - 8) {
            return Optional.empty();
        }
        return crc32(Files.readAllBytes(library)) == crc ? Optional.of(library) : Optional.empty();
    }

    private static boolean privateToUser(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        if (!Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** The per-user cache folder: $XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, %LOCALAPPDATA%. */
    private static Optional<Path> defaultRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String base;
        if (os.startsWith("windows")) {
            base = System.getenv("LOCALAPPDATA");
        } else if (os.startsWith("mac")) {
            base = System.getProperty("user.home") + "/Library/Caches";
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            base = xdg != null && xdg.startsWith("/") ? xdg : System.getProperty("user.home") + "/.cache";
        }
        if (base == null || base.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(base, "seamline", "sqlite-native"));
    }

    private static void createPrivateDirectories(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR);
            Files.setPosixFilePermissions(folder.getParent(), OWNER_ONLY_DIR);
        }
    }

    /** Writes under a temporary name and moves into place, so a reader never sees half a file. */
    private static void writeAtomically(Path target, byte[] bytes, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.write(temp, bytes);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, permissions);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
