package io.seamline.capture;

/** Recognises the start line of a SIP message (RFC 3261 §7.1 Request-Line, §7.2 Status-Line). */
final class SipStartLine {
    private static final int MAX_START_LINE_BYTES = 2048;
    private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};

    private SipStartLine() {
    }

    /** True when {@code len} bytes at {@code off} begin with "SIP/2.0 " or a request line ending in " SIP/2.0". */
    static boolean matches(byte[] b, int off, int len) {
        if (len < 12) {
            return false;
        }
        if (startsWith(b, off, len, VERSION) && b[off + 7] == ' ') {
            return true;
        }
        int limit = Math.min(len, MAX_START_LINE_BYTES);
        int first = b[off] & 0xFF;
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = 0; i < limit; i++) {
            byte c = b[off + i];
            if (c == '\r' || c == '\n') {
                int end = i;
                return end >= 8 + 7 && b[off + end - 8] == ' ' && startsWith(b, off + end - 7, 7, VERSION);
            }
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
