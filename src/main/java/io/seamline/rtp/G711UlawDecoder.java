package io.seamline.rtp;

/** ITU-T G.711 µ-law (PCMU, RFC 3551 §4.5.14) to 16-bit linear PCM at 8000 Hz, one byte per sample. */
public final class G711UlawDecoder implements RtpDecoder {
    private static final short[] TABLE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            // G.711 §3: invert all bits, then sign | 3-bit exponent | 4-bit mantissa with bias 0x84.
            int u = ~i & 0xFF;
            int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
            TABLE[i] = (short) ((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
        }
    }

    @Override
    public int sampleRateHz() {
        return 8000;
    }

    @Override
    public String codecName() {
        return "G.711 µ-law";
    }

    @Override
    public short[] decode(byte[] payload, int offset, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = TABLE[payload[offset + i] & 0xFF];
        }
        return out;
    }
}
