package io.seamline.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.SipMessageRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.casefile.CanonicalJson;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.SeamlineVersion;
import io.seamline.casefile.UtcTimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Lays out the unsigned report PDF from a {@link ReportContent}: cover, findings in plain words, evidence,
 * the timeline figure, one section per gap, the stitch manifest, the SIP ladder, the custody log, method
 * and parameters, and how to verify. The signature is added afterwards by {@link PdfSigner}.
 */
final class ReportDocumentWriter {
    private static final int LADDER_CONTEXT = 6;
    /** Most gaps given a paragraph and a section of their own. */
    static final int MAX_EXPLAINED = 100;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** Who signs and how, as the cover states it. */
    record Signer(String subject, String certificateSha256, boolean selfSigned, String timestampAuthority) {
    }

    private final ReportContent content;
    private final Signer signer;
    private final Instant reportTimeUtc;
    private ReportPageWriter page;
    private int pages;

    ReportDocumentWriter(ReportContent content, Signer signer, Instant reportTimeUtc) {
        this.content = content;
        this.signer = signer;
        this.reportTimeUtc = reportTimeUtc;
    }

    /** The unsigned PDF, as bytes. */
    byte[] write(PaperSize paper) throws IOException {
        try (PDDocument document = new PDDocument()) {
            CaseInfo info = content.info();
            PDDocumentInformation meta = document.getDocumentInformation();
            meta.setTitle("Seamline report: " + info.title());
            meta.setAuthor(info.examiner());
            meta.setCreator("Seamline " + SeamlineVersion.get());
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(reportTimeUtc.toEpochMilli());
            meta.setCreationDate(created);
            String footer = info.title() + (info.caseNumber() == null || info.caseNumber().isBlank() ? ""
                    : " \u00b7 case " + info.caseNumber()) + " \u00b7 report " + UtcTimes.format(reportTimeUtc);
            try (ReportPageWriter writer = new ReportPageWriter(document, ReportFonts.embedInto(document),
                    paper.rectangle(), footer)) {
                page = writer;
                cover();
                findings();
                evidence();
                timeline();
                gapSections();
                stitch();
                ladder();
                custody();
                method();
                howToVerify();
                writer.finish();
            }
            pages = document.getNumberOfPages();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Pages of the last document written. */
    int pages() {
        return pages;
    }

    private void cover() throws IOException {
        CaseInfo info = content.info();
        page.newPage();
        page.lines("Call recording examination report", page.fonts().sansBold(), 20, 0, 0.1f, 0.1f, 0.1f);
        page.space(6);
        page.lines(info.title(), page.fonts().sans(), 15, 0, 0.15f, 0.15f, 0.15f);
        page.space(14);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Case number", blank(info.caseNumber())});
        rows.add(new String[] {"Examiner", info.examiner()});
        rows.add(new String[] {"Case time zone", info.timeZone().getId()});
        rows.add(new String[] {"Case created", UtcTimes.format(info.createdUtc())});
        rows.add(new String[] {"Case created with", "Seamline " + info.toolVersion()});
        rows.add(new String[] {"Report made with", "Seamline " + SeamlineVersion.get()});
        rows.add(new String[] {"Report time", UtcTimes.format(reportTimeUtc)});
        rows.add(new String[] {"Signed by", signer.subject()});
        rows.add(new String[] {"Signer certificate SHA-256", signer.certificateSha256()});
        rows.add(new String[] {"Certificate", signer.selfSigned()
                ? "SELF-SIGNED: issued by the examiner to themselves; nobody else vouches for it. Compare its"
                        + " SHA-256 with the one the examiner gave you by another channel."
                : "issued by an organisation's certificate authority"});
        rows.add(new String[] {"Timestamp", signer.timestampAuthority() == null
                ? "none (the signing time is the examiner's clock)" : "RFC 3161 from " + signer.timestampAuthority()});
        rows.add(new String[] {"Contents", content.evidence().size() + " evidence item(s), " + content.calls().size()
                + " call(s), " + content.sipMessages().size() + " SIP message(s), " + content.lanes().size()
                + " audio lane(s), " + content.gaps().size() + " gap(s)"});
        long lastSeq = content.custody().isEmpty() ? 0 : content.custody().get(content.custody().size() - 1).seq();
        rows.add(new String[] {"Custody log", "listed up to entry " + lastSeq + "; this report's own entry (action"
                + " 'report', with this file's SHA-256) is recorded in the case after signing, so it is not listed here"});
        page.table(new float[] {0.28f, 0.72f}, new String[] {"", ""}, rows, page.fonts().sans(), ReportPageWriter.BODY_SIZE);
        page.space(8);
        page.paragraph("Sections: 1 Findings in plain words; 2 Evidence; 3 Timeline; 4 Each gap explained; 5 Stitched"
                + " recording; 6 SIP ladder; 7 Custody log; 8 Method and parameters; 9 How to verify this report."
                + " All times are UTC unless stated; times in the case time zone are marked with it.");
        if (content.lanes().isEmpty() && content.calls().isEmpty()) {
            page.paragraph("The case holds no analysis results: run 'seamline analyze' before making a report to"
                    + " include gaps, lanes and the SIP ladder.");
        }
    }

    private void findings() throws IOException {
        page.newPage();
        page.heading("1 Findings in plain words", 40);
        if (content.gaps().isEmpty()) {
            page.paragraph(content.lanes().isEmpty() ? "No audio was analysed, so no gaps could be looked for."
                    : "No gaps were found in any of the " + content.lanes().size() + " audio lane(s).");
        }
        List<GapRecord> explained = explained();
        if (explained.size() < content.gaps().size()) {
            page.paragraph(content.gaps().size() + " gaps were found. The " + explained.size() + " longest are described"
                    + " here and explained in section 4; section 4 begins with a table of every gap.");
        }
        int n = 1;
        for (GapRecord gap : explained) {
            page.lines("Gap " + n + ".", page.fonts().sansBold(), ReportPageWriter.BODY_SIZE, 0, 0, 0, 0);
            page.paragraph(FindingsWriter.sentence(gap, content), page.fonts().sans(), ReportPageWriter.BODY_SIZE, 0);
            page.space(3);
            n++;
        }
        for (CallRecord call : content.calls()) {
            page.paragraph("Call " + call.callId() + " from " + call.from() + " to " + call.to() + ": " + call.state()
                    + (call.startUtc() == null ? "" : ", started " + UtcTimes.format(call.startUtc()))
                    + (call.endUtc() == null ? "" : ", ended " + UtcTimes.format(call.endUtc()))
                    + (call.hungUpBy() == null ? "" : ", hung up by " + call.hungUpBy()) + ".");
        }
    }

    private void evidence() throws IOException {
        page.heading("2 Evidence", 60);
        page.paragraph("Every file as imported into the case vault, with the SHA-256 of its bytes (FIPS 180-4).");
        List<String[]> rows = new ArrayList<>();
        for (Evidence e : content.evidence()) {
            rows.add(new String[] {e.id() + "", e.originalName(), e.kind().name().toLowerCase(Locale.ROOT) + "\n"
                    + e.format(), e.sizeBytes() + " B", e.sha256(), UtcTimes.format(e.importedAtUtc()) + "\n"
                    + e.importedBy()});
        }
        page.table(new float[] {0.05f, 0.2f, 0.12f, 0.1f, 0.28f, 0.25f},
                new String[] {"#", "name", "kind", "size", "SHA-256", "imported at / by"}, rows, page.fonts().mono(), 6.6f);
    }

    private void timeline() throws IOException {
        page.heading("3 Timeline", TimelineFigureWriter.height(content.timeline().lanes().size()));
        if (content.timeline().lanes().isEmpty() && content.timeline().markers().isEmpty()) {
            page.paragraph("Nothing to draw: the case has no analysed lanes or events.");
            return;
        }
        int skipped = new TimelineFigureWriter(page, content.pyramids()).draw(content.timeline(),
                content.timeline().startUtc(), content.timeline().endUtc(), null);
        page.paragraph("Lanes are waveform envelopes (minimum to maximum per column) placed where alignment put them;"
                + " shaded spans are gaps coloured by kind; dotted lines are SIP and media events"
                + (skipped > 0 ? " (" + skipped + " label(s) left out where they would overlap; section 6 lists every"
                + " message)" : "") + ".", page.fonts().sans(), 7.5f, 0);
    }

    /**
     * The gaps that get a paragraph and a section: all of them up to {@link #MAX_EXPLAINED}, otherwise the
     * longest ones, in time order (a lane of digital silence can hold thousands of short dropouts).
     */
    private List<GapRecord> explained() {
        if (content.gaps().size() <= MAX_EXPLAINED) {
            return content.gaps();
        }
        return content.gaps().stream()
                .sorted(java.util.Comparator.comparingDouble(GapRecord::durationSec).reversed())
                .limit(MAX_EXPLAINED)
                .sorted(java.util.Comparator.comparing(GapRecord::startUtc).thenComparing(GapRecord::lane))
                .toList();
    }

    private void gapSections() throws IOException {
        List<GapRecord> explained = explained();
        if (explained.size() < content.gaps().size()) {
            page.heading("4 Every gap", 60);
            List<String[]> rows = new ArrayList<>();
            for (GapRecord g : content.gaps()) {
                rows.add(new String[] {g.lane(), g.kind(), UtcTimes.format(g.startUtc()),
                        String.format(Locale.ROOT, "%.3f s", g.durationSec()), g.cause(),
                        String.format(Locale.ROOT, "%.2f", g.confidence())});
            }
            page.table(new float[] {0.24f, 0.12f, 0.26f, 0.11f, 0.17f, 0.1f},
                    new String[] {"lane", "kind", "start (UTC)", "duration", "cause", "conf."}, rows,
                    page.fonts().sans(), 6.8f);
        }
        int n = 1;
        for (GapRecord gap : explained) {
            page.heading("4." + n + " Gap " + n + ": " + gap.kind() + " on " + gap.lane(), 120);
            List<String[]> facts = new ArrayList<>();
            facts.add(new String[] {"span (UTC)", UtcTimes.format(gap.startUtc()) + " to " + UtcTimes.format(gap.endUtc())});
            facts.add(new String[] {"in the file", String.format(Locale.ROOT, "%.3f s to %.3f s (%.3f s)", gap.startSec(),
                    gap.endSec(), gap.durationSec())});
            facts.add(new String[] {"cause", gap.cause() + ": " + gap.causeDetail()});
            facts.add(new String[] {"confidence", String.format(Locale.ROOT, "%.3f", gap.confidence())});
            facts.add(new String[] {"thresholds", CanonicalJson.write(gap.thresholds())});
            page.table(new float[] {0.18f, 0.82f}, new String[] {"", ""}, facts, page.fonts().sans(), 8f);

            Duration pad = Duration.ofMillis(Math.max(2000, (long) (gap.durationSec() * 500)));
            Instant from = gap.startUtc().minus(pad);
            Instant to = gap.endUtc().plus(pad);
            List<SipMessageRecord> near = near(gap);
            page.subheading("SIP messages around the gap");
            if (near.isEmpty()) {
                page.paragraph("No SIP message was captured around this gap.");
            } else {
                page.table(new float[] {0.2f, 0.22f, 0.22f, 0.36f},
                        new String[] {"time (UTC) " + day(near.get(0).timeUtc()), "from", "to", "message"},
                        ladderRows(near), page.fonts().sans(), 7f);
            }
            List<StreamRecord> streams = content.streams().stream()
                    .filter(s -> s.startUtc() != null && s.endUtc() != null && s.startUtc().isBefore(to)
                            && s.endUtc().isAfter(from)).toList();
            page.subheading("RTP streams involved");
            if (streams.isEmpty()) {
                page.paragraph("No captured RTP stream overlaps this gap.");
            } else {
                List<String[]> rows = new ArrayList<>();
                for (StreamRecord s : streams) {
                    rows.add(new String[] {s.ssrc(), s.srcIp() + ":" + s.srcPort() + " \u2192 " + s.dstIp() + ":" + s.dstPort(),
                            s.payload(), s.packets() + " / lost " + s.lost(), time(s.startUtc()) + "\n"
                            + time(s.endUtc()), s.problems() ? blank(s.problemReason()) : "none"});
                }
                page.table(new float[] {0.12f, 0.24f, 0.1f, 0.12f, 0.22f, 0.2f},
                        new String[] {"SSRC", "from \u2192 to", "payload", "packets", "first / last packet (UTC)", "problems"},
                        rows, page.fonts().sans(), 6.8f);
            }
            page.subheading("Waveform of each source around the gap");
            int shown = content.timeline().lanes().stream()
                    .filter(l -> l.alignedStartUtc().isBefore(to) && l.endUtc().isAfter(from)).toList().size();
            if (shown == 0) {
                page.paragraph("No audio lane covers this stretch.");
            } else {
                new TimelineFigureWriter(page, content.pyramids()).draw(content.timeline(), from, to, null);
            }
            n++;
        }
    }

    private List<SipMessageRecord> near(GapRecord gap) {
        List<SipMessageRecord> all = content.sipMessages();
        int first = 0;
        while (first < all.size() && all.get(first).timeUtc().isBefore(gap.startUtc())) {
            first++;
        }
        int last = first;
        while (last < all.size() && !all.get(last).timeUtc().isAfter(gap.endUtc())) {
            last++;
        }
        int from = Math.max(0, first - LADDER_CONTEXT / 2);
        int to = Math.min(all.size(), Math.max(last, first) + LADDER_CONTEXT / 2);
        return all.subList(from, to);
    }

    private List<String[]> ladderRows(List<SipMessageRecord> messages) {
        List<String[]> rows = new ArrayList<>();
        for (SipMessageRecord m : messages) {
            rows.add(new String[] {time(m.timeUtc()), m.src(), m.dst(), m.label()});
        }
        return rows;
    }

    private void stitch() throws IOException {
        page.heading("5 Stitched recording", 60);
        if (content.stitch().isEmpty()) {
            page.paragraph("No stitched recording was made in this case, so no gap is filled.");
            return;
        }
        StitchRecord s = content.stitch().get();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"made", UtcTimes.format(s.createdUtc()) + " (custody entry " + s.custodySeq() + ")"});
        rows.add(new String[] {"output", s.outputPath()});
        rows.add(new String[] {"output SHA-256", s.outputSha256()});
        rows.add(new String[] {"segments", s.segments().size() + " read from the manifest"});
        page.table(new float[] {0.18f, 0.82f}, new String[] {"", ""}, rows, page.fonts().sans(), 8f);
        page.subheading("Manifest");
        String manifest;
        try {
            JsonNode node = CanonicalJson.read(s.manifestJson());
            manifest = CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException | RuntimeException e) {
            manifest = s.manifestJson();
        }
        page.mono(manifest);
    }

