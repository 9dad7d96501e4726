package io.seamline.ui;

import io.seamline.casefile.SeamlineVersion;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** The Help menu's dialogs: keyboard shortcuts and version. */
final class HelpDialogs {
    static final String SHORTCUTS = String.join("\n",
            "Case",
            "  Ctrl+N         New case",
            "  Ctrl+O         Open case (File > Open recent for the last ten)",
            "  Ctrl+I         Add evidence (or drop files on the window)",
            "  Ctrl+R         Analyze the case",
            "  Ctrl+E         Export the evidence package (stitch, signed report, originals, SHA256SUMS)",
            "  Ctrl+Q         Quit",
            "",
            "Timeline",
            "  + / =  -       Zoom in / out about the centre",
            "  Ctrl+wheel     Zoom about the mouse",
            "  F or 0         Fit the whole case",
            "  Left / Right   Pan by a tenth of the view",
            "  Drag, wheel    Pan",
            "  Shift+drag     Select a time range (Esc clears it)",
            "  Click          Gap: its details; elsewhere: move the playhead and choose the lane",
            "  Ctrl+T         Axis in UTC / in the case's time zone",
            "  Ctrl+M         Note on the selected range",
            "",
            "Playback",
            "  Space          Play the chosen lane (selection, or from the playhead) / pause",
            "",
            "Tables",
            "  Click a column header to sort; double-click a gap to zoom the timeline to it;",
            "  click a SIP ladder message for its raw text.",
            "",
            "  F1             This list");

    private HelpDialogs() {
    }

    static void shortcuts(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(SHORTCUTS);
        text.setEditable(false);
        text.setStyle("-fx-font-family: 'Monospaced';");
        text.setPrefRowCount(SHORTCUTS.split("\n").length);
        text.setPrefColumnCount(84);
        alert.getDialogPane().setContent(text);
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
