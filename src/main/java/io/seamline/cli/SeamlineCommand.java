package io.seamline.cli;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.SeamlineVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code seamline} command: its sub-commands, exit codes and error reporting. */
@Command(name = "seamline", mixinStandardHelpOptions = true, versionProvider = SeamlineCommand.Version.class,
        description = "Forensic inspector for contact-centre call recordings.",
        subcommands = {NewCommand.class, AddCommand.class, AnalyzeCommand.class, ShowCommand.class, VerifyCommand.class,
                StitchCommand.class, ReportCommand.class, ExportCommand.class, GuiCommand.class, SampleCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:verification failed or findings", "2:usage error", "3:input error",
                "4:internal error"})
public final class SeamlineCommand implements Runnable {
    /** Exit code: verification failed, or findings were reported. */
    public static final int FINDINGS = 1;
    /** Exit code: the command line was wrong. */
    public static final int USAGE = 2;
    /** Exit code: an input (case or evidence file) was missing, unreadable or malformed. */
    public static final int INPUT = 3;
    /** Exit code: a defect in Seamline itself. */
    public static final int INTERNAL = 4;

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        GuiCommand.openWindow(null);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A configured command line writing to the given streams (tests pass their own). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        SeamlineCommand root = new SeamlineCommand();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        // Descriptions are written as lines of up to 110 characters; a narrower width would re-wrap them raggedly.
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = root.debug || parseResult.hasMatchedOption("--debug");
            PrintWriter w = commandLine.getErr();
            int code;
            if (e instanceof CaseFileException || e instanceof CancelledException) {
                w.println("seamline: " + e.getMessage());
                code = INPUT;
            } else {
                w.println("seamline: internal error: " + e + " (run again with --debug for details)");
                code = INTERNAL;
            }
            if (debug) {
                e.printStackTrace(w);
            }
            w.flush();
            return code;
        });
        return cl;
    }

    /** Reports the build's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"seamline " + SeamlineVersion.get()};
        }
    }
}
