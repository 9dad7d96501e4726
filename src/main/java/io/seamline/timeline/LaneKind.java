package io.seamline.timeline;

/** What a lane shows; each kind has one colour in the window and in the PDF ({@link Palette}). */
public enum LaneKind {
    RECORDING, EDGE_BUFFER, CAPTURE, STITCHED;

    /** The kind of an analysis lane from its stored name ({@code recording}, {@code edge-buffer}, {@code capture}, {@code stitched}). */
    public static LaneKind of(String stored) {
        return switch (stored) {
            case "edge-buffer" -> EDGE_BUFFER;
            case "capture" -> CAPTURE;
            case "stitched" -> STITCHED;
            default -> RECORDING;
        };
    }
}
