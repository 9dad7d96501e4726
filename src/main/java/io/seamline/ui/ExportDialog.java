package io.seamline.ui;

import io.seamline.report.PaperSize;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to export the evidence package and how to sign its report. */
final class ExportDialog {
    private ExportDialog() {
    }

    static Optional<ExportChoice> show(Window owner, Path caseFile) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export evidence package");
        String base = caseFile == null ? "case" : caseFile.getFileName().toString().replaceFirst("\\.seamline$", "");
        Path parent = caseFile == null || caseFile.getParent() == null ? Path.of(".") : caseFile.getParent();
        TextField target = new TextField(parent.resolve(base + "-package").toString());
        target.setId("exportTarget");
        target.setPrefColumnCount(40);
        Button folder = new Button("Folder...");
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder to create the package in");
            File dir = chooser.showDialog(owner);
            if (dir != null) {
                target.setText(dir.toPath().resolve(base + "-package").toString());
            }
        });
        CheckBox zip = new CheckBox("as one .zip file");
        zip.setId("exportZip");
        zip.selectedProperty().addListener((obs, was, now) -> {
            String t = target.getText().replaceFirst("\\.zip$", "");
            target.setText(now ? t + ".zip" : t);
        });
        CheckBox stitch = new CheckBox("stitch the recording first (fills each gap from the best aligned source)");
        stitch.setId("exportStitch");
        stitch.setSelected(true);
        ComboBox<PaperSize> paper = new ComboBox<>();
        paper.getItems().addAll(PaperSize.values());
        paper.setValue(PaperSize.A4);
        TextField keystore = new TextField();
        keystore.setId("exportKeystore");
        keystore.setPromptText("none: sign with the examiner's self-signed key");
        Button browse = new Button("Keystore...");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12 keystore", "*.p12", "*.pfx"));
            File f = chooser.showOpenDialog(owner);
            if (f != null) {
                keystore.setText(f.getPath());
            }
        });
        TextField alias = new TextField();
        alias.setPromptText("the only key entry");
        PasswordField password = new PasswordField();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Package"), target, folder);
        grid.addRow(1, new Label(""), zip);
        grid.addRow(2, new Label("Stitch"), stitch);
        grid.addRow(3, new Label("Paper"), paper);
        grid.addRow(4, new Label("Keystore"), keystore, browse);
        grid.addRow(5, new Label("Alias"), alias);
        grid.addRow(6, new Label("Password"), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(target.textProperty().isEmpty());
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        return Optional.of(new ExportChoice(Path.of(target.getText()), stitch.isSelected(), paper.getValue(),
                keystore.getText().isBlank() ? null : Path.of(keystore.getText()),
                alias.getText().isBlank() ? null : alias.getText(), password.getText().toCharArray(), null));
    }
}
