package io.seamline.ui;

import io.seamline.casefile.SeamlineVersion;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** The Help menu's dialogs: keyboard shortcuts and version. */
final class HelpDialogs {
    static final String SHORTCUTS = String.join("\n",
            "Ctrl+N   New case",
            "Ctrl+O   Open case",
            "Ctrl+I   Add evidence",
            "Ctrl+Q   Quit",
            "Drop files on the window to add them as evidence.");

    private HelpDialogs() {
    }

    static void shortcuts(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, SHORTCUTS);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.show();
    }

    static void about(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                "Forensic inspector for contact-centre call recordings.\nVersion " + SeamlineVersion.get());
        alert.initOwner(owner);
        alert.setTitle("About Seamline");
        alert.setHeaderText("Seamline " + SeamlineVersion.get());
        alert.show();
    }
}
