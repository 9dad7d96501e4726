package io.seamline.cli;

/**
 * Entry point of {@code seamline.jar}; does not extend a JavaFX class so the shaded jar starts
 * without JavaFX on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    /** Runs the command line; with no arguments it opens the window. */
    public static void main(String[] args) {
        // Opening the window is the one start a person waits on: building picocli's model of every command
        // costs about 0.4 s of CPU before the toolkit can start, so a bare or plain `gui [CASE]` skips it.
        if (args.length == 0 || args[0].equals("gui") && (args.length == 1
                || args.length == 2 && !args[1].startsWith("-"))) {
            GuiCommand.openWindow(args.length == 2 ? java.nio.file.Path.of(args[1]) : null);
            System.exit(0);
        }
        System.exit(SeamlineCommand.run(args));
    }
}
