package io.seamline.cli;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.UtcTimes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline show}: prints a view of the case as a table or as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show the case, its evidence or its custody log.",
                "VIEW is one of: summary (default), evidence, custody, calls, sip, streams, events,",
                "lanes, gaps, alignment (the last seven after 'seamline analyze')."})
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VIEW", defaultValue = "summary",
            completionCandidates = Views.class, description = "What to show: ${COMPLETION-CANDIDATES}.")
    String view;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final List<String> VIEWS = List.of("summary", "evidence", "custody", "calls", "sip", "streams", "events",
            "lanes", "gaps", "alignment");

    /** The views {@code show} knows. */
    static final class Views implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return VIEWS.iterator();
        }
    }

    @Override
    public Integer call() throws CaseFileException {
        PrintWriter out = spec.commandLine().getOut();
        try (CaseService service = CaseService.open(caseFile)) {
            switch (view) {
                case "summary" -> summary(service, out);
                case "evidence" -> evidence(service.evidence(), out);
                case "custody" -> custody(service.custody(), out);
                case "calls", "sip", "streams", "events", "lanes", "gaps", "alignment" ->
                        new AnalysisViews(new AnalysisService(service).results(), out, json).show(view);
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown view '" + view + "' (expected one of " + String.join(", ", VIEWS) + ")");
            }
        }
        return 0;
    }

    private void summary(CaseService service, PrintWriter out) throws CaseFileException {
        CaseInfo info = service.info();
        List<Evidence> evidence = service.evidence();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", info.title());
            m.put("caseNumber", info.caseNumber());
            m.put("examiner", info.examiner());
            m.put("timeZone", info.timeZone().getId());
            m.put("createdUtc", UtcTimes.format(info.createdUtc()));
            m.put("toolVersion", info.toolVersion());
            m.put("evidence", evidence.stream().map(EvidenceJson::of).toList());
            m.put("custodyEntries", service.custody().size());
            out.println(Json.write(m));
            return;
        }
        out.println("Case:        " + info.title());
        out.println("Case number: " + (info.caseNumber().isEmpty() ? "-" : info.caseNumber()));
        out.println("Examiner:    " + info.examiner());
        out.println("Time zone:   " + info.timeZone().getId());
        out.println("Created:     " + UtcTimes.format(info.createdUtc()));
        out.println("Custody:     " + service.custody().size() + " entries");
        out.println();
        evidence(evidence, out);
    }

    private void evidence(List<Evidence> evidence, PrintWriter out) {
        if (json) {
            out.println(Json.write(evidence.stream().map(EvidenceJson::of).toList()));
            return;
        }
        TextTable table = new TextTable("ID", "KIND", "FORMAT", "SIZE", "SHA-256", "NAME", "IMPORTED (UTC)");
        for (Evidence e : evidence) {
            table.row(e.id(), e.kind().cliName(), e.format().label(), e.sizeBytes(), e.sha256(), e.originalName(),
                    UtcTimes.format(e.importedAtUtc()));
        }
        table.print(out, "no evidence yet: add some with 'seamline add CASE FILE...'");
    }

    private void custody(List<CustodyEntry> entries, PrintWriter out) {
        if (json) {
            out.println(Json.write(entries.stream().map(ShowCommand::custodyJson).toList()));
            return;
        }
        TextTable table = new TextTable("SEQ", "TIME (UTC)", "EXAMINER", "ACTION", "SUBJECT", "HASH");
        for (CustodyEntry e : entries) {
            table.row(e.seq(), UtcTimes.format(e.timeUtc()), e.actor().examiner(), e.action(), e.subject(),
                    e.hash().substring(0, 16) + "...");
        }
        table.print(out, "the custody log is empty");
    }

    private static Map<String, Object> custodyJson(CustodyEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("timeUtc", UtcTimes.format(e.timeUtc()));
        m.put("examiner", e.actor().examiner());
        m.put("osUser", e.actor().osUser());
        m.put("host", e.actor().host());
        m.put("action", e.action());
        m.put("subject", e.subject());
        m.put("details", io.seamline.casefile.CanonicalJson.read(e.detailsJson()));
        m.put("prevHash", e.prevHash());
        m.put("hash", e.hash());
        return m;
    }
}
