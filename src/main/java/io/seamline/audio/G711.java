package io.seamline.audio;

/** ITU-T G.711 expansion of µ-law and A-law bytes to 16-bit linear PCM. */
public final class G711 {
    private G711() {
    }

    /** Expands one µ-law byte (G.711 Table 2a, bits inverted on the wire) to a linear value in [-32124, 32124]. */
    public static int ulawToLinear(int u) {
        int v = ~u & 0xff;
        int t = ((v & 0x0f) << 3) + 0x84;
        t <<= (v & 0x70) >> 4;
        return (v & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    /** Expands one A-law byte (G.711 Table 1a, even bits inverted on the wire) to a linear value in [-32256, 32256]. */
    public static int alawToLinear(int a) {
        int v = a ^ 0x55;
        int t = (v & 0x0f) << 4;
        int seg = (v & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else {
            t += 0x108;
            if (seg > 1) {
                t <<= seg - 1;
            }
        }
        return (v & 0x80) != 0 ? t : -t;
    }
}
