package io.seamline.cli;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.report.ExaminerKeyStore;
import io.seamline.report.HttpTimestampClient;
import io.seamline.report.PaperSize;
import io.seamline.report.ReportRequest;
import io.seamline.report.ReportResult;
import io.seamline.report.ReportService;
import io.seamline.report.SigningException;
import io.seamline.report.SigningIdentity;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline report}: writes the signed PDF report of a case and records it in custody. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the signed PDF report of a case: findings in plain words, evidence, timeline, each gap",
                "explained, stitch manifest, SIP ladder, custody log, method and how to verify. Never overwrites;",
                "recorded in custody with the signed file's SHA-256."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The report to create.")
    Path out;

    @CommandLine.Mixin
    SigningMixin signing;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException, CancelledException {
        PrintWriter w = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        ReportResult result;
        try (CaseService service = CaseService.open(caseFile)) {
            service.caseFile().requireWritable();
            result = new ReportService(service).write(signing.request(out), progress);
        } finally {
            progress.finish();
        }
        w.println("Wrote " + result.pdf() + " (" + result.pages() + " pages, " + result.sizeBytes() + " bytes)");
        w.println("SHA-256 " + result.sha256());
        w.println("Signed by " + result.signer() + (result.selfSigned() ? " (self-signed certificate)" : "")
                + ", certificate SHA-256 " + result.certificateSha256());
        w.println("Recorded as custody entry " + result.custodySeq());
        return 0;
    }

    /** The signing options shared by {@code report} and {@code export}. */
    static final class SigningMixin {
        @Option(names = "--keystore", paramLabel = "FILE.p12",
                description = "Organisation PKCS#12 keystore (default: the examiner's self-signed key).")
        Path keystore;

        @Option(names = "--alias", paramLabel = "A", description = "Key entry in the keystore.")
        String alias;

        @Option(names = "--storepass-env", paramLabel = "VAR",
                description = "Environment variable holding the keystore password.")
        String storepassEnv;

        @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 timestamp authority.")
        URI tsa;

        @Option(names = "--examiner-key-dir", paramLabel = "DIR",
                description = "Folder of the examiner's self-signed key (default: the per-user Seamline config folder).")
        Path examinerKeyDir;

        @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4", description = "Paper size (default a4).")
        String paper;

        ReportRequest request(Path out) throws CaseFileException {
            PaperSize size;
            try {
                size = PaperSize.parse(paper);
            } catch (IllegalArgumentException e) {
                throw new CaseFileException(out, e.getMessage());
            }
            return new ReportRequest(out, size, identity(), keyDirectory(),
                    tsa == null ? null : new HttpTimestampClient(tsa), tsa == null ? null : tsa.toString());
        }

        Path keyDirectory() {
            return examinerKeyDir != null ? examinerKeyDir : ExaminerKeyStore.defaultConfigDirectory();
        }

        PaperSize paper(Path out) throws CaseFileException {
            try {
                return PaperSize.parse(paper);
            } catch (IllegalArgumentException e) {
                throw new CaseFileException(out, e.getMessage());
            }
        }

        SigningIdentity identity() throws CaseFileException {
            if (keystore == null) {
                return null;
            }
            try {
                char[] password = storepassEnv == null ? new char[0]
                        : ExaminerKeyStore.passwordFromEnvironment(storepassEnv, System.getenv());
                return ExaminerKeyStore.loadPkcs12(keystore, alias, password);
            } catch (SigningException e) {
                throw new CaseFileException(keystore, e.getMessage(), e);
            }
        }
    }
}
