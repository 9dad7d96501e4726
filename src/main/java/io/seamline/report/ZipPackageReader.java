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
 * attributes), names must be unique (ignoring case, as on Windows and macOS), and the entry count and the
 * bytes actually inflated are bounded: in total (the smaller of the given limit and the free space of the
 * target less {@link #DISK_RESERVE_BYTES}) and per entry by its compression ratio past the first
 * {@link #RATIO_FREE_BYTES}, so a zip bomb stops early instead of filling the disk. Sizes declared in the
 * zip are only used to refuse early; the inflated bytes are counted as they are written.
 */
public final class ZipPackageReader {
    /** Free space left untouched on the extraction target's file system, in bytes (256 MiB). */
    public static final long DISK_RESERVE_BYTES = 256L * 1024 * 1024;
    /** Bytes an entry may inflate to before its compression ratio is checked (16 MiB). */
    public static final long RATIO_FREE_BYTES = 16L * 1024 * 1024;
    /**
     * Largest ratio of inflated to stored bytes an entry may reach past {@link #RATIO_FREE_BYTES}: DEFLATE
     * tops out near 1032:1 (RFC 1951 §3.2.5: a 258-byte match in about two bits), which bombs use; a
     * package's originals, PDF and vacuumed case file stay far below 400:1.
     */
    public static final int MAX_RATIO = 400;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int MAX_COMMENT = 0xffff;
    private static final int UNIX_HOST = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private final long maxTotalBytes;
    private final int maxEntries;

    /**
     * @param maxTotalBytes most bytes all entries together may inflate to
     * @param maxEntries most entries the central directory may list
     */
    public ZipPackageReader(long maxTotalBytes, int maxEntries) {
        this.maxTotalBytes = maxTotalBytes;
        this.maxEntries = maxEntries;
    }

    /** One central-directory entry: its name and whether it is a directory or a symbolic link. */
    record Entry(String name, boolean directory, boolean symlink, long declaredSize, long compressedSize) {
    }

    /**
     * Checks and extracts {@code zip} into the empty folder {@code into}.
     *
     * @throws IOException naming the zip and the offending entry when a check fails or the zip is unreadable
     */
    public void extract(Path zip, Path into) throws IOException {
        List<Entry> entries = centralDirectory(zip);
        Set<String> names = new HashSet<>();
        long budget = Math.min(maxTotalBytes, Math.max(0, Files.getFileStore(into).getUsableSpace() - DISK_RESERVE_BYTES));
        long declared = 0;
        for (Entry e : entries) {
            String problem = unsafe(e.name());
            if (problem != null) {
                throw new IOException(zip + ": entry '" + printable(e.name()) + "' refused: " + problem);
            }
            if (e.symlink()) {
                throw new IOException(zip + ": entry '" + e.name() + "' refused: it is a symbolic link");
            }
            String trimmed = e.directory() ? e.name().substring(0, e.name().length() - 1) : e.name();
            if (!names.add(trimmed.toLowerCase(Locale.ROOT))) {
                throw new IOException(zip + ": entry '" + e.name() + "' refused: the name occurs twice");
            }
            long size = Math.max(0, e.declaredSize());
            declared = declared > Long.MAX_VALUE - size ? Long.MAX_VALUE : declared + size;
            if (declared > budget) {
                throw new IOException(zip + ": declares " + declared + " or more bytes uncompressed, more than the "
                        + budget + " bytes allowed (limit or free disk space); refused");
            }
        }
        // A file whose name is also a folder of another entry ("a" and "a/b") cannot be extracted faithfully.
        Set<String> files = new HashSet<>();
        for (Entry e : entries) {
            if (!e.directory()) {
                files.add(e.name().toLowerCase(Locale.ROOT));
            }
        }
        for (Entry e : entries) {
            String name = e.name().toLowerCase(Locale.ROOT);
            for (int slash = name.indexOf('/'); slash >= 0 && slash < name.length() - 1; slash = name.indexOf('/', slash + 1)) {
                if (files.contains(name.substring(0, slash))) {
                    throw new IOException(zip + ": entry '" + e.name() + "' refused: '" + e.name().substring(0, slash)
                            + "' is a file, not a folder");
                }
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
                try {
                    if (e.directory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    long entryBytes = 0;
                    try (InputStream in = file.getInputStream(entry);
                         OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            written += n;
                            entryBytes += n;
                            if (written > budget) {
                                throw new IOException(zip + ": entry '" + e.name() + "' inflates past the limit of "
                                        + budget + " bytes (limit or free disk space); refused");
                            }
                            long ratioLimit = e.compressedSize() < Long.MAX_VALUE / MAX_RATIO
                                    ? MAX_RATIO * Math.max(1, e.compressedSize()) : Long.MAX_VALUE;
                            if (entryBytes > RATIO_FREE_BYTES && entryBytes > ratioLimit) {
                                throw new IOException(zip + ": entry '" + e.name() + "' inflates more than " + MAX_RATIO
                                        + " times its stored " + e.compressedSize() + " bytes (a zip bomb); refused");
                            }
                            o.write(buffer, 0, n);
                        }
                    }
                } catch (IOException | RuntimeException problem) {
                    if (problem.getMessage() != null && problem.getMessage().startsWith(zip.toString())) {
                        throw problem;
                    }
                    throw new IOException(zip + ": entry '" + e.name() + "' cannot be extracted: "
                            + oneLine(problem), problem);
                }
            }
        } catch (IOException | RuntimeException e) {
            // java.util.zip reads the end records its own way and can fail where the checks above passed (an
            // EOFException without a message for a ZIP64 locator pointing past the end, found by fuzzing).
            if (e.getMessage() != null && e.getMessage().startsWith(zip.toString())) {
                throw e;
            }
            throw new IOException(zip + ": not a readable zip: " + oneLine(e), e);
        }
    }

    /** An exception's message (or its class name when it has none) on one line. */
    private static String oneLine(Exception e) {
        if (e instanceof java.io.EOFException && e.getMessage() == null) {
            return "the file ends where a record should be";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }

    /** A name with control characters shown as '?', so a refusal stays on one line. */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
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
            long count = end.getShort(eocd + 10) & 0xffff;
            long cdSize = end.getInt(eocd + 12) & 0xffffffffL;
            long cdOffset = end.getInt(eocd + 16) & 0xffffffffL;
            if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
                // ZIP64 (APPNOTE §4.3.14, §4.3.15): a package over 4 GiB; the real values are in the ZIP64 end record.
                long[] zip64 = zip64End(zip, ch, size, size - tail + eocd);
                count = zip64[0];
                cdSize = zip64[1];
                cdOffset = zip64[2];
            }
            if (count > maxEntries) {
                throw new IOException(zip + ": " + count + " entries is more than a package holds (limit " + maxEntries + ")");
            }
            if (cdSize < 0 || cdOffset < 0 || cdOffset > size - cdSize || cdSize > 64L * 1024 * 1024) {
                throw new IOException(zip + ": central directory lies outside the file or is larger than 64 MiB");
            }
            ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(cdOffset);
            readFully(ch, cd);
            List<Entry> out = new ArrayList<>();
            int pos = 0;
            for (long i = 0; i < count; i++) {
                if (pos + 46 > cdSize || cd.getInt(pos) != CENTRAL_HEADER) {
                    throw new IOException(zip + ": central directory entry " + (i + 1) + " is damaged");
                }
                int madeBy = cd.getShort(pos + 4) & 0xffff;
                long compressed = cd.getInt(pos + 20) & 0xffffffffL;
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
                if (uncompressed == 0xffffffffL || compressed == 0xffffffffL) {
                    long[] sizes = zip64Sizes(cd, pos + 46 + nameLength, extraLength, uncompressed, compressed);
                    uncompressed = sizes[0];
                    compressed = sizes[1];
                }
                out.add(new Entry(name, name.endsWith("/"), symlink, uncompressed, compressed));
                pos += 46 + nameLength + extraLength + commentLength;
            }
            return out;
        }
    }

    /**
     * Entry count, central directory size and offset from the ZIP64 end of central directory record, found
     * through its locator just before the classic end record (APPNOTE §4.3.14, §4.3.15).
     */
    private static long[] zip64End(Path zip, SeekableByteChannel ch, long size, long eocdPosition) throws IOException {
        if (eocdPosition < 20) {
            throw new IOException(zip + ": its end record announces ZIP64 but there is no ZIP64 locator");
        }
        ByteBuffer locator = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(eocdPosition - 20);
        readFully(ch, locator);
        if (locator.getInt(0) != ZIP64_LOCATOR) {
            throw new IOException(zip + ": its end record announces ZIP64 but there is no ZIP64 locator");
        }
        long recordAt = locator.getLong(8);
        if (recordAt < 0 || recordAt > size - 56) {
            throw new IOException(zip + ": the ZIP64 end record lies outside the file");
        }
        ByteBuffer record = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(recordAt);
        readFully(ch, record);
        if (record.getInt(0) != ZIP64_END) {
            throw new IOException(zip + ": the ZIP64 end record is damaged");
        }
        return new long[] {record.getLong(32), record.getLong(40), record.getLong(48)};
    }

    /**
     * The uncompressed and compressed sizes of an entry whose central directory fields are 0xFFFFFFFF, from
     * its ZIP64 extra field (header 0x0001, APPNOTE §4.5.3: the 8-byte values present in that order).
     */
    private static long[] zip64Sizes(ByteBuffer cd, int extraAt, int extraLength, long uncompressed, long compressed) {
        int at = extraAt;
        int end = extraAt + extraLength;
        while (at + 4 <= end) {
            int id = cd.getShort(at) & 0xffff;
            int length = cd.getShort(at + 2) & 0xffff;
            int data = at + 4;
            if (data + length > end) {
                break;
            }
            if (id == 1) {
                int field = data;
                long u = uncompressed;
                long c = compressed;
                if (uncompressed == 0xffffffffL && field + 8 <= data + length) {
                    u = cd.getLong(field);
                    field += 8;
                }
                if (compressed == 0xffffffffL && field + 8 <= data + length) {
                    c = cd.getLong(field);
                }
                // A negative (over 2^63) size can only be a lie; treat it as the largest, which the limits refuse.
                return new long[] {u < 0 ? Long.MAX_VALUE : u, c < 0 ? Long.MAX_VALUE : c};
            }
            at = data + length;
        }
        return new long[] {uncompressed, compressed};
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (ch.read(into) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
