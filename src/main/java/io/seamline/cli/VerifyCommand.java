package io.seamline.cli;

import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seamline verify}: re-hashes the vault and walks the custody chain; exit 1 on any problem. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a case: re-hash every evidence item and walk the custody chain.",
                "Exits 0 when intact, 1 naming each item or entry that fails."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        VerificationReport report;
        try (CaseService service = CaseService.open(target)) {
            report = service.verify(progress);
        } finally {
            progress.finish();
        }
        String checked = report.evidenceChecked() + " evidence item(s), " + report.bytesChecked()
                + " bytes re-hashed, " + report.custodyEntriesChecked() + " custody entries chained";
        if (report.intact()) {
            out.println("OK " + target + ": intact (" + checked + ")");
            return 0;
        }
        for (String problem : report.problems()) {
            out.println("FAILED " + problem);
        }
        out.println("FAILED " + target + ": " + report.problems().size() + " problem(s) found (" + checked + ")");
        return SeamlineCommand.FINDINGS;
    }
}