    private void ladder() throws IOException {
        page.heading("6 SIP ladder", 60);
        if (content.sipMessages().isEmpty()) {
            page.paragraph("No SIP message was captured.");
            return;
        }
        Map<String, List<SipMessageRecord>> byCall = new LinkedHashMap<>();
        for (SipMessageRecord m : content.sipMessages()) {
            byCall.computeIfAbsent(m.callId() == null ? "(no Call-ID)" : m.callId(), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<SipMessageRecord>> call : byCall.entrySet()) {
            page.subheading("Call-ID " + call.getKey());
            page.table(new float[] {0.2f, 0.22f, 0.22f, 0.36f},
                    new String[] {"time (UTC) " + day(call.getValue().get(0).timeUtc()), "from", "to", "message"},
                    ladderRows(call.getValue()), page.fonts().sans(), 7f);
        }
    }

    private void custody() throws IOException {
        page.heading("7 Custody log", 60);
        long lastSeq = content.custody().isEmpty() ? 0 : content.custody().get(content.custody().size() - 1).seq();
        page.paragraph("Every action on the case in order. Each entry's hash is SHA-256 over its canonical form and"
                + " the previous entry's hash, so removing or changing an entry breaks the chain (seamline verify walks"
                + " it). Listed up to entry " + lastSeq + ": the entry recording this report is appended after signing,"
                + " with the signed file's SHA-256.");
        for (CustodyEntry e : content.custody()) {
            String text = "#" + e.seq() + "  " + UtcTimes.format(e.timeUtc()) + "  " + e.action() + "  " + e.subject()
                    + "\nby " + e.actor().examiner() + " (" + e.actor().osUser() + "@" + e.actor().host() + ")"
                    + "\ndetails " + e.detailsJson() + "\nprev " + e.prevHash() + "\nhash " + e.hash();
            page.ensure(40);
            page.mono(text);
            page.space(4);
        }
    }

    private void method() throws IOException {
        page.heading("8 Method and parameters", 80);
        page.paragraph("SIP and RTP were read from the captures (RFC 3261 messages, RFC 3550 streams with Wireshark's"
                + " statistics); audio lanes were decoded from recordings, edge buffers and captured RTP; gaps were found"
                + " per lane with the thresholds below; lanes were placed on one clock by the alignment method shown.");
        Map<String, Object> thresholds = new LinkedHashMap<>();
        for (GapRecord g : content.gaps()) {
            thresholds.putIfAbsent(CanonicalJson.write(g.thresholds()), g.kind());
        }
        if (!thresholds.isEmpty()) {
            page.subheading("Gap detection thresholds (as stored with each gap)");
            for (String t : thresholds.keySet()) {
                page.mono(t);
                page.space(2);
            }
            page.space(4);
        }
        if (!content.alignments().isEmpty()) {
            page.subheading("Alignment");
            List<String[]> rows = new ArrayList<>();
            for (AlignmentRecord a : content.alignments()) {
                rows.add(new String[] {a.lane(), a.method(), blank(a.reference()), a.alignedStartUtc() == null ? ""
                        : UtcTimes.format(a.alignedStartUtc()), String.format(Locale.ROOT, "%.3f ms\n%d samples",
                        a.offsetMs(), a.offsetSamples()), String.format(Locale.ROOT, "%.1f", a.driftPpm()),
                        String.format(Locale.ROOT, "%.2f%s", a.confidence(), a.flagged() ? " flagged" : "")});
            }
            page.table(new float[] {0.18f, 0.16f, 0.16f, 0.2f, 0.12f, 0.08f, 0.1f},
                    new String[] {"lane", "method", "reference", "first sample (UTC)", "offset", "drift ppm", "conf."},
                    rows, page.fonts().sans(), 6.8f);
        }
        if (!content.lanes().isEmpty()) {
            page.subheading("Lanes");
            List<String[]> rows = new ArrayList<>();
            for (LaneRecord l : content.lanes()) {
                rows.add(new String[] {l.name(), l.kind(), l.sampleRateHz() + " Hz", String.format(Locale.ROOT, "%.3f s",
                        l.durationSec()), blank(l.startSource()), blank(l.note())});
            }
            page.table(new float[] {0.22f, 0.12f, 0.1f, 0.12f, 0.16f, 0.28f},
                    new String[] {"lane", "kind", "rate", "length", "start from", "note"}, rows, page.fonts().sans(), 6.8f);
        }
    }

    private void howToVerify() throws IOException {
        page.heading("9 How to verify this report", 120);
        page.paragraph("This PDF carries a PAdES signature (ETSI.CAdES.detached) over every byte except the signature"
                + " itself. With poppler-utils:");
        page.mono("  pdfsig report.pdf");
        page.space(4);
        page.paragraph("It must print both \"Signature is Valid.\" and \"Total document signed\". \"Digest Mismatch\""
                + " means a byte was changed after signing; \"Not total document signed\" means something was appended."
                + (signer.selfSigned() ? " The certificate is self-signed, so pdfsig also says the issuer is unknown;"
                + " compare the certificate SHA-256 on the cover with the one the examiner gave you by another channel."
                : ""));
        page.paragraph("In an evidence package made by 'seamline export', check every file against its recorded hash:");
        page.mono("  cd package && sha256sum -c SHA256SUMS");
        page.space(4);
        page.paragraph("Or let Seamline check the package (folder or zip), this PDF alone, or the case file: it re-hashes"
                + " every file, checks the signature and walks the custody chain, naming each item that fails.");
        page.mono("  seamline verify package/\n  seamline verify package.zip\n  seamline verify report.pdf\n"
                + "  seamline verify case.seamline");
        page.space(4);
        page.paragraph("The SHA-256 of this signed file is recorded in the case's custody log (action 'report') and in"
                + " the package's SHA256SUMS.");
    }

    /** Time of day with microseconds, UTC; tables name the date in their header. */
    private static String time(Instant t) {
        return TIME.format(t);
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
