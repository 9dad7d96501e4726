package io.seamline.capture;

import java.io.IOException;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng (IETF draft-ietf-opsawg-pcapng): Section Header, Interface Description, Enhanced and
 * Simple Packet blocks (and the obsolete Packet block), several interfaces with their own link type
 * and {@code if_tsresol}/{@code if_tsoffset}, and a byte order per section given by its byte-order magic.
 */
final class PcapngReader implements CaptureReader {
    static final int BLOCK_SHB = 0x0A0D0D0A;
    private static final int BLOCK_IDB = 1;
    private static final int BLOCK_OPB = 2;
    private static final int BLOCK_SPB = 3;
    private static final int BLOCK_EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;
    /** Header blocks (SHB, IDB) carry only options: 64 KiB is far above any real one. */
    private static final int MAX_HEADER_BLOCK_BYTES = 64 * 1024;
    /** Packet data plus room for per-packet options (comments, flags, hashes). */
    private static final int MAX_PACKET_BLOCK_BYTES = MAX_RECORD_BYTES + 64 * 1024;

    private record Interface(int linkType, int snapLength, boolean decimal, int resolutionExponent, long offsetSeconds) {
    }

    private final CountingInput in;
    private final List<String> warnings = new ArrayList<>();
    private final List<Interface> interfaces = new ArrayList<>();
    private final byte[] head = new byte[8];
    private boolean littleEndian;
    private long frameNumber;
    private boolean ended;

    /** Called after {@link CaptureReader#open} consumed the four bytes of the first block type. */
    PcapngReader(CountingInput in, String name) throws IOException {
        this.in = in;
        readSectionHeader(0);
    }

    private void readSectionHeader(long offset) throws IOException {
        byte[] lengthAndMagic = new byte[8];
        if (in.readFully(lengthAndMagic, 0, 8) < 8) {
            throw new CaptureFormatException(in.name() + ": pcapng section header cut off at offset " + offset);
        }
        startSection(offset, be32(lengthAndMagic, 4), lengthAndMagic, 0);
    }

    /**
     * Starts a section (pcapng §4.1): the byte-order magic sets this section's byte order, then the
     * block length (at {@code lengthAt} in {@code lengthBytes}, read in that order) is checked and the
     * rest of the block skipped; interfaces are numbered afresh in each section.
     */
    private void startSection(long offset, int magicBe, byte[] lengthBytes, int lengthAt) throws IOException {
        if (magicBe == BYTE_ORDER_MAGIC) {
            littleEndian = false;
        } else if (Integer.reverseBytes(magicBe) == BYTE_ORDER_MAGIC) {
            littleEndian = true;
        } else {
            throw new CaptureFormatException(String.format(
                    "%s: pcapng section header at offset %d has no byte-order magic (0x%08X)", in.name(), offset, magicBe));
        }
        long length = u32(lengthBytes, lengthAt);
        if (length < 28 || length % 4 != 0 || length > MAX_HEADER_BLOCK_BYTES) {
            throw new CaptureFormatException(String.format(
                    "%s: impossible pcapng section header length %d at offset %d", in.name(), length, offset));
        }
        interfaces.clear();
        long rest = length - 12;
        if (in.skip(rest) < rest) {
            truncated(offset, "section header block");
        }
    }

