package io.seamline.cli;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.report.ExportRequest;
import io.seamline.report.ExportResult;
import io.seamline.report.ExportService;
import io.seamline.report.HttpTimestampClient;
import io.seamline.stitch.StitchRequest;
import io.seamline.stitch.StitchResult;
import io.seamline.stitch.StitchService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline export}: writes the evidence package of a case as a folder or zip and records it in custody. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the evidence package of a case: signed report.pdf, the latest stitched recording and",
                "manifest, every original as imported, a copy of the case file, README.txt and SHA256SUMS",
                "(check with: sha256sum -c SHA256SUMS). A target ending in .zip makes a zip. Never overwrites."})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE.zip", description = "The package to create.")
    Path out;

    @Option(names = "--stitch", description = {"Stitch the recording first (default options, written beside the"
            + " package as NAME-stitched.wav),", "as the window's Export dialog does, so the package holds a"
            + " stitch made now."})
    boolean stitchFirst;

    @CommandLine.Mixin
    ReportCommand.SigningMixin signing;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException, CancelledException {
        PrintWriter w = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        ExportResult result;
        try (CaseService service = CaseService.open(caseFile)) {
            service.caseFile().requireWritable();
            if (stitchFirst) {
                StitchResult stitched = new StitchService(service).stitch(StitchRequest.besidePackage(out), progress);
                w.println("Stitched " + stitched.output() + " (SHA-256 " + stitched.outputSha256() + ")");
            }
            ExportRequest request = new ExportRequest(out, signing.paper(out), signing.identity(),
                    signing.keyDirectory(),
                    signing.tsa == null ? null : new HttpTimestampClient(signing.tsa),
                    signing.tsa == null ? null : signing.tsa.toString());
            result = new ExportService(service).export(request, progress);
        } finally {
            progress.finish();
        }
        w.println("Wrote " + result.target() + (result.zip() ? " (zip, SHA-256 " + result.zipSha256() + ")" : "")
                + ": " + result.files() + " files");
        w.println("SHA256SUMS SHA-256 " + result.sha256SumsSha256());
        w.println("Report SHA-256 " + result.report().sha256() + (result.report().selfSigned()
                ? " (self-signed certificate)" : ""));
        for (String warning : result.warnings()) {
            w.println("warning: " + warning);
        }
        w.println("Recorded as custody entry " + result.custodySeq());
        return 0;
    }
}
