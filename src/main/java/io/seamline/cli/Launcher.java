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
        System.exit(SeamlineCommand.run(args));
    }
}
