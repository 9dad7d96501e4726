package io.seamline.capture;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads classic libpcap files: microsecond (0xA1B2C3D4) and nanosecond (0xA1B23C4D) magic, in either
 * byte order (the magic as written tells the writer's order), per the tcpdump.org pcap file format.
 */
final class PcapReader implements CaptureReader {
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int[] MAGICS = {MAGIC_MICROS, MAGIC_NANOS};
    private static final int GLOBAL_HEADER_BYTES = 24;
    private static final int RECORD_HEADER_BYTES = 16;

    private final CountingInput in;
    private final boolean littleEndian;
    private final boolean nanos;
    private final int linkType;
    private final List<String> warnings = new ArrayList<>();
    private final byte[] header = new byte[RECORD_HEADER_BYTES];
    private long frameNumber;
    private boolean ended;

    PcapReader(CountingInput in, String name, int magicAsBigEndian) throws IOException {
        this.in = in;
        this.littleEndian = magicAsBigEndian != MAGIC_MICROS && magicAsBigEndian != MAGIC_NANOS;
        int magic = littleEndian ? Integer.reverseBytes(magicAsBigEndian) : magicAsBigEndian;
        this.nanos = magic == MAGIC_NANOS;
        byte[] rest = new byte[GLOBAL_HEADER_BYTES - 4];
        int got = in.readFully(rest, 0, rest.length);
        if (got < rest.length) {
            throw new CaptureFormatException(name + ": pcap global header cut off at offset " + in.position());
        }
        // The upper 16 bits of the link-type field carry FCS length flags (tcpdump.org pcap format).
        this.linkType = readInt(rest, 16) & 0xFFFF;
    }

    private int readInt(byte[] b, int off) {
        int v = ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        return littleEndian ? Integer.reverseBytes(v) : v;
    }

    @Override
    public CaptureRecord next() throws IOException {
        if (ended) {
            return null;
        }
        long offset = in.position();
        int got = in.readFully(header, 0, RECORD_HEADER_BYTES);
        if (got == 0) {
            ended = true;
            return null;
        }
        if (got < RECORD_HEADER_BYTES) {
            truncated(offset, got, RECORD_HEADER_BYTES, "record header");
            return null;
        }
        long seconds = readUnsigned(header, 0);
        long fraction = readUnsigned(header, 4);
        long included = readUnsigned(header, 8);
        long original = readUnsigned(header, 12);
        if (included > MAX_RECORD_BYTES) {
            throw new CaptureFormatException(String.format(
                    "%s: impossible record length %d bytes (limit %d) in record header at offset %d",
                    in.name(), included, MAX_RECORD_BYTES, offset));
        }
        byte[] data = new byte[(int) included];
        int read = in.readFully(data, 0, data.length);
        if (read < data.length) {
            truncated(offset, RECORD_HEADER_BYTES + read, RECORD_HEADER_BYTES + data.length, "record");
            return null;
        }
        frameNumber++;
        long nanosPart = nanos ? fraction : fraction * 1000L;
        Instant time = Instant.ofEpochSecond(seconds, (nanosPart / 1000L) * 1000L);
        return new CaptureRecord(frameNumber, offset, offset + RECORD_HEADER_BYTES, time, linkType,
                (int) Math.min(Integer.MAX_VALUE, original), data);
    }

    private void truncated(long offset, int have, int need, String what) {
        ended = true;
        warnings.add(String.format("%s: capture truncated: %s at offset %d cut after %d of %d bytes; read %d frames",
                in.name(), what, offset, have, need, frameNumber));
    }

    private long readUnsigned(byte[] b, int off) {
        int v = ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        return Integer.toUnsignedLong(littleEndian ? Integer.reverseBytes(v) : v);
    }

    @Override
    public long bytesRead() {
        return in.position();
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public String formatName() {
        return "pcap";
    }
}
