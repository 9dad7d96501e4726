package io.seamline.analysis;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Writes the packet index of one decoded capture lane, chunk by chunk: for every chunk of
 * {@link CaptureDecoder#CHUNK_SAMPLES} lane samples, the packets placed in it, in arrival order, each
 * as where its samples start, its payload length and where its payload lies in the vaulted capture,
 * so {@link PacketIndexReader} can decode that chunk again from the capture alone.
 *
 * <p>Chunk format, version 1 (varints are unsigned LEB128, signed values zigzag-coded first):
 * <pre>
 * u8      format = 1
 * u8      RTP payload type of the lane (0 PCMU or 8 PCMA, RFC 3551 §6)
 * entries, to the end of the blob:
 *   varint  zigzag(start - expectedStart) * 2 + inline   start: first sample, relative to the chunk's
 *                                                       first sample (negative when the packet began in
 *                                                       the chunk before); expectedStart: the previous
 *                                                       entry's start + its length (0 for the first)
 *   varint  zigzag(length - previousLength)              payload bytes (previousLength 0 for the first)
 *   inline = 1: the payload bytes themselves            (datagrams reassembled from IP fragments, which
 *                                                       lie in the capture in pieces)
 *   inline = 0: varint zigzag(offset - (previousOffset + previousStride))
 *                                                       offset: payload's first byte in the capture file;
 *                                                       previousStride: the last offset step (0 at first)
 * </pre>
 * A packet that overlaps two chunks is listed in both. Later entries overwrite earlier ones where they
 * overlap, as the packets did when the capture was decoded.
 */
final class PacketIndexWriter {
    /** The chunk format this writer produces. */
    static final int FORMAT = 1;
    /** Entries a chunk holds before wholly overwritten ones are dropped. */
    static final int COMPACT_AT = 8192;

    private final int payloadType;
    private final int chunkSamples;
    private final ArrayDeque<Chunk> open = new ArrayDeque<>();

    PacketIndexWriter(int payloadType, int chunkSamples) {
        this.payloadType = payloadType;
        this.chunkSamples = chunkSamples;
    }

    /**
     * Lists one placed packet in every chunk it overlaps. Chunks already taken must not be touched again:
     * packets are placed only at or after the first sample not yet flushed.
     *
     * @param position      the packet's first lane sample
     * @param samples       how many samples it decodes to (its payload length for G.711)
     * @param payload       bytes holding the payload
     * @param offset        the payload's first byte in {@code payload}
     * @param length        payload length in bytes
     * @param captureOffset the payload's first byte in the capture file, or -1 to store the bytes inline
     */
    void add(long position, int samples, byte[] payload, int offset, int length, long captureOffset) {
        long first = position / chunkSamples;
        long last = (position + samples - 1) / chunkSamples;
        for (long k = first; k <= last; k++) {
            chunk(k).add(position - k * chunkSamples, payload, offset, length, captureOffset);
        }
    }

    /** The finished index of chunk {@code index} (a header alone when no packet fell in it); forgets it. */
    byte[] take(long index) {
        while (!open.isEmpty() && open.peekFirst().index < index) {
            open.pollFirst();
        }
        Chunk c = open.peekFirst();
        if (c == null || c.index != index) {
            return new Chunk(index).bytes();
        }
        open.pollFirst();
        return c.bytes();
    }

    private Chunk chunk(long index) {
        for (Chunk c : open) {
            if (c.index == index) {
                return c;
            }
        }
        Chunk c = new Chunk(index);
        // Chunks open in increasing order: a packet never starts before the oldest open chunk.
        if (open.isEmpty() || open.peekLast().index < index) {
            open.addLast(c);
        } else {
            ArrayDeque<Chunk> sorted = new ArrayDeque<>();
            while (!open.isEmpty() && open.peekFirst().index < index) {
                sorted.addLast(open.pollFirst());
            }
            sorted.addLast(c);
            sorted.addAll(open);
            open.clear();
            open.addAll(sorted);
        }
        return c;
    }

    /**
     * The packets of one chunk, kept as values until the chunk is taken. A stream that keeps sending
     * packets for the same samples (a hostile capture) would grow the list without bound, so past
     * {@link #COMPACT_AT} entries those wholly overwritten by later ones are dropped: they decode to
     * nothing, and at most one entry per sample survives.
     */
    private final class Chunk {
        final long index;
        long[] start = new long[16];
        int[] length = new int[16];
        long[] captureOffset = new long[16];
        byte[][] inline = new byte[16][];
        int[] inlineFrom = new int[16];
        int count;
        int compactAt = COMPACT_AT;

        Chunk(long index) {
            this.index = index;
        }

        void add(long startInChunk, byte[] payload, int offset, int bytes, long at) {
            if (count == start.length) {
                if (count >= compactAt) {
                    compact();
                }
                if (count == start.length) {
                    int n = count * 2;
                    start = Arrays.copyOf(start, n);
                    length = Arrays.copyOf(length, n);
                    captureOffset = Arrays.copyOf(captureOffset, n);
                    inline = Arrays.copyOf(inline, n);
                    inlineFrom = Arrays.copyOf(inlineFrom, n);
                }
            }
            start[count] = startInChunk;
            length[count] = bytes;
            captureOffset[count] = at;
            inline[count] = at < 0 ? payload : null;
            inlineFrom[count] = offset;
            count++;
        }

        /** Keeps only entries that still own a sample of the chunk, in their order. */
        private void compact() {
            int[] owner = new int[chunkSamples];
            Arrays.fill(owner, -1);
            for (int i = 0; i < count; i++) {
                int from = (int) Math.max(0, start[i]);
                int to = (int) Math.min(chunkSamples, start[i] + length[i]);
                Arrays.fill(owner, from, Math.max(from, to), i);
            }
            boolean[] keep = new boolean[count];
            for (int o : owner) {
                if (o >= 0) {
                    keep[o] = true;
                }
            }
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (keep[i]) {
                    start[kept] = start[i];
                    length[kept] = length[i];
                    captureOffset[kept] = captureOffset[i];
                    inline[kept] = inline[i];
                    inlineFrom[kept] = inlineFrom[i];
                    kept++;
                }
            }
            Arrays.fill(inline, kept, count, null);
            count = kept;
            // At most one entry per sample survives; compact again only after as many new entries.
            compactAt = Math.max(COMPACT_AT, 2 * kept);
        }

        byte[] bytes() {
            Encoder out = new Encoder(2 + 4 * count);
            out.put(FORMAT);
            out.put(payloadType);
            long expectedStart = 0;
            int previousLength = 0;
            long previousOffset = 0;
            long previousStride = 0;
            for (int i = 0; i < count; i++) {
                boolean isInline = captureOffset[i] < 0;
                out.varint((zigzag(start[i] - expectedStart) << 1) | (isInline ? 1 : 0));
                out.varint(zigzag(length[i] - previousLength));
                if (isInline) {
                    out.bytes(inline[i], inlineFrom[i], length[i]);
                } else {
                    out.varint(zigzag(captureOffset[i] - (previousOffset + previousStride)));
                    previousStride = captureOffset[i] - previousOffset;
                    previousOffset = captureOffset[i];
                }
                expectedStart = start[i] + length[i];
                previousLength = length[i];
            }
            return out.toArray();
        }
    }

    /** A growing byte array with LEB128 varints. */
    private static final class Encoder {
        byte[] out;
        int size;

        Encoder(int capacity) {
            out = new byte[Math.max(16, capacity)];
        }

        void put(int b) {
            room(1);
            out[size++] = (byte) b;
        }

        void bytes(byte[] b, int from, int n) {
            room(n);
            System.arraycopy(b, from, out, size, n);
            size += n;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                out[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out[size++] = (byte) v;
        }

        byte[] toArray() {
            return Arrays.copyOf(out, size);
        }

        private void room(int n) {
            if (size + n > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
            }
        }
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
