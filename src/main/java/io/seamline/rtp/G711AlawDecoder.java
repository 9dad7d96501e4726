package io.seamline.rtp;

/** ITU-T G.711 A-law (PCMA, RFC 3551 §4.5.14) to 16-bit linear PCM at 8000 Hz, one byte per sample. */
public final class G711AlawDecoder implements RtpDecoder {
    private static final short[] TABLE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            // G.711 §2: even bits are inverted (XOR 0x55); sign | 3-bit segment | 4-bit step.
            int a = i ^ 0x55;
            int magnitude = (a & 0x0F) << 4;
            int segment = (a & 0x70) >> 4;
            if (segment == 0) {
                magnitude += 8;
            } else {
                magnitude = (magnitude + 0x108) << (segment - 1);
            }
            TABLE[i] = (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
        }
    }

    @Override
    public int sampleRateHz() {
        return 8000;
    }

    @Override
    public String codecName() {
        return "G.711 A-law";
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
