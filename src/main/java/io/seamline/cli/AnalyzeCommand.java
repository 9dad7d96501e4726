package io.seamline.cli;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.AnalysisSummary;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline analyze}: analyses every capture and recording in the case and stores the results. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse every capture and recording in the case: SIP dialogs, RTP streams, media",
                "handoffs, decoded audio, gaps and alignment. Replaces earlier results; recorded in custody."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException, CancelledException {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        AnalysisSummary summary;
        try (CaseService service = CaseService.open(caseFile)) {
            service.caseFile().requireWritable();
            summary = new AnalysisService(service).analyze(progress);
        } finally {
            progress.finish();
        }
        if (json) {
            out.println(Json.write(summary));
            return 0;
        }
        out.printf("Analysed %d capture(s): %d frames, %d call(s), %d SIP message(s), %d RTP stream(s),"
                + " %d media handoff(s); %d audio lane(s), %d gap(s)%n", summary.captures(), summary.frames(),
                summary.calls(), summary.sipMessages(), summary.streams(), summary.handoffs(), summary.lanes(),
                summary.gaps());
        for (String warning : summary.warnings()) {
            out.println("warning: " + warning);
        }
        return 0;
    }
}
