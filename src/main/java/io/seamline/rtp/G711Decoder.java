package io.seamline.rtp;

import io.seamline.audio.G711;
import java.util.function.IntUnaryOperator;

/**
 * G.711 µ-law (PT 0, PCMU) or A-law (PT 8, PCMA) RTP payloads to 16-bit PCM at 8 kHz, one byte per
 * sample (RFC 3551 §4.5.14), through a table built from the one G.711 expansion in
 * {@link io.seamline.audio.G711} (also used for µ-law and A-law WAV).
 */
public final class G711Decoder implements RtpDecoder {
    private final short[] table = new short[256];
    private final String codecName;

    private G711Decoder(String codecName, IntUnaryOperator expand) {
        this.codecName = codecName;
        for (int i = 0; i < 256; i++) {
            table[i] = (short) expand.applyAsInt(i);
        }
    }

    /** A µ-law decoder (ITU-T G.711 §3). */
    public static G711Decoder ulaw() {
        return new G711Decoder("G.711 µ-law", G711::ulawToLinear);
    }

    /** An A-law decoder (ITU-T G.711 §2). */
    public static G711Decoder alaw() {
        return new G711Decoder("G.711 A-law", G711::alawToLinear);
    }

    @Override
    public int sampleRateHz() {
        return 8000;
    }

    @Override
    public String codecName() {
        return codecName;
    }

    @Override
    public int sampleCount(int payloadLength) {
        return payloadLength;
    }

    @Override
    public boolean decodesPacketsIndependently() {
        return true;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = table[payload[offset + i] & 0xFF];
        }
        return length;
    }

    @Override
    public short[] decode(byte[] payload, int offset, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = table[payload[offset + i] & 0xFF];
        }
        return out;
    }
}
