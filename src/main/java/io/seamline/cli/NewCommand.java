package io.seamline.cli;

import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.NewCaseRequest;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline new}: creates an empty case file. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new, empty case file.")
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file to create (e.g. call-4711.seamline).")
    Path caseFile;

    @Option(names = "--title", required = true, description = "Case title.")
    String title;

    @Option(names = "--examiner", required = true, description = "Examiner's name, recorded in every custody entry.")
    String examiner;

    @Option(names = "--case-number", description = "Case or ticket number.", defaultValue = "")
    String caseNumber;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "IANA time zone for local times (default: this computer's, ${DEFAULT-VALUE}).")
    String timeZone = ZoneId.systemDefault().getId();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--time-zone: '" + timeZone + "' is not an IANA time zone (e.g. Europe/London)");
        }
        try (CaseService service = CaseService.create(new NewCaseRequest(caseFile, title, caseNumber, examiner, zone))) {
            CaseInfo info = service.info();
            spec.commandLine().getOut().println("Created " + service.caseFile().path() + ": \"" + info.title()
                    + "\", examiner " + info.examiner() + ", time zone " + info.timeZone().getId());
        }
        return 0;
    }
}
