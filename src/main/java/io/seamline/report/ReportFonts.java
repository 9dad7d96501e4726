package io.seamline.report;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The three faces a report is set in, embedded (as subsets) from the DejaVu TrueType files bundled
 * under {@code /fonts/} on the classpath, so a report never depends on the fonts of the machine that
 * makes or reads it (ISO 32000-1 §9.9 embedded font programs). Ligature substitution is off, so the
 * text a reader copies or searches is exactly the text that was written.
 *
 * @param sans DejaVu Sans, body text
 * @param sansBold DejaVu Sans Bold, headings
 * @param mono DejaVu Sans Mono, hashes, identifiers and timestamps
 */
public record ReportFonts(PDType0Font sans, PDType0Font sansBold, PDType0Font mono) {

    /** Classpath location of the regular face. */
    public static final String SANS_RESOURCE = "/fonts/DejaVuSans.ttf";
    /** Classpath location of the bold face. */
    public static final String SANS_BOLD_RESOURCE = "/fonts/DejaVuSans-Bold.ttf";
    /** Classpath location of the monospaced face. */
    public static final String MONO_RESOURCE = "/fonts/DejaVuSansMono.ttf";

    /**
     * Loads the three faces into a document. Each is embedded as a subset of the glyphs the document
     * uses when the document is saved.
     *
     * @throws IOException naming the resource when a font is missing from the classpath or unreadable
     */
    public static ReportFonts embedInto(PDDocument document) throws IOException {
        return new ReportFonts(load(document, SANS_RESOURCE), load(document, SANS_BOLD_RESOURCE), load(document, MONO_RESOURCE));
    }

    private static PDType0Font load(PDDocument document, String resource) throws IOException {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + ": font missing from the classpath (resources/fonts/)");
            }
            // Same parse as PDType0Font.load(doc, InputStream), but with GSUB substitution off: PDFBox 3
            // otherwise turns "fi", "ffi", "fl" into ligature glyphs whose ToUnicode is U+FB01..U+FB04,
            // so "office" or "config.pcap" copied or searched from the report would not match the source.
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            document.registerTrueTypeFontForClosing(ttf);
            return PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(resource)) {
                throw e;
            }
            throw new IOException(resource + ": unreadable TrueType font: " + e.getMessage(), e);
        }
    }
}
