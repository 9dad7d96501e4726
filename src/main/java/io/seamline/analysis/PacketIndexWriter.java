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

    private final class Chunk {
        final long index;
        byte[] out = new byte[256];
        int size;
        long expectedStart;
        int previousLength;
        long previousOffset;
        long previousStride;

        Chunk(long index) {
            this.index = index;
            out[size++] = (byte) FORMAT;
            out[size++] = (byte) payloadType;
        }

        void add(long start, byte[] payload, int offset, int length, long captureOffset) {
            boolean inline = captureOffset < 0;
            varint((zigzag(start - expectedStart) << 1) | (inline ? 1 : 0));
            varint(zigzag(length - previousLength));
            if (inline) {
                room(length);
                System.arraycopy(payload, offset, out, size, length);
                size += length;
            } else {
                varint(zigzag(captureOffset - (previousOffset + previousStride)));
                previousStride = captureOffset - previousOffset;
                previousOffset = captureOffset;
            }
            expectedStart = start + length;
            previousLength = length;
        }

        byte[] bytes() {
            return Arrays.copyOf(out, size);
        }

        private void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                out[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out[size++] = (byte) v;
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
