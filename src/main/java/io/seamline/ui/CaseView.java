package io.seamline.ui;

import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.UtcTimes;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The case window: the case header, its evidence table and custody log, a status line with a
 * progress bar and cancel button; evidence is added by menu or by dropping files on the window.
 */
public final class CaseView {
    private final CaseViewModel model;
    private final BorderPane root = new BorderPane();

    public CaseView(CaseViewModel model) {
        this.model = model;
        root.setId("caseWindow");
        root.setTop(new VBox(menuBar(), header()));
        root.setCenter(tables());
        root.setBottom(statusBar());
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                model.importFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** The root node to put in a scene. */
    public BorderPane root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem newCase = new MenuItem("New case...");
        newCase.setId("menuNewCase");
        newCase.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newCase.setOnAction(e -> NewCaseDialog.show(window()).ifPresent(model::newCase));
        MenuItem open = new MenuItem("Open case...");
        open.setId("menuOpenCase");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open case");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Seamline case", "*.seamline"));
            File file = chooser.showOpenDialog(window());
            if (file != null) {
                model.openCase(file.toPath());
            }
        });
        MenuItem add = new MenuItem("Add evidence...");
        add.setId("menuAddEvidence");
        add.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        add.disableProperty().bind(model.casePathProperty().isNull());
        add.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Add evidence");
            List<File> files = chooser.showOpenMultipleDialog(window());
            if (files != null) {
                model.importFiles(files.stream().map(File::toPath).toList());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> window().hide());
        Menu file = new Menu("File", null, newCase, open, add, new SeparatorMenuItem(), quit);
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> HelpDialogs.shortcuts(window()));
        MenuItem about = new MenuItem("About Seamline");
        about.setOnAction(e -> HelpDialogs.about(window()));
        Menu help = new Menu("Help", null, keys, about);
        return new MenuBar(file, help);
    }

    private Region header() {
        Label title = new Label();
        title.setId("caseTitle");
        title.getStyleClass().add("case-title");
        Label details = new Label();
        details.setId("caseDetails");
        details.getStyleClass().add("case-details");
        model.caseInfoProperty().addListener((obs, old, info) -> {
            title.setText(info == null ? "No case open" : info.title());
            details.setText(info == null ? "" : describe(info, model.casePathProperty().get()));
        });
        title.setText("No case open");
        VBox box = new VBox(2, title, details);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.getStyleClass().add("case-header");
        return box;
    }

    private static String describe(CaseInfo info, Path path) {
        return (info.caseNumber().isEmpty() ? "" : "Case " + info.caseNumber() + "  \u00b7  ") + "Examiner "
                + info.examiner() + "  \u00b7  Time zone " + info.timeZone().getId() + "  \u00b7  Created "
                + UtcTimes.format(info.createdUtc()) + (path == null ? "" : "  \u00b7  " + path);
    }

    private SplitPane tables() {
        TableView<Evidence> evidence = new TableView<>(model.evidence());
        evidence.setId("evidenceTable");
        evidence.setPlaceholder(new Label("No evidence yet. Drop recordings, edge buffers or captures here,"
                + " or use File > Add evidence."));
        evidence.getColumns().add(column("ID", 50, e -> Long.toString(e.id())));
        evidence.getColumns().add(column("Name", 260, Evidence::originalName));
        evidence.getColumns().add(column("Kind", 100, e -> e.kind().cliName()));
        evidence.getColumns().add(column("Format", 80, e -> e.format().label()));
        evidence.getColumns().add(column("Size", 100, e -> humanSize(e.sizeBytes())));
        evidence.getColumns().add(hashColumn("SHA-256", Evidence::sha256));
        evidence.getColumns().add(column("Imported (UTC)", 220, e -> UtcTimes.format(e.importedAtUtc())));

        TableView<CustodyEntry> custody = new TableView<>(model.custody());
        custody.setId("custodyTable");
        custody.setPlaceholder(new Label("The custody log is empty."));
        custody.getColumns().add(column("#", 50, e -> Long.toString(e.seq())));
        custody.getColumns().add(column("Time (UTC)", 220, e -> UtcTimes.format(e.timeUtc())));
        custody.getColumns().add(column("Examiner", 140, e -> e.actor().examiner()));
        custody.getColumns().add(column("Action", 110, CustodyEntry::action));
        custody.getColumns().add(column("Subject", 240, CustodyEntry::subject));
        custody.getColumns().add(hashColumn("Hash", CustodyEntry::hash));

        SplitPane split = new SplitPane(titled("Evidence", evidence), titled("Custody log", custody));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        VBox box = new VBox(4, label, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6, 8, 6, 8));
        return box;
    }

    private static <T> TableColumn<T, String> column(String title, double width,
            java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static <T> TableColumn<T, String> hashColumn(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = column(title, 560, value);
        c.getStyleClass().add("hash-column");
        return c;
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.setId("taskProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox box = new HBox(10, status, bar, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("status-bar");
        model.lastErrorProperty().addListener((obs, old, error) -> {
            status.getStyleClass().remove("status-error");
            if (error != null && !error.isEmpty()) {
                status.getStyleClass().add("status-error");
            }
        });
        return box;
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
