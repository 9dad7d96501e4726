package io.seamline.timeline;

import java.util.Locale;

/**
 * The one set of colours for lane kinds, gap kinds and markers, as {@code #rrggbb}, so the window and
 * the PDF report use the same colour for the same thing. Chosen to stay distinguishable for the
 * common colour-vision deficiencies (Okabe-Ito palette).
 */
public final class Palette {
    private Palette() {
    }

    /** Waveform colour of a lane kind. */
    public static String lane(LaneKind kind) {
        return switch (kind) {
            case RECORDING -> "#0072B2";
            case EDGE_BUFFER -> "#009E73";
            case CAPTURE -> "#56B4E9";
            case STITCHED -> "#CC79A7";
        };
    }

    /** Shading of a gap kind ({@code dropout}, {@code silence}, {@code missing-span}, {@code late-start}, {@code early-end}, {@code corrupt}). */
    public static String gap(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "dropout" -> "#D55E00";
            case "missing-span" -> "#E69F00";
            case "silence" -> "#F0E442";
            case "late-start", "early-end" -> "#999999";
            case "corrupt" -> "#882255";
            default -> "#666666";
        };
    }

    /** Colour of a marker kind. */
    public static String marker(MarkerKind kind) {
        return switch (kind) {
            case REJECTED, HANGUP -> "#D55E00";
            case HOLD, RESUME -> "#E69F00";
            case MEDIA_CHANGE, STREAM_CHANGE -> "#CC79A7";
            case ANNOTATION -> "#009E73";
            default -> "#444444";
        };
    }
}
