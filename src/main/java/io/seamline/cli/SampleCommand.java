package io.seamline.cli;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.AnalysisSummary;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seamline sample}: builds a case from one of the bundled sample folders (its captures,
 * recordings and sidecars), analyses it, and opens the window on it.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Build a new case from a sample folder (e.g. sample-cases/failover), analyse it and open it.",
                "Imports the folder's captures (.pcap, .pcapng), recordings (.wav, .opus) and sidecars (.json)."})
final class SampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER", description = "A sample case folder.")
    Path folder;

    @Option(names = "--case", paramLabel = "CASE", description = "Where to create the case (default: a new file in"
            + " the temporary folder).")
    Path caseFile;

    @Option(names = "--no-gui", description = "Build and analyse only; do not open the window.")
    boolean noGui;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "Europe/London",
            description = "Case time zone (default ${DEFAULT-VALUE}, where the sample calls were made).")
    String timeZone;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException, CancelledException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(folder)) {
            throw new CaseFileException(folder, "is not a sample case folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(SampleCommand::isEvidence).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new CaseFileException(folder, "holds no captures, recordings or sidecars");
        }
        Path target = caseFile != null ? caseFile
                : Files.createTempFile("seamline-sample-" + folder.getFileName() + "-", ".seamline");
        if (caseFile == null) {
            Files.delete(target);
        }
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        try (CaseService service = CaseService.create(new NewCaseRequest(target, "Sample: " + folder.getFileName(),
                "SAMPLE-" + folder.getFileName().toString().toUpperCase(Locale.ROOT), System.getProperty("user.name",
                "examiner"), ZoneId.of(timeZone)))) {
            service.importEvidence(new ImportRequest(files, null, "bundled sample " + folder.getFileName()), progress);
            AnalysisSummary summary = new AnalysisService(service).analyze(progress);
            progress.finish();
            out.printf("Created %s from %d file(s): %d call(s), %d stream(s), %d handoff(s), %d lane(s), %d gap(s)%n",
                    target, files.size(), summary.calls(), summary.streams(), summary.handoffs(), summary.lanes(),
                    summary.gaps());
        } finally {
            progress.finish();
        }
        if (!noGui) {
            GuiCommand.openWindow(target);
        }
        return 0;
    }

    private static boolean isEvidence(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && !name.equals("expected.json")
                && (name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".wav")
                        || name.endsWith(".opus") || name.endsWith(".json"));
    }
}
