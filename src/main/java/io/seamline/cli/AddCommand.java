package io.seamline.cli;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceKind;
import io.seamline.casefile.ImportRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline add}: imports evidence files into the case's vault. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Import evidence files into the case (all or none).",
                "The format is detected from content; the kind follows from it unless --as is given."})
final class AddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file.")
    Path caseFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Evidence files to import.")
    List<Path> files;

    @Option(names = "--as", paramLabel = "KIND", converter = KindConverter.class,
            description = "Evidence kind: recording, edge-buffer, capture, metadata, event-log.")
    EvidenceKind kind;

    @Option(names = "--note", description = "A note kept with each imported file.", defaultValue = "")
    String note;

    @Option(names = "--json", description = "Print the imported evidence as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException, CancelledException {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        List<Evidence> imported;
        try (CaseService service = CaseService.open(caseFile)) {
            service.caseFile().requireWritable();
            imported = service.importEvidence(new ImportRequest(files, kind, note), progress);
        } finally {
            progress.finish();
        }
        if (json) {
            out.println(Json.write(imported.stream().map(EvidenceJson::of).toList()));
        } else {
            for (Evidence e : imported) {
                out.printf("%d\t%s\t%s\t%s\t%s%n", e.id(), e.kind().cliName(), e.format().label(), e.sha256(),
                        e.originalName());
            }
        }
        return 0;
    }

    /** Turns {@code --as} text into a kind, listing the accepted names when it is wrong. */
    static final class KindConverter implements CommandLine.ITypeConverter<EvidenceKind> {
        @Override
        public EvidenceKind convert(String value) {
            try {
                return EvidenceKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
