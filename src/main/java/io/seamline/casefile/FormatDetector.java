package io.seamline.casefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises an evidence format from the first bytes of a file, never from its name.
 *
 * <p>Magic numbers: pcap {@code a1b2c3d4}/{@code a1b23c4d} in either byte order (libpcap file
 * format), pcapng Section Header Block type {@code 0a0d0d0a} (draft-ietf-opsawg-pcapng §4.1),
 * RIFF/WAVE and RF64/WAVE (EBU Tech 3306), a {@code bext} chunk making a WAVE a Broadcast Wave
 * (EBU Tech 3285), Ogg pages whose first packet starts {@code OpusHead} (RFC 7845 §5.1), and
 * JSON or XML text after an optional UTF-8 byte order mark.
 */
public final class FormatDetector {
    /** How many leading bytes {@link #detect(byte[], int)} wants to see to find a {@code bext} chunk. */
    public static final int HEAD_BYTES = 64 * 1024;

    private FormatDetector() {
    }

    /** Returns the format of a file whose first {@code length} bytes are in {@code head}. */
    public static Optional<EvidenceFormat> detect(byte[] head, int length) {
        if (length >= 4) {
            int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            if (be == 0xa1b2c3d4 || be == 0xd4c3b2a1 || be == 0xa1b23c4d || be == 0x4d3cb2a1) {
                return Optional.of(EvidenceFormat.PCAP);
            }
            if (be == 0x0a0d0d0a && length >= 12) {
                int magic = ByteBuffer.wrap(head, 8, 4).order(ByteOrder.BIG_ENDIAN).getInt();
                if (magic == 0x1a2b3c4d || magic == 0x4d3c2b1a) {
                    return Optional.of(EvidenceFormat.PCAPNG);
                }
            }
        }
        if (length >= 12 && ascii(head, 8, 4).equals("WAVE")) {
            String riff = ascii(head, 0, 4);
            if (riff.equals("RF64") || riff.equals("BW64")) {
                return Optional.of(EvidenceFormat.RF64);
            }
            if (riff.equals("RIFF")) {
                return Optional.of(hasChunk(head, length, "bext") ? EvidenceFormat.BWF : EvidenceFormat.WAV);
            }
        }
        if (length >= 36 && ascii(head, 0, 4).equals("OggS") && ascii(head, 28, 8).equals("OpusHead")) {
            return Optional.of(EvidenceFormat.OGG_OPUS);
        }
        int start = length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
                && (head[2] & 0xff) == 0xbf ? 3 : 0;
        while (start < length && isWhitespace(head[start])) {
            start++;
        }
        if (start < length) {
            byte first = head[start];
            if (first == '{' || first == '[') {
                return Optional.of(EvidenceFormat.JSON);
            }
            if (first == '<' && looksLikeXml(head, start, length)) {
                return Optional.of(EvidenceFormat.XML);
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeXml(byte[] head, int start, int length) {
        if (start + 1 >= length) {
            return false;
        }
        byte next = head[start + 1];
        return next == '?' || next == '!' || Character.isLetter(next) || next == '_';
    }

    /** Walks RIFF chunks (each: 4-byte id, 32-bit little-endian size, data padded to even length). */
    private static boolean hasChunk(byte[] head, int length, String wanted) {
        int pos = 12;
        while (pos + 8 <= length) {
            String id = ascii(head, pos, 4);
            long size = ByteBuffer.wrap(head, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            if (id.equals(wanted)) {
                return true;
            }
            if (id.equals("data")) {
                return false;
            }
            pos += 8 + size + (size & 1);
        }
        return false;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
