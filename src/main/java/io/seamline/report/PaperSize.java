package io.seamline.report;

import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a report is laid out on: ISO A4 (210 x 297 mm) or US Letter (8.5 x 11 in). */
public enum PaperSize {
    A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

    private final PDRectangle rectangle;

    PaperSize(PDRectangle rectangle) {
        this.rectangle = rectangle;
    }

    /** The page size in PDF points (1/72 in). */
    public PDRectangle rectangle() {
        return new PDRectangle(rectangle.getWidth(), rectangle.getHeight());
    }

    /** Parses {@code a4} or {@code letter} (any case); throws IllegalArgumentException naming the value otherwise. */
    public static PaperSize parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "letter" -> LETTER;
            default -> throw new IllegalArgumentException("paper size '" + text + "' is not a4 or letter");
        };
    }
}
