package io.seamline.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays text, tables and figures down the pages of a report: a cursor that starts a new page when the
 * next block does not fit, wrapping that keeps every line inside the margins (long hashes, Call-IDs and
 * paths are broken between characters), and "page N of M" footers added once the page count is known.
 * All lengths are PDF points (1/72 in); y grows upwards from the bottom edge (ISO 32000-1 §8.3.2.3).
 */
final class ReportPageWriter implements AutoCloseable {
    static final float MARGIN = 48;
    static final float BODY_SIZE = 9.5f;
    static final float MONO_SIZE = 7.2f;
    private static final float FOOTER_SPACE = 26;

    private final PDDocument document;
    private final ReportFonts fonts;
    private final PDRectangle size;
    private final String footerLeft;
    private final Map<PDFont, Map<Integer, Boolean>> glyphCache = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    ReportPageWriter(PDDocument document, ReportFonts fonts, PDRectangle size, String footerLeft) {
        this.document = document;
        this.fonts = fonts;
        this.size = size;
        this.footerLeft = footerLeft;
    }

    ReportFonts fonts() {
        return fonts;
    }

    PDDocument document() {
        return document;
    }

    float left() {
        return MARGIN;
    }

    float right() {
        return size.getWidth() - MARGIN;
    }

    float width() {
        return right() - left();
    }

    float y() {
        return y;
    }

    /** Space left above the footer on the current page, in points. */
    float room() {
        return content == null ? 0 : y - (MARGIN + FOOTER_SPACE);
    }

    /** The content stream of the current page (starting one if none is open). */
    PDPageContentStream content() throws IOException {
        if (content == null) {
            newPage();
        }
        return content;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(new PDRectangle(size.getWidth(), size.getHeight()));
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code heightPt} fits above the footer. */
    void ensure(float heightPt) throws IOException {
        if (content == null || room() < heightPt) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    /** A section title, kept on the same page as at least {@code keepWithPt} points of what follows. */
    void heading(String text, float keepWithPt) throws IOException {
        ensure(30 + keepWithPt);
        if (y < size.getHeight() - MARGIN - 1) {
            y -= 8;
        }
        lines(text, fonts.sansBold(), 14, 0, 0.1f, 0.1f, 0.1f);
        y -= 4;
    }

    void subheading(String text) throws IOException {
        ensure(40);
        y -= 4;
        lines(text, fonts.sansBold(), 11, 0, 0.1f, 0.1f, 0.1f);
        y -= 2;
    }

    void paragraph(String text) throws IOException {
        lines(text, fonts.sans(), BODY_SIZE, 0, 0, 0, 0);
        y -= 4;
    }

    void paragraph(String text, PDFont font, float fontSize, float indent) throws IOException {
        lines(text, font, fontSize, indent, 0, 0, 0);
        y -= 3;
    }

    void mono(String text) throws IOException {
        lines(text, fonts.mono(), MONO_SIZE, 0, 0, 0, 0);
    }

    /** Writes wrapped text, starting new pages as needed. */
    void lines(String text, PDFont font, float fontSize, float indent, float r, float g, float b) throws IOException {
        float leading = fontSize * 1.3f;
        for (String line : wrap(text, font, fontSize, width() - indent)) {
            ensure(leading);
            y -= leading;
            show(line, font, fontSize, left() + indent, y + fontSize * 0.25f, r, g, b);
        }
    }

    /** Draws one line of text at a position (it must already fit; callers wrap first). */
    void show(String line, PDFont font, float fontSize, float x, float baseline, float r, float g, float b)
            throws IOException {
        PDPageContentStream cs = content();
        cs.beginText();
        cs.setNonStrokingColor(r, g, b);
        cs.setFont(font, fontSize);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(line, font));
        cs.endText();
        cs.setNonStrokingColor(0f, 0f, 0f);
    }

    /**
     * A table with a header row repeated on every page; each cell wraps inside its column. Column widths
     * are fractions of the text width.
     */
    void table(float[] fractions, String[] header, List<String[]> rows, PDFont font, float fontSize) throws IOException {
        float leading = fontSize * 1.3f;
        float[] widths = new float[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            widths[i] = fractions[i] * width();
        }
        ensure(leading * 3);
        tableRow(header, widths, fonts.sansBold(), fontSize, leading, true);
        for (String[] row : rows) {
            List<List<String>> cells = cellLines(row, widths, font, fontSize);
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            if (room() < height * leading + 2) {
                newPage();
                tableRow(header, widths, fonts.sansBold(), fontSize, leading, true);
            }
            drawRow(cells, widths, font, fontSize, leading);
        }
        y -= 6;
    }

