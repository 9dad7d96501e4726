package io.seamline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts a package zip into a folder after checking its central directory (APPNOTE.TXT §4.3.12,
 * §4.3.16): every entry name must be a plain relative path (no absolute path, drive letter, backslash,
 * {@code .} or {@code ..} element), no entry may be a symbolic link (Unix mode S_IFLNK in the external
 * attributes), names must be unique, and the entry count and the bytes actually inflated are bounded,
 * so a zip bomb stops at the limit instead of filling the disk.
 */
final class ZipPackageReader {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL = 0x06054b50;
    private static final int MAX_COMMENT = 0xffff;
    private static final int UNIX_HOST = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private final long maxTotalBytes;
    private final int maxEntries;

    ZipPackageReader(long maxTotalBytes, int maxEntries) {
        this.maxTotalBytes = maxTotalBytes;
        this.maxEntries = maxEntries;
    }

    /** One central-directory entry: its name and whether it is a directory or a symbolic link. */
    record Entry(String name, boolean directory, boolean symlink, long declaredSize) {
    }

    /**
     * Checks and extracts {@code zip} into the empty folder {@code into}.
     *
     * @throws IOException naming the zip and the offending entry when a check fails or the zip is unreadable
     */
    void extract(Path zip, Path into) throws IOException {
        List<Entry> entries = centralDirectory(zip);
        Set<String> names = new HashSet<>();
        long declared = 0;
        for (Entry e : entries) {
            String problem = unsafe(e.name());
            if (problem != null) {
                throw new IOException(zip + ": entry '" + e.name() + "' refused: " + problem);
            }
            if (e.symlink()) {
                throw new IOException(zip + ": entry '" + e.name() + "' refused: it is a symbolic link");
            }
            if (!names.add(e.name().toLowerCase(Locale.ROOT))) {
                throw new IOException(zip + ": entry '" + e.name() + "' refused: the name occurs twice");
            }
            declared += Math.max(0, e.declaredSize());
            if (declared > maxTotalBytes) {
                throw new IOException(zip + ": declares more than " + maxTotalBytes + " bytes uncompressed; refused");
            }
        }
        long written = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Entry e : entries) {
                ZipEntry entry = file.getEntry(e.name());
                if (entry == null) {
                    throw new IOException(zip + ": entry '" + e.name() + "' cannot be read");
                }
                Path out = into.resolve(e.name()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException(zip + ": entry '" + e.name() + "' refused: it leaves the package folder");
                }
                if (e.directory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry);
                     OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        written += n;
                        if (written > maxTotalBytes) {
                            throw new IOException(zip + ": entry '" + e.name() + "' inflates past the limit of "
                                    + maxTotalBytes + " bytes; refused");
                        }
                        o.write(buffer, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + ": not a readable zip: " + e.getMessage(), e);
        }
    }

    /** Why a name is not a plain relative path, or null when it is. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.matches("^[A-Za-z]:.*")) {
            return "absolute path or backslash";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "control character in the name";
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : trimmed.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return "path element '" + part + "' (absolute, empty, '.' or '..')";
            }
        }
        return null;
    }

    /** Reads the central directory (APPNOTE §4.3.12 and §4.3.16) without trusting any size beyond the file. */
    List<Entry> centralDirectory(Path zip) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + MAX_COMMENT);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(size - tail);
            readFully(ch, end);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == END_OF_CENTRAL) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException(zip + ": not a zip file (no end of central directory record)");
            }
            int count = end.getShort(eocd + 10) & 0xffff;
            long cdSize = end.getInt(eocd + 12) & 0xffffffffL;
            long cdOffset = end.getInt(eocd + 16) & 0xffffffffL;
            if (count > maxEntries) {
                throw new IOException(zip + ": " + count + " entries is more than a package holds (limit " + maxEntries + ")");
            }
            if (cdOffset + cdSize > size || cdSize > 64L * 1024 * 1024) {
                throw new IOException(zip + ": central directory lies outside the file (ZIP64 packages are not supported)");
            }
            ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(cdOffset);
            readFully(ch, cd);
            List<Entry> out = new ArrayList<>();
            int pos = 0;
            for (int i = 0; i < count; i++) {
                if (pos + 46 > cdSize || cd.getInt(pos) != CENTRAL_HEADER) {
                    throw new IOException(zip + ": central directory entry " + (i + 1) + " is damaged");
                }
                int madeBy = cd.getShort(pos + 4) & 0xffff;
                long uncompressed = cd.getInt(pos + 24) & 0xffffffffL;
                int nameLength = cd.getShort(pos + 28) & 0xffff;
                int extraLength = cd.getShort(pos + 30) & 0xffff;
                int commentLength = cd.getShort(pos + 32) & 0xffff;
                long external = cd.getInt(pos + 38) & 0xffffffffL;
                if (pos + 46L + nameLength + extraLength + commentLength > cdSize) {
                    throw new IOException(zip + ": central directory entry " + (i + 1) + " runs past its end");
                }
                byte[] nameBytes = new byte[nameLength];
                cd.get(pos + 46, nameBytes);
                String name = new String(nameBytes, StandardCharsets.UTF_8);
                int mode = (int) (external >>> 16);
                boolean symlink = (madeBy >>> 8) == UNIX_HOST && (mode & S_IFMT) == S_IFLNK;
                out.add(new Entry(name, name.endsWith("/"), symlink, uncompressed));
                pos += 46 + nameLength + extraLength + commentLength;
            }
            return out;
        }
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (ch.read(into) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