    @Override
    public CaptureRecord next() throws IOException {
        while (!ended) {
            long offset = in.position();
            int got = in.readFully(head, 0, 8);
            if (got == 0) {
                ended = true;
                return null;
            }
            if (got < 8) {
                truncated(offset, "block header");
                return null;
            }
            int type = be32(head, 0);
            if (type == BLOCK_SHB) {
                readSectionHeaderRest(offset);
                continue;
            }
            type = order(type);
            long length = u32(head, 4);
            if (length < 12 || length % 4 != 0) {
                throw new CaptureFormatException(String.format(
                        "%s: impossible pcapng block length %d at offset %d", in.name(), length, offset));
            }
            long bodyLength = length - 12;
            boolean packet = type == BLOCK_EPB || type == BLOCK_SPB || type == BLOCK_OPB;
            if (!packet && type != BLOCK_IDB) {
                if (in.skip(bodyLength + 4) < bodyLength + 4) {
                    truncated(offset, "block");
                    return null;
                }
                continue;
            }
            long cap = packet ? MAX_PACKET_BLOCK_BYTES : MAX_HEADER_BLOCK_BYTES;
            if (bodyLength > cap) {
                throw new CaptureFormatException(String.format(
                        "%s: impossible pcapng block length %d (limit %d) at offset %d", in.name(), length, cap + 12, offset));
            }
            byte[] body = new byte[(int) bodyLength + 4];
            if (in.readFully(body, 0, body.length) < body.length) {
                truncated(offset, "block");
                return null;
            }
            if (type == BLOCK_IDB) {
                interfaces.add(parseInterface(body, (int) bodyLength, offset));
                continue;
            }
            CaptureRecord record = parsePacket(type, body, (int) bodyLength, offset);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /** A later section: the block type and length are already in {@code head}; the byte-order magic follows. */
    private void readSectionHeaderRest(long offset) throws IOException {
        byte[] magic = new byte[4];
        if (in.readFully(magic, 0, 4) < 4) {
            truncated(offset, "section header block");
            return;
        }
        startSection(offset, be32(magic, 0), head, 4);
    }

    private Interface parseInterface(byte[] body, int bodyLength, long offset) throws CaptureFormatException {
        if (bodyLength < 8) {
            throw new CaptureFormatException(String.format(
                    "%s: interface description block too short (%d bytes) at offset %d", in.name(), bodyLength, offset));
        }
        int linkType = u16(body, 0);
        int snap = (int) Math.min(Integer.MAX_VALUE, u32(body, 4));
        boolean decimal = true;
        int exponent = 6;
        long tsOffset = 0;
        int pos = 8;
        while (pos + 4 <= bodyLength) {
            int code = u16(body, pos);
            int len = u16(body, pos + 2);
            pos += 4;
            if (code == 0 || pos + len > bodyLength) {
                break;
            }
            if (code == OPT_IF_TSRESOL && len >= 1) {
                int v = body[pos] & 0xFF;
                decimal = (v & 0x80) == 0;
                exponent = v & 0x7F;
            } else if (code == OPT_IF_TSOFFSET && len >= 8) {
                tsOffset = (u32(body, pos) << 32 | u32(body, pos + 4));
                if (littleEndian) {
                    tsOffset = (u32(body, pos + 4) << 32) | u32(body, pos);
                }
            }
            pos += (len + 3) & ~3;
        }
        if (decimal && exponent > 18) {
            throw new CaptureFormatException(String.format(
                    "%s: if_tsresol 10^-%d out of range at offset %d", in.name(), exponent, offset));
        }
        return new Interface(linkType, snap, decimal, exponent, tsOffset);
    }

    private CaptureRecord parsePacket(int type, byte[] body, int bodyLength, long offset) throws CaptureFormatException {
        int interfaceId;
        long timestamp;
        int captured;
        int original;
        int dataOffset;
        if (type == BLOCK_EPB) {
            require(bodyLength >= 20, "enhanced packet block too short", offset);
            interfaceId = (int) u32(body, 0);
            timestamp = (u32(body, 4) << 32) | u32(body, 8);
            captured = (int) Math.min(Integer.MAX_VALUE, u32(body, 12));
            original = (int) Math.min(Integer.MAX_VALUE, u32(body, 16));
            dataOffset = 20;
        } else if (type == BLOCK_OPB) {
            require(bodyLength >= 20, "packet block too short", offset);
            interfaceId = u16(body, 0);
            timestamp = (u32(body, 4) << 32) | u32(body, 8);
            captured = (int) Math.min(Integer.MAX_VALUE, u32(body, 12));
            original = (int) Math.min(Integer.MAX_VALUE, u32(body, 16));
            dataOffset = 20;
        } else {
            require(bodyLength >= 4, "simple packet block too short", offset);
            interfaceId = 0;
            timestamp = -1;
            original = (int) Math.min(Integer.MAX_VALUE, u32(body, 0));
            captured = Math.min(original, bodyLength - 4);
            dataOffset = 4;
        }
        if (interfaceId < 0 || interfaceId >= interfaces.size()) {
            throw new CaptureFormatException(String.format(
                    "%s: packet block at offset %d names interface %d but only %d are described",
                    in.name(), offset, interfaceId, interfaces.size()));
        }
        Interface iface = interfaces.get(interfaceId);
        if (type == BLOCK_SPB && iface.snapLength() > 0) {
            captured = Math.min(captured, iface.snapLength());
        }
        if (captured > MAX_RECORD_BYTES || captured > bodyLength - dataOffset) {
            throw new CaptureFormatException(String.format(
                    "%s: impossible captured length %d in packet block at offset %d", in.name(), captured, offset));
        }
        byte[] data = new byte[captured];
        System.arraycopy(body, dataOffset, data, 0, captured);
        frameNumber++;
        Instant time;
        try {
            time = timestamp < 0 ? Instant.EPOCH : toInstant(iface, timestamp);
        } catch (DateTimeException | ArithmeticException outOfRange) {
            // if_tsoffset plus a 64-bit timestamp can name a second beyond java.time's range (±1e9 years).
            throw new CaptureFormatException(String.format("%s: timestamp out of range in packet block at offset %d",
                    in.name(), offset));
        }
        // The body follows the 8-byte block type and length (pcapng §3.1).
        return new CaptureRecord(frameNumber, offset, offset + 8 + dataOffset, time, iface.linkType(), original, data);
    }

    private static Instant toInstant(Interface iface, long units) {
        long seconds;
        long nanos;
        if (iface.decimal()) {
            long perSecond = BigInteger.TEN.pow(iface.resolutionExponent()).longValueExact();
            seconds = Long.divideUnsigned(units, perSecond);
            long fraction = Long.remainderUnsigned(units, perSecond);
            nanos = BigInteger.valueOf(fraction).multiply(BigInteger.valueOf(1_000_000_000L))
                    .divide(BigInteger.valueOf(perSecond)).longValue();
        } else {
            BigInteger value = new BigInteger(Long.toUnsignedString(units));
            int shift = iface.resolutionExponent();
            seconds = value.shiftRight(shift).longValue();
            BigInteger fraction = value.subtract(BigInteger.valueOf(seconds).shiftLeft(shift));
            nanos = fraction.multiply(BigInteger.valueOf(1_000_000_000L)).shiftRight(shift).longValue();
        }
        return Instant.ofEpochSecond(Math.addExact(seconds, iface.offsetSeconds()), (nanos / 1000L) * 1000L);
    }

    private void require(boolean ok, String what, long offset) throws CaptureFormatException {
        if (!ok) {
            throw new CaptureFormatException(String.format("%s: %s at offset %d", in.name(), what, offset));
        }
    }

    private void truncated(long offset, String what) {
        ended = true;
        warnings.add(String.format("%s: capture truncated: %s at offset %d cut off at byte %d; read %d frames",
                in.name(), what, offset, in.position(), frameNumber));
    }

    private static int be32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private int order(int valueReadBigEndian) {
        return littleEndian ? Integer.reverseBytes(valueReadBigEndian) : valueReadBigEndian;
    }

    private long u32(byte[] b, int off) {
        return Integer.toUnsignedLong(order(be32(b, off)));
    }

    private int u16(byte[] b, int off) {
        int v = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        return littleEndian ? Integer.reverseBytes(v << 16) & 0xFFFF : v;
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
        return "pcapng";
    }
}
