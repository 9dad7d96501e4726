package io.seamline.ui;

import io.seamline.casefile.NewCaseRequest;
import java.io.File;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.TreeSet;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks for a new case's title, examiner, case number and time zone, then where to save it. */
final class NewCaseDialog {
    private NewCaseDialog() {
    }

    static Optional<NewCaseRequest> show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New case");
        TextField title = new TextField();
        title.setId("newCaseTitle");
        TextField examiner = new TextField(System.getProperty("user.name", ""));
        examiner.setId("newCaseExaminer");
        TextField number = new TextField();
        number.setId("newCaseNumber");
        ComboBox<String> zone = new ComboBox<>();
        zone.setId("newCaseZone");
        zone.setEditable(true);
        zone.getItems().addAll(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        zone.setValue(ZoneId.systemDefault().getId());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Examiner"), examiner);
        grid.addRow(2, new Label("Case number"), number);
        grid.addRow(3, new Label("Time zone"), zone);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(title.textProperty().isEmpty().or(examiner.textProperty().isEmpty()));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.getValue());
        } catch (DateTimeException e) {
            zoneId = ZoneId.systemDefault();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save new case as");
        chooser.setInitialFileName(title.getText().replaceAll("[^A-Za-z0-9._-]+", "-") + ".seamline");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new NewCaseRequest(file.toPath(), title.getText(), number.getText(), examiner.getText(),
                zoneId));
    }
}
