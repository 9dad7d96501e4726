package io.seamline.cli;

import io.seamline.casefile.CaseFileException;
import io.seamline.report.IntegrityReport;
import io.seamline.report.PackageVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code seamline verify}: checks a case, an evidence package (folder or zip) or a signed report; exit 1
 * naming each file or signature that fails.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a case (re-hash the vault, walk the custody chain), an evidence package folder or zip",
                "(SHA256SUMS, report signature, case copy, cross-checks) or a signed report PDF.",
                "Exits 0 when intact, 1 naming each file, item or signature that fails."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "A case file, package folder, package zip or report PDF.")
    Path target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        IntegrityReport report;
        try {
            report = new PackageVerifier().verify(target, progress);
        } finally {
            progress.finish();
        }
        String what = report.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String checked = String.join("; ", report.checked());
        if (report.intact()) {
            out.println("OK " + target + ": intact " + what + " (" + checked + ")");
            return 0;
        }
        for (String problem : report.problems()) {
            out.println("FAILED " + SeamlineCommand.oneLine(problem));
        }
        out.println("FAILED " + target + ": " + report.problems().size() + " problem(s) found in " + what
                + " (" + checked + ")");
        return SeamlineCommand.FINDINGS;
    }
}
