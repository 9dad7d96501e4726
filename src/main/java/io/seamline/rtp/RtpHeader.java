package io.seamline.rtp;

/**
 * The fixed RTP header (RFC 3550 §5.1) of one packet, with where its payload lies.
 *
 * @param marker         the M bit
 * @param payloadType    PT, 0-127
 * @param sequenceNumber 16-bit sequence number (unsigned)
 * @param timestamp      32-bit media timestamp (unsigned), in units of the payload's clock rate
 * @param ssrc           32-bit synchronisation source (unsigned)
 * @param payloadOffset  offset in bytes of the payload from the start of the UDP payload
 * @param payloadLength  payload length in bytes, after removing RFC 3550 §5.1 padding
 */
public record RtpHeader(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        int payloadOffset, int payloadLength) {

    /**
     * Parses an RTP version 2 header (network byte order), skipping CSRCs and the header extension.
     *
     * @return the header, or {@code null} if the bytes are not a complete version 2 RTP packet
     */
    public static RtpHeader parse(byte[] b) {
        if (b.length < 12 || (b[0] & 0xC0) != 0x80) {
            return null;
        }
        int csrcCount = b[0] & 0x0F;
        int pos = 12 + 4 * csrcCount;
        if (pos > b.length) {
            return null;
        }
        if ((b[0] & 0x10) != 0) {
            if (pos + 4 > b.length) {
                return null;
            }
            int words = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            pos += 4 + 4 * words;
            if (pos > b.length) {
                return null;
            }
        }
        int end = b.length;
        if ((b[0] & 0x20) != 0 && end > pos) {
            int padding = b[end - 1] & 0xFF;
            if (padding == 0 || end - padding < pos) {
                return null;
            }
            end -= padding;
        }
        int seq = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        long ts = u32(b, 4);
        long ssrc = u32(b, 8);
        return new RtpHeader((b[1] & 0x80) != 0, b[1] & 0x7F, seq, ts, ssrc, pos, end - pos);
    }

    static long u32(byte[] b, int off) {
        return Integer.toUnsignedLong(((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16)
                | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF));
    }
}
