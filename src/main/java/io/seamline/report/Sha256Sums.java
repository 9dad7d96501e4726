package io.seamline.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code SHA256SUMS} file of an evidence package in GNU coreutils' format, so {@code sha256sum -c}
 * checks it: one line per file, 64 lower-case hex digits, two spaces (text mode marker ' '), the path
 * relative to the package with '/' separators, LF line ends, UTF-8.
 */
public final class Sha256Sums {
    /** Longest SHA256SUMS file read back, in bytes (a package lists a few hundred files at most). */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    private Sha256Sums() {
    }

    /** Lower-case hex SHA-256 of a file's bytes, streamed. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Lower-case hex SHA-256 of a stream's remaining bytes, streamed; the stream is not closed. */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Lower-case hex SHA-256 of bytes. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** A stream that digests what passes through it. */
    static DigestInputStream digesting(InputStream in) {
        return new DigestInputStream(in, sha256());
    }

    /** The text of a SHA256SUMS file for {@code relative path -> hex digest}, in the given order. */
    public static String format(Map<String, String> digests) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : digests.entrySet()) {
            out.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads a SHA256SUMS file into {@code path -> digest}.
     *
     * @throws IOException naming the file and line when a line is not "digest, space, mode, path" or a path
     *     repeats, or the file is larger than {@link #MAX_BYTES}
     */
    public static Map<String, String> read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": " + Files.size(file) + " bytes is too large for a SHA256SUMS file");
        }
        Map<String, String> out = new LinkedHashMap<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": is not UTF-8 text", e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IOException(file + ": line " + (i + 1) + " is not '<sha256>  <path>'");
            }
            if (out.put(m.group(2), m.group(1)) != null) {
                throw new IOException(file + ": line " + (i + 1) + " lists " + m.group(2) + " a second time");
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 (JCA standard names)", e);
        }
    }
}
