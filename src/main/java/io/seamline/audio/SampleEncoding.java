package io.seamline.audio;

/** How one sample is stored in the source file before the reader normalises it to a float in [-1, 1]. */
public enum SampleEncoding {
    /** Unsigned 8-bit PCM (WAV convention: 128 is zero). */
    PCM_U8,
    /** Signed 16-bit little-endian PCM. */
    PCM_S16,
    /** Signed 24-bit little-endian PCM. */
    PCM_S24,
    /** Signed 32-bit little-endian PCM. */
    PCM_S32,
    /** IEEE 754 32-bit little-endian float. */
    FLOAT32,
    /** IEEE 754 64-bit little-endian float. */
    FLOAT64,
    /** ITU-T G.711 µ-law, 8 bits. */
    MULAW,
    /** ITU-T G.711 A-law, 8 bits. */
    ALAW,
    /** Opus packets (RFC 6716) decoded to 16-bit PCM at 48 kHz. */
    OPUS
}