    private void tableRow(String[] row, float[] widths, PDFont font, float fontSize, float leading, boolean rule)
            throws IOException {
        drawRow(cellLines(row, widths, font, fontSize), widths, font, fontSize, leading);
        if (rule) {
            PDPageContentStream cs = content();
            cs.setStrokingColor(0.4f, 0.4f, 0.4f);
            cs.setLineWidth(0.5f);
            cs.moveTo(left(), y - 1);
            cs.lineTo(right(), y - 1);
            cs.stroke();
            y -= 2;
        }
    }

    private List<List<String>> cellLines(String[] row, float[] widths, PDFont font, float fontSize) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            String cell = c < row.length && row[c] != null ? row[c] : "";
            cells.add(wrap(cell, font, fontSize, widths[c] - 4));
        }
        return cells;
    }

    private void drawRow(List<List<String>> cells, float[] widths, PDFont font, float fontSize, float leading)
            throws IOException {
        int height = cells.stream().mapToInt(List::size).max().orElse(1);
        float x = left();
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = cells.get(c);
            for (int i = 0; i < lines.size(); i++) {
                show(lines.get(i), font, fontSize, x, y - leading * (i + 1) + fontSize * 0.25f, 0, 0, 0);
            }
            x += widths[c];
        }
        y -= height * leading + 1;
    }

    /** Width of a text in points. */
    float widthOf(String text, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(printable(text, font)) / 1000f * fontSize;
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth}: at explicit newlines, then between words,
     * and inside a word (a hash, a path) when the word alone is too wide.
     */
    List<String> wrap(String text, PDFont font, float fontSize, float maxWidth) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String clean = printable(paragraph, font);
            // Leading spaces (indented JSON, code) are kept on the first line of the paragraph.
            int indent = 0;
            while (indent < clean.length() && clean.charAt(indent) == ' ') {
                indent++;
            }
            StringBuilder line = new StringBuilder(clean.substring(0, indent));
            boolean fresh = true;
            for (String word : clean.substring(indent).split(" ", -1)) {
                if (fresh) {
                    fresh = false;
                    String first = line + word;
                    if (widthOf(first, font, fontSize) <= maxWidth) {
                        line.setLength(0);
                        line.append(first);
                        continue;
                    }
                    line.setLength(0);
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (widthOf(candidate, font, fontSize) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (widthOf(rest, font, fontSize) > maxWidth) {
                    int cut = fitting(rest, font, fontSize, maxWidth);
                    out.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            out.add(line.toString());
        }
        return out;
    }

    private int fitting(String word, PDFont font, float fontSize, float maxWidth) throws IOException {
        int cut = 1;
        float used = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            int next = i + Character.charCount(cp);
            used += widthOf(word.substring(i, next), font, fontSize);
            if (used > maxWidth) {
                return Math.max(1, i);
            }
            cut = next;
            i = next;
        }
        return cut;
    }

    /** The text with tabs as spaces and every character the font cannot show replaced by '?'. */
    String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, Boolean> known = glyphCache.computeIfAbsent(font, f -> new HashMap<>());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("    ");
                return;
            }
            if (Character.isISOControl(cp)) {
                return;
            }
            boolean ok = known.computeIfAbsent(cp, c -> canShow(font, c));
            out.appendCodePoint(ok ? cp : '?');
        });
        return out.toString();
    }

    private static boolean canShow(PDFont font, int codePoint) {
        try {
            // PDFBox throws IllegalArgumentException for a code point the embedded font has no glyph for.
            return font.encode(new String(Character.toChars(codePoint))).length > 0;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Closes the last page and writes "page N of M" and the footer text on every page. */
    void finish() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String number = "page " + (i + 1) + " of " + total;
                float fontSize = 7.5f;
                float numberWidth = widthOf(number, fonts.sans(), fontSize);
                cs.setStrokingColor(0.6f, 0.6f, 0.6f);
                cs.setLineWidth(0.4f);
                cs.moveTo(left(), MARGIN - 6);
                cs.lineTo(right(), MARGIN - 6);
                cs.stroke();
                List<String> left = wrap(footerLeft, fonts.sans(), fontSize, width() - numberWidth - 12);
                cs.beginText();
                cs.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                cs.setFont(fonts.sans(), fontSize);
                cs.newLineAtOffset(left(), MARGIN - 16);
                cs.showText(left.isEmpty() ? "" : left.get(0));
                cs.endText();
                cs.beginText();
                cs.setFont(fonts.sans(), fontSize);
                cs.newLineAtOffset(right() - numberWidth, MARGIN - 16);
                cs.showText(number);
                cs.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
