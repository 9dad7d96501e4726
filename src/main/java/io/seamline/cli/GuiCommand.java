package io.seamline.cli;

import io.seamline.ui.SeamlineApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seamline gui}: opens the window, on a case when one is named. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the Seamline window.")
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CASE", description = "A case file to open.")
    Path caseFile;

    @Override
    public Integer call() {
        openWindow(caseFile);
        return 0;
    }

    static void openWindow(Path caseFile) {
        SeamlineApp.launchWindow(caseFile);
    }
}
