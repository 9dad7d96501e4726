package io.seamline.analysis;

import io.seamline.capture.CaptureReader;
import io.seamline.rtp.RtpDecoder;
import java.io.IOException;
import java.util.Optional;

/**
 * Decodes one chunk of a capture lane again from its packet index (the format {@link PacketIndexWriter}
 * documents) and the vaulted capture: each listed payload is read from the capture and decoded in
 * arrival order, so later packets overwrite earlier ones as they did when the lane was first decoded;
 * samples no packet covers stay 0, as the lane's holes say. Only codecs whose packets decode on their
 * own (G.711) are indexed.
 */
final class PacketIndexReader {
    private PacketIndexReader() {
    }

    /** Random access to the bytes of one vaulted capture. */
    @FunctionalInterface
    interface CaptureBytes {
        /** Copies {@code length} bytes from file offset {@code offset} into {@code into[at..]}. */
        void read(long offset, byte[] into, int at, int length) throws IOException;
    }

    /**
     * Decodes a chunk.
     *
     * @param index        the chunk's packet index
     * @param samples      the chunk's length in samples (shorter for a lane's last chunk)
     * @param captureBytes the capture the index points into
     * @param captureSize  the capture's size in bytes
     * @param what         names the lane and chunk in messages
     * @return the chunk's 16-bit samples
     * @throws IOException if the index is damaged or points outside the capture
     */
    static short[] decode(byte[] index, int samples, CaptureBytes captureBytes, long captureSize, String what)
            throws IOException {
        if (index.length < 2 || (index[0] & 0xFF) != PacketIndexWriter.FORMAT) {
            throw damaged(what, "unknown format");
        }
        int payloadType = index[1] & 0xFF;
        Optional<RtpDecoder> found = RtpDecoder.forPayload(payloadType, null);
        if (found.isEmpty() || !found.get().decodesPacketsIndependently()) {
            throw damaged(what, "payload type " + payloadType + " is not indexable");
        }
        RtpDecoder decoder = found.get();
        short[] out = new short[samples];
        short[] scratch = new short[0];
        byte[] payload = new byte[0];
        Cursor in = new Cursor(index, what);
        long expectedStart = 0;
        long previousLength = 0;
        long previousOffset = 0;
        long previousStride = 0;
        while (in.pos < index.length) {
            long head = in.varint();
            boolean inline = (head & 1) != 0;
            long start = expectedStart + unzigzag(head >>> 1);
            long length = previousLength + unzigzag(in.varint());
            if (length < 1 || length > CaptureReader.MAX_RECORD_BYTES) {
                throw damaged(what, "payload length " + length);
            }
            int n = (int) length;
            if (payload.length < n) {
                payload = new byte[n];
            }
            if (inline) {
                in.bytes(payload, n);
            } else {
                long offset = previousOffset + previousStride + unzigzag(in.varint());
                if (offset < 0 || offset > captureSize - n) {
                    throw damaged(what, "payload at byte " + offset + " lies outside the capture");
                }
                captureBytes.read(offset, payload, 0, n);
                previousStride = offset - previousOffset;
                previousOffset = offset;
            }
            int decoded = decoder.sampleCount(n);
            if (start >= samples || start + decoded <= 0) {
                throw damaged(what, "packet at sample " + start + " lies outside the chunk");
            }
            if (start >= 0 && start + decoded <= samples) {
                decoder.decode(payload, 0, n, out, (int) start);
            } else {
                if (scratch.length < decoded) {
                    scratch = new short[decoded];
                }
                decoder.decode(payload, 0, n, scratch, 0);
                int from = (int) Math.max(0, -start);
                int to = (int) Math.min(decoded, samples - start);
                System.arraycopy(scratch, from, out, (int) (start + from), to - from);
            }
            expectedStart = start + n;
            previousLength = n;
        }
        return out;
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static IOException damaged(String what, String detail) {
        return new IOException("packet index of " + what + " is damaged: " + detail);
    }

    /** Reads varints and bytes from an index blob, refusing to run past its end. */
    private static final class Cursor {
        final byte[] b;
        final String what;
        int pos = 2;

        Cursor(byte[] b, String what) {
            this.b = b;
            this.what = what;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= b.length) {
                    throw damaged(what, "entry cut off at byte " + pos);
                }
                int x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw damaged(what, "varint longer than 64 bits at byte " + pos);
        }

        void bytes(byte[] into, int n) throws IOException {
            if (b.length - pos < n) {
                throw damaged(what, "inline payload cut off at byte " + pos);
            }
            System.arraycopy(b, pos, into, 0, n);
            pos += n;
        }
    }
}
