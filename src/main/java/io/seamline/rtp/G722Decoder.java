package io.seamline.rtp;

/**
 * ITU-T G.722 sub-band ADPCM at 64 kbit/s (mode 1, RFC 3551 §4.5.2: one octet per pair of 16 kHz
 * samples, two high-band bits above six low-band bits) to 16-bit linear PCM at 16000 Hz.
 *
 * <p>Follows the block structure of G.722 §3-§4 (INVQAL/INVQBL, LOGSCL, SCALEL, the pole/zero
 * predictor of block 4 and the receive QMF). The decoder is stateful: use one instance per stream.
 */
public final class G722Decoder implements RtpDecoder {
    private static final int[] QMF_COEFFS = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11};
    private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
    private static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008};
    private static final int[] WH = {0, -214, 798};
    private static final int[] RH2 = {2, 1, 2, 1};
    private static final int[] QM2 = {-7408, -1616, 7408, 1616};
    private static final int[] QM4 = {
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0};
    private static final int[] QM6 = {
        -136, -136, -136, -136, -24808, -21904, -19008, -16704,
        -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576,
        -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
        1688, 1360, 1040, 728, 432, 136, -432, -136};

    /** State of one sub-band's adaptive predictor and quantiser scale (G.722 block 4). */
    private static final class Band {
        int s;
        int sp;
        int sz;
        final int[] r = new int[3];
        final int[] a = new int[3];
        final int[] ap = new int[3];
        final int[] p = new int[3];
        final int[] d = new int[7];
        final int[] b = new int[7];
        final int[] bp = new int[7];
        final int[] sg = new int[7];
        int nb;
        int det;
    }

    private final Band low = new Band();
    private final Band high = new Band();
    private final int[] x = new int[24];

    /** A decoder in the reset state of G.722 §3.6 (DETL = 32, DETH = 8). */
    public G722Decoder() {
        low.det = 32;
        high.det = 8;
    }

    @Override
    public int sampleRateHz() {
        return 16000;
    }

    @Override
    public String codecName() {
        return "G.722";
    }

    @Override
    public int sampleCount(int payloadLength) {
        return payloadLength * 2;
    }

    @Override
    public boolean decodesPacketsIndependently() {
        return false;
    }

    @Override
    public short[] decode(byte[] payload, int offset, int length) {
        short[] out = new short[length * 2];
        int n = 0;
        for (int j = 0; j < length; j++) {
            int code = payload[offset + j] & 0xFF;
            int ilow = code & 0x3F;
            int ihigh = (code >> 6) & 0x03;

            // Low band: INVQBL with the 6-bit quantiser for output, RECONS, LIMIT.
            int wd2 = (low.det * QM6[ilow]) >> 15;
            int rlow = clamp(low.s + wd2, -16384, 16383);
            // INVQAL with the 4-bit quantiser feeds the predictor (embedded coding, G.722 §3.3).
            int ilow4 = ilow >> 2;
            int dlow = (low.det * QM4[ilow4]) >> 15;
            // LOGSCL and SCALEL.
            int nb = ((low.nb * 127) >> 7) + WL[RL42[ilow4]];
            low.nb = clamp(nb, 0, 18432);
            low.det = scale(low.nb, 8);
            predictor(low, dlow);

            // High band: INVQAH, RECONS, LIMIT, LOGSCH, SCALEH.
            int dhigh = (high.det * QM2[ihigh]) >> 15;
            int rhigh = clamp(dhigh + high.s, -16384, 16383);
            nb = ((high.nb * 127) >> 7) + WH[RH2[ihigh]];
            high.nb = clamp(nb, 0, 22528);
            high.det = scale(high.nb, 10);
            predictor(high, dhigh);

            // Receive QMF (G.722 §4.4): two output samples per octet.
            System.arraycopy(x, 2, x, 0, 22);
            x[22] = rlow + rhigh;
            x[23] = rlow - rhigh;
            int xout1 = 0;
            int xout2 = 0;
            for (int i = 0; i < 12; i++) {
                xout2 += x[2 * i] * QMF_COEFFS[i];
                xout1 += x[2 * i + 1] * QMF_COEFFS[11 - i];
            }
            out[n++] = (short) clamp(xout1 >> 11, Short.MIN_VALUE, Short.MAX_VALUE);
            out[n++] = (short) clamp(xout2 >> 11, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return out;
    }

    /** SCALEL/SCALEH: DET = ILB[NB bits 6-10] shifted by the NB exponent, times 4. */
    private static int scale(int nb, int base) {
        int wd1 = (nb >> 6) & 31;
        int wd2 = base - (nb >> 11);
        int wd3 = wd2 < 0 ? ILB[wd1] << -wd2 : ILB[wd1] >> wd2;
        return wd3 << 2;
    }

    /** G.722 block 4: RECONS, PARREC, UPPOL2, UPPOL1, UPZERO, DELAYA, FILTEP, FILTEZ, PREDIC. */
    private static void predictor(Band s, int d) {
        s.d[0] = d;
        s.r[0] = saturate(s.s + d);
        s.p[0] = saturate(s.sz + d);

        for (int i = 0; i < 3; i++) {
            s.sg[i] = s.p[i] >> 15;
        }
        int wd1 = saturate(s.a[1] << 2);
        int wd2 = s.sg[0] == s.sg[1] ? -wd1 : wd1;
        if (wd2 > 32767) {
            wd2 = 32767;
        }
        int wd3 = (s.sg[0] == s.sg[2] ? 128 : -128) + (wd2 >> 7) + ((s.a[2] * 32512) >> 15);
        s.ap[2] = clamp(wd3, -12288, 12288);

        s.sg[0] = s.p[0] >> 15;
        s.sg[1] = s.p[1] >> 15;
        wd1 = s.sg[0] == s.sg[1] ? 192 : -192;
        wd2 = (s.a[1] * 32640) >> 15;
        s.ap[1] = saturate(wd1 + wd2);
        wd3 = saturate(15360 - s.ap[2]);
        if (s.ap[1] > wd3) {
            s.ap[1] = wd3;
        } else if (s.ap[1] < -wd3) {
            s.ap[1] = -wd3;
        }

        wd1 = d == 0 ? 0 : 128;
        s.sg[0] = d >> 15;
        for (int i = 1; i < 7; i++) {
            s.sg[i] = s.d[i] >> 15;
            wd2 = s.sg[i] == s.sg[0] ? wd1 : -wd1;
            wd3 = (s.b[i] * 32640) >> 15;
            s.bp[i] = saturate(wd2 + wd3);
        }

        for (int i = 6; i > 0; i--) {
            s.d[i] = s.d[i - 1];
            s.b[i] = s.bp[i];
        }
        for (int i = 2; i > 0; i--) {
            s.r[i] = s.r[i - 1];
            s.p[i] = s.p[i - 1];
            s.a[i] = s.ap[i];
        }

        wd1 = saturate(s.r[1] + s.r[1]);
        wd1 = (s.a[1] * wd1) >> 15;
        wd2 = saturate(s.r[2] + s.r[2]);
        wd2 = (s.a[2] * wd2) >> 15;
        s.sp = saturate(wd1 + wd2);

        int sz = 0;
        for (int i = 6; i > 0; i--) {
            wd1 = saturate(s.d[i] + s.d[i]);
            sz += (s.b[i] * wd1) >> 15;
        }
        s.sz = saturate(sz);
        s.s = saturate(s.sp + s.sz);
    }

    private static int saturate(int v) {
        return clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    private static int clamp(int v, int min, int max) {
        return v < min ? min : Math.min(v, max);
    }
}
