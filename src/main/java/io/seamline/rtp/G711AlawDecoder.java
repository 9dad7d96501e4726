package io.seamline.rtp;

import io.seamline.audio.G711;

/** ITU-T G.711 A-law (PCMA, RFC 3551 §4.5.14) to 16-bit linear PCM at 8000 Hz, one byte per sample. */
public final class G711AlawDecoder implements RtpDecoder {
    private static final short[] TABLE = new short[256];

    static {
        // One expansion of G.711 for the whole code base: io.seamline.audio.G711 (also used for A-law WAV).
        for (int i = 0; i < 256; i++) {
            TABLE[i] = (short) G711.alawToLinear(i);
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
