package io.seamline.cli;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.SeamlineVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
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
            int code = isInputError(e) ? INPUT : INTERNAL;
            w.println("seamline: " + errorLine(e, namedFile(parseResult)));
            if (debug) {
                e.printStackTrace(w);
            }
            w.flush();
            return code;
        });
        // A wrong command line is one line too (picocli would add the whole usage text): what is wrong, and where
        // the help is.
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            PrintWriter w = c.getErr();
            w.println("seamline: " + oneLine(e.getMessage()) + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')");
            if (root.debug || java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(w);
            }
            w.flush();
            return USAGE;
        });
        return cl;
    }

    /** True for problems with what the user gave (a file, a case, a cancelled run), as opposed to defects. */
    static boolean isInputError(Throwable e) {
        return e instanceof CaseFileException || e instanceof CancelledException || e instanceof IOException
                || e instanceof UncheckedIOException;
    }

    /**
     * The one line printed for a failure: the message of a {@link CaseFileException} (it names its file); for
     * a file-system error its file and reason; otherwise the file the command was given and what went wrong.
     * Control characters and line breaks are folded into spaces so the line stays one line.
     */
    static String errorLine(Throwable e, Path givenFile) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return errorLine(u.getCause(), givenFile);
        }
        if (e instanceof CaseFileException || e instanceof CancelledException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "is not a folder"
                    : "cannot be read or written";
            return oneLine(f.getFile() + ": " + reason);
        }
        String where = givenFile == null ? "" : givenFile + ": ";
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : e.getMessage();
        if (e instanceof IOException) {
            return oneLine(message.contains(String.valueOf(givenFile)) ? message
                    : where + (message.isEmpty() ? "cannot be read or written" : message));
        }
        return oneLine(where + "internal error (" + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": "
                + message) + "); run again with --debug for details");
    }

    /** A message on one line: line breaks and other control characters become single spaces. */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    /** The first file (a {@link Path} parameter or option) the command was given, or null. */
    private static Path namedFile(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        for (CommandLine.Model.PositionalParamSpec p : last.matchedPositionals()) {
            Object value = p.getValue();
            if (value instanceof Path path) {
                return path;
            }
            if (value instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Path path) {
                return path;
            }
        }
        for (CommandLine.Model.OptionSpec o : last.matchedOptions()) {
            if (o.getValue() instanceof Path path) {
                return path;
            }
        }
        return null;
    }

    /** Reports the build's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"seamline " + SeamlineVersion.get()};
        }
    }
}
