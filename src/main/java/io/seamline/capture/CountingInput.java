package io.seamline.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * Buffers an input stream and counts consumed bytes so readers can name offsets in messages. Its own
 * unsynchronised buffer rather than a {@code BufferedInputStream}: a reader takes every record in two
 * small reads, and the stream's per-call lock was measurable over a million records.
 */
final class CountingInput {
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int next;
    private int limit;
    private long position;

    CountingInput(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    String name() {
        return name;
    }

    long position() {
        return position;
    }

    /** Reads up to {@code len} bytes, fewer only at end of stream; returns the count read. */
    int readFully(byte[] buf, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            if (next == limit) {
                if (len - total >= BUFFER_BYTES) {
                    int n = in.read(buf, off + total, len - total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                    continue;
                }
                if (!fill()) {
                    break;
                }
            }
            int n = Math.min(len - total, limit - next);
            System.arraycopy(buffer, next, buf, off + total, n);
            next += n;
            total += n;
        }
        position += total;
        return total;
    }

    /** Skips up to {@code len} bytes, fewer only at end of stream; returns the count skipped. */
    long skip(long len) throws IOException {
        long total = Math.min(len, limit - next);
        next += (int) total;
        while (total < len) {
            long n = in.skip(len - total);
            if (n <= 0) {
                if (!fill()) {
                    break;
                }
                n = Math.min(len - total, limit - next);
                next += (int) n;
            }
            total += n;
        }
        position += total;
        return total;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, BUFFER_BYTES);
        if (n <= 0) {
            next = 0;
            limit = 0;
            // read() may return 0 only for a zero-length request; treat it as the end rather than spin.
            return false;
        }
        next = 0;
        limit = n;
        return true;
    }
}
