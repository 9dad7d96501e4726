package io.seamline.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Makes a realistic multi-page unsigned chain-of-custody PDF with PDFBox and the bundled fonts, as the report writer will. */
final class SampleReportPdf {

    static final String TITLE = "Chain of custody report: case 2026-0417";

    private SampleReportPdf() {
    }

    /** Three A4 pages of headings, body text and SHA-256 lines, saved with PDFBox's default compression. */
    static byte[] threePages() throws IOException {
        try (PDDocument document = new PDDocument()) {
            ReportFonts fonts = ReportFonts.embedInto(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setAuthor("Ada Examiner");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(1_790_000_000_000L);
            info.setCreationDate(created);
            for (int page = 1; page <= 3; page++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                document.addPage(pdPage);
                try (PDPageContentStream text = new PDPageContentStream(document, pdPage)) {
                    float y = 800;
                    y = line(text, fonts.sansBold(), 16, y, page == 1 ? TITLE : "Evidence items (continued)");
                    y = line(text, fonts.sans(), 10, y - 8, "Examiner: Ada Examiner — Zürich office, page " + page + " of 3");
                    for (int item = 1; item <= 25; item++) {
                        int n = (page - 1) * 25 + item;
                        y = line(text, fonts.sans(), 10, y - 4, "Item " + n + ": call-" + (4000 + n) + ".pcap, 2 RTP streams, SIP dialog complete");
                        y = line(text, fonts.mono(), 8, y, "  sha256 " + String.format("%064x", (long) n * 0x9E3779B97F4A7C15L));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static float line(PDPageContentStream text, PDType0Font font, float sizePt, float y, String s) throws IOException {
        text.beginText();
        text.setFont(font, sizePt);
        text.newLineAtOffset(56, y);
        text.showText(s);
        text.endText();
        return y - sizePt * 1.3f;
    }
}
