package io.seamline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of running the command line in-process: exit code and both output streams. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new);
        int code = SeamlineCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(argv);
        return new CliRun(code, out.toString(), err.toString());
    }
}
