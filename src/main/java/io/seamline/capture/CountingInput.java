package io.seamline.capture;

import java.io.IOException;
import java.io.InputStream;

/** An input stream wrapper that counts consumed bytes so readers can name offsets in messages. */
final class CountingInput {
    private final InputStream in;
    private final String name;
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
            int n = in.read(buf, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    /** Skips up to {@code len} bytes, fewer only at end of stream; returns the count skipped. */
    long skip(long len) throws IOException {
        long total = 0;
        byte[] scratch = null;
        while (total < len) {
            long n = in.skip(len - total);
            if (n <= 0) {
                if (scratch == null) {
                    scratch = new byte[8192];
                }
                int r = in.read(scratch, 0, (int) Math.min(scratch.length, len - total));
                if (r < 0) {
                    break;
                }
                n = r;
            }
            total += n;
        }
        position += total;
        return total;
    }
}
