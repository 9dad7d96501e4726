package io.seamline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFontsTest {

    @TempDir
    Path dir;

    @Test
    void embedsTheThreeDejaVuFacesAsSubsets() throws Exception {
        Path pdf = dir.resolve("fonts.pdf");
        Files.write(pdf, SampleReportPdf.threePages());

        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();

        assertEquals(3, fonts.size(), String.join("\n", fonts));
        List<String> names = fonts.stream().map(line -> line.split("\\s+")[0].replaceFirst("^[A-Z]{6}\\+", "")).sorted().toList();
        assertEquals(List.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"), names);
        for (String line : fonts) {
            // Columns: name, type (2 words), encoding, emb, sub, uni, object, generation.
            List<String> columns = Arrays.asList(line.trim().split("\\s+"));
            assertEquals(List.of("yes", "yes", "yes"), columns.subList(4, 7), line);
        }
    }

    @Test
    void textWithNonAsciiCharactersExtractsBackFromTheEmbeddedFonts() throws Exception {
        Path pdf = dir.resolve("fonts.pdf");
        Files.write(pdf, SampleReportPdf.threePages());

        String text = run("pdftotext", "-f", "1", "-l", "1", pdf.toString(), "-");

        assertTrue(text.contains("Examiner: Ada Examiner — Zürich office, page 1 of 3"), text);
        assertTrue(text.contains(SampleReportPdf.TITLE), text);
        assertFalse(text.chars().anyMatch(c -> c >= 0xFB00 && c <= 0xFB06), "no ligature characters: " + text);
    }

    @Test
    void eachFaceLoadsIntoADocument() throws Exception {
        try (PDDocument document = new PDDocument()) {
            ReportFonts fonts = ReportFonts.embedInto(document);

            assertEquals("DejaVuSans", fonts.sans().getName());
            assertEquals("DejaVuSans-Bold", fonts.sansBold().getName());
            assertEquals("DejaVuSansMono", fonts.mono().getName());
            assertTrue(fonts.sans().isEmbedded());
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
